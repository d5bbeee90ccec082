#include "RelayProcess.h"

#include "EventLoopWait.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>

namespace vantage {

namespace {

constexpr int kStartTimeoutMs = 10'000;
constexpr int kRequestTimeoutMs = 5'000;
const QLatin1String kListening("vantage-relay listening on ");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

bool RelayProcess::start(const QString &program, const QStringList &arguments, const QString &logPath,
                         QString *error)
{
    m_logPath = logPath;
    m_network.setProxy(QNetworkProxy::NoProxy); // 127.0.0.1 only, whatever the environment says
    if (!m_process.start(program, arguments, logPath, error))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+) "));
    QRegularExpressionMatch match;
    const bool listens = waitFor(
        [&] {
            match = listening.match(QString::fromUtf8(readAll(m_logPath)));
            return match.hasMatch() || !m_process.isRunning();
        },
        kStartTimeoutMs);
    m_port = match.hasMatch() ? match.captured(1).toUShort() : 0;
    if (!listens || m_port == 0) {
        *error = QStringLiteral("vantage-relay did not start listening: ") +
                 QString::fromUtf8(readAll(m_logPath)).trimmed();
        return false;
    }
    return true;
}

std::optional<RelayProcess::Health> RelayProcess::health()
{
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/healthz").arg(m_port));
    QNetworkReply *reply = m_network.get(QNetworkRequest(url));
    const bool finished = waitFor([reply] { return reply->isFinished(); }, kRequestTimeoutMs, 1);
    if (!finished)
        reply->abort();
    const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    if (!object.contains(QLatin1String("last_seq")))
        return std::nullopt;
    return Health{
        object.value(QLatin1String("last_seq")).toInteger(),
        object.value(QLatin1String("clients")).toObject().value(QLatin1String("websocket")).toInt()};
}

std::optional<RelayProcess::Health> RelayProcess::waitForWebSocketClients(int count, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const std::optional<Health> now = health();
        if (now && now->webSocketClients == count)
            return now;
        waitMs(5);
    }
    return std::nullopt;
}

double RelayProcess::cpuSeconds() const
{
    return m_process.cpuSecondsSoFar();
}

QString RelayProcess::stop()
{
    m_process.terminate();
    m_process.waitForExit(kStartTimeoutMs);
    QStringList notes;
    for (const QString &line :
         QString::fromUtf8(readAll(m_logPath)).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.startsWith(kListening))
            notes << line;
    }
    return notes.join(QLatin1String("; "));
}

QString RelayProcess::stopWith(const QString &problem)
{
    const QString notes = stop();
    return problem.isEmpty() && !notes.isEmpty() ? QStringLiteral("the relay logged: ") + notes : problem;
}

} // namespace vantage
