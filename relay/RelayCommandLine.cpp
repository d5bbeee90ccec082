#include "relay/RelayCommandLine.h"

#include "feed/TokenSource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace vantage {

namespace {

// Delays become QTimer intervals in milliseconds, which must fit an int.
constexpr double kMaxDurationS = 20.0 * 24 * 3600;
// --backpressure: well under the 8 MiB at which a client is dropped as slow, even with one
// tick's burst (5000 messages) on top, and still megabytes ahead of a client that reads.
constexpr qint64 kBackpressureBytes = 1024 * 1024;

std::optional<double> parsePositive(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value > 0) || !qIsFinite(value))
        return std::nullopt;
    return value;
}

std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace

RelayCommandLineResult parseRelayCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "vantage-relay: serves Vantage protocol v1 over WebSocket (/stream) and Server-Sent Events "
        "(/events) on one port, fed from a recorded log. Prints \"vantage-relay listening on URL "
        "(epoch E)\" once it listens."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on; 0 picks a free one (default 0)."),
                                  QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption log(QStringLiteral("log"), QStringLiteral("Publish the NDJSON log FILE."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Publish the bundled demo log, looped."));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("Publish N messages per second, stamped with the time "
                                                 "they go out (default: the recorded pace)."),
                                  QStringLiteral("N"));
    const QCommandLineOption speed(
        QStringLiteral("speed"),
        QStringLiteral("Play the recorded pace X times as fast, or \"max\" for as fast as possible "
                       "(default 1)."),
        QStringLiteral("X"));
    const QCommandLineOption loop(QStringLiteral("loop"), QStringLiteral("Start the log again at its end."));
    const QCommandLineOption backpressure(
        QStringLiteral("backpressure"),
        QStringLiteral("Pause publishing while a client has more than 1 MiB unsent: the feed goes as "
                       "fast as the slowest client reads, and no client is dropped as slow (benchmarks)."));
    const QCommandLineOption buffer(QStringLiteral("buffer"),
                                    QStringLiteral("Messages kept for resuming clients (default 10000)."),
                                    QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption epoch(QStringLiteral("epoch"),
                                   QStringLiteral("The stream epoch (default: a new random one)."),
                                   QStringLiteral("E"));
    const QCommandLineOption firstSeq(
        QStringLiteral("first-seq"),
        QStringLiteral("The seq of the first message (default 1); with --epoch, a restart continues "
                       "where the last run stopped."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption heartbeat(
        QStringLiteral("heartbeat-ms"),
        QStringLiteral("SSE keep-alive and WebSocket ping interval, announced in hello; 0 for none "
                       "(default 15000)."),
        QStringLiteral("MS"), QStringLiteral("15000"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("Serve TLS with this PEM certificate (chain)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("The PEM private key for --tls-cert."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QStringLiteral("Require \"Authorization: Bearer <token>\" with the token in FILE on every "
                       "request but /healthz."),
        QStringLiteral("FILE"));
    const QCommandLineOption noAcks(
        QStringLiteral("no-acks"),
        QStringLiteral("Do not take alert acknowledgements from clients (as a server without them)."));
    const QCommandLineOption duration(
        QStringLiteral("duration"), QStringLiteral("Exit after SECONDS (default: run until SIGINT/SIGTERM)."),
        QStringLiteral("SECONDS"));
    parser.addOptions({host, port, log, demo, rate, speed, loop, backpressure, buffer, epoch, firstSeq,
                       heartbeat, tlsCert, tlsKey, tokenFile, noAcks, duration});

    RelayCommandLineResult result;
    auto fail = [&result](const QString &message) {
        result.message = message;
        result.exitCode = 2;
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        result.message = parser.helpText().replace(QLatin1String("<executable_name>"),
                                                   QFileInfo(arguments.value(0)).fileName());
        return result;
    }
    if (parser.isSet(version)) {
        result.message =
            QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion();
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument: ") + parser.positionalArguments().constFirst());

    RelayRunOptions options;
    if (!options.relay.address.setAddress(parser.value(host)))
        return fail(QStringLiteral("--host must be an IP address, such as 127.0.0.1 or ::1"));
    const auto portValue = parseInteger(parser.value(port), 0, 65535);
    if (!portValue)
        return fail(QStringLiteral("--port must be between 0 and 65535"));
    options.relay.port = quint16(*portValue);

    if (parser.isSet(log) && parser.isSet(demo))
        return fail(QStringLiteral("choose one of --log and --demo"));
    options.feed.path = parser.value(log);
    options.demo = parser.isSet(demo);
    if (parser.isSet(rate) && parser.isSet(speed))
        return fail(QStringLiteral("choose one of --rate and --speed"));
    if (parser.isSet(rate)) {
        const auto value = parsePositive(parser.value(rate));
        if (!value || *value > 10'000'000)
            return fail(QStringLiteral("--rate must be a positive number of messages per second"));
        options.feed.rate = *value;
    }
    if (parser.isSet(speed)) {
        if (parser.value(speed) == QLatin1String("max")) {
            options.feed.speed = 0.0;
        } else {
            const auto value = parsePositive(parser.value(speed));
            if (!value)
                return fail(QStringLiteral("--speed must be a positive number or \"max\""));
            options.feed.speed = *value;
        }
    }
    // The demo is a show without an end, like the dashboard's own demo.
    options.feed.loop = parser.isSet(loop) || options.demo;
    if (parser.isSet(backpressure))
        options.feed.backpressureBytes = kBackpressureBytes;
    const bool feeds = !options.feed.path.isEmpty() || options.demo;
    if (!feeds &&
        (parser.isSet(rate) || parser.isSet(speed) || parser.isSet(loop) || parser.isSet(backpressure)))
        return fail(QStringLiteral("--rate, --speed, --loop and --backpressure need --log or --demo"));

    const auto bufferValue = parseInteger(parser.value(buffer), 0, 10'000'000);
    if (!bufferValue)
        return fail(QStringLiteral("--buffer must be between 0 and 10000000 messages"));
    options.relay.bufferSize = int(*bufferValue);
    if (parser.isSet(epoch)) {
        options.relay.epoch = parser.value(epoch);
        // The epoch travels in URLs and in "E:SEQ" event ids: keep it to safe characters.
        const bool safe = !options.relay.epoch.isEmpty() && options.relay.epoch.size() <= 64 &&
                          std::all_of(options.relay.epoch.cbegin(), options.relay.epoch.cend(), [](QChar c) {
                              return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ||
                                     c == QLatin1Char('.');
                          });
        if (!safe)
            return fail(QStringLiteral("--epoch must be 1 to 64 letters, digits, '-', '_' or '.'"));
    }
    const auto firstSeqValue = parseInteger(parser.value(firstSeq), 0, Q_INT64_C(999'999'999'999'999'999));
    if (!firstSeqValue)
        return fail(QStringLiteral("--first-seq must be a non-negative integer"));
    options.relay.firstSeq = *firstSeqValue;
    const auto heartbeatValue = parseInteger(parser.value(heartbeat), 0, 3'600'000);
    if (!heartbeatValue)
        return fail(QStringLiteral("--heartbeat-ms must be between 0 and 3600000"));
    options.relay.heartbeatMs = int(*heartbeatValue);
    options.relay.acceptAcks = !parser.isSet(noAcks);
    options.relay.tlsCertFile = parser.value(tlsCert);
    options.relay.tlsKeyFile = parser.value(tlsKey);
    if (options.relay.tlsCertFile.isEmpty() != options.relay.tlsKeyFile.isEmpty())
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));
    if (parser.isSet(tokenFile)) {
        const TokenResult token = readBearerToken(parser.value(tokenFile), QByteArray());
        if (!token.error.isEmpty())
            return fail(token.error);
        options.relay.requiredToken = token.token;
    }
    if (parser.isSet(duration)) {
        const auto value = parsePositive(parser.value(duration));
        if (!value || *value > kMaxDurationS)
            return fail(QStringLiteral("--duration must be a positive number of seconds, at most 20 days"));
        options.durationS = *value;
    }
    result.options = options;
    return result;
}

QString findRelayDemoLog()
{
    // The same places the dashboard looks (app/SourceFactory.cpp), without depending on app/.
    const QString relative = QStringLiteral("vantage/demo.ndjson");
    const QString besideBinary =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/") + relative);
    if (QFileInfo::exists(besideBinary))
        return QDir::cleanPath(besideBinary);
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation, relative);
}

} // namespace vantage
