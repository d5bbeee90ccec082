#pragma once

#include "ChildProcess.h"

#include <QNetworkAccessManager>
#include <QString>

#include <optional>

namespace vantage {

// The real vantage-relay binary as the sender, observed from outside: its /healthz for what
// it published, /proc for the CPU it used.
class RelayProcess
{
public:
    struct Health
    {
        qint64 lastSeq = 0;
        int webSocketClients = 0;
    };

    // Starts the relay and waits for its "listening on http://127.0.0.1:PORT" line.
    bool start(const QString &program, const QStringList &arguments, const QString &logPath, QString *error);
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.pid(); }
    std::optional<Health> health();
    // Polls /healthz until exactly `count` WebSocket clients are connected.
    std::optional<Health> waitForWebSocketClients(int count, int timeoutMs);
    // CPU seconds (user + system) used so far; from /proc, while the relay runs.
    double cpuSeconds() const;
    // SIGTERM, then waits; returns what the relay logged besides its listening line.
    QString stop();
    // stop(), for a run that found `problem` (empty: none): that problem, or else anything the
    // relay logged, which spoils the run too.
    QString stopWith(const QString &problem);

private:
    ChildProcess m_process;
    QString m_logPath;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;
};

} // namespace vantage
