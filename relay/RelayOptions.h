#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace vantage {

struct RelayOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: the system picks a free port (RelayServer::port() tells which)
    QString epoch;    // empty: a new random one ("r-" + hex), i.e. a fresh sequence space
    // The seq of the first message published. A restart that keeps its epoch continues the
    // numbering with the old lastSeq + 1, so resuming clients see no duplicates.
    qint64 firstSeq = 1;
    int bufferSize = 10000;  // messages kept for resuming clients; 0 disables replay
    int heartbeatMs = 15000; // announced in hello; SSE keep-alive comments and WebSocket pings; 0: none
    // The SSE "retry:" hint: how long an EventSource waits before it reconnects. Tests that
    // cut connections on purpose lower it.
    int sseRetryMs = 2000;
    // Non-empty: every request but /healthz must carry "Authorization: Bearer <token>"; others
    // are answered 401 before any upgrade, as a backend behind an auth proxy would.
    QByteArray requiredToken;
    // Both set: the port speaks TLS (https:// and wss://) with this PEM certificate and key.
    QString tlsCertFile;
    QString tlsKeyFile;
    // A client whose unsent bytes exceed this is dropped as a slow consumer (and counted), so
    // one stalled reader cannot grow the relay without bound.
    qsizetype maxClientBacklogBytes = 8 * 1024 * 1024;
    // Takes operators' acknowledgements from WebSocket clients and shares them with every client
    // (docs/protocol.md, "alert_ack"); announced in hello's "accepts".
    bool acceptAcks = true;
};

} // namespace vantage
