#include "relay/LogFeeder.h"
#include "relay/RelayCommandLine.h"
#include "relay/RelayServer.h"
#include "feed/ShutdownSignals.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cmath>

using namespace vantage;

namespace {

// 127.0.0.1 or [::1], as a URL wants it.
QString urlHost(const QHostAddress &address)
{
    const QString text = address.toString();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + text + QLatin1Char(']')
                                                               : text;
}

int fail(const QString &message, int exitCode)
{
    QTextStream(stderr) << "vantage-relay: " << message << Qt::endl;
    return exitCode;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Vantage"));
    QCoreApplication::setApplicationName(QStringLiteral("vantage-relay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VANTAGE_VERSION));

    const RelayCommandLineResult parsed = parseRelayCommandLine(QCoreApplication::arguments());
    if (!parsed.options) {
        if (parsed.exitCode != 0)
            return fail(parsed.message, parsed.exitCode);
        QTextStream(stdout) << parsed.message << Qt::endl;
        return 0;
    }
    RelayRunOptions options = *parsed.options;
    if (options.demo) {
        options.feed.path = findRelayDemoLog();
        if (options.feed.path.isEmpty())
            return fail(QStringLiteral("the bundled demo log (share/vantage/demo.ndjson) was not found; "
                                       "build the project or pass --log FILE"),
                        1);
    }

    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::received, &app, [] { QCoreApplication::quit(); });

    RelayServer server(options.relay);
    QString error;
    if (!server.listen(&error))
        return fail(error, 1);

    LogFeeder feeder(options.feed, &server);
    QObject::connect(&feeder, &LogFeeder::failed, &app, [](const QString &reason) {
        QTextStream(stderr) << "vantage-relay: " << reason << Qt::endl;
        QCoreApplication::exit(1);
    });
    if (!options.feed.path.isEmpty() && !feeder.start(&error))
        return fail(error, 1);

    const bool tls = !options.relay.tlsCertFile.isEmpty();
    QTextStream(stdout) << "vantage-relay listening on " << (tls ? "https://" : "http://")
                        << urlHost(options.relay.address) << ':' << server.port() << " (epoch "
                        << server.epoch() << ')' << Qt::endl;

    if (options.durationS > 0)
        QTimer::singleShot(int(std::llround(options.durationS * 1000)), &app,
                           [] { QCoreApplication::quit(); });
    const int exitCode = QCoreApplication::exec();
    feeder.stop();
    server.close();
    return exitCode;
}
