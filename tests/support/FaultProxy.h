#pragma once

#include <QList>
#include <QObject>

#include <optional>
#include <utility>

class QTcpServer;

namespace vantage::test {

class FaultProxyConnection;

// A TCP proxy on 127.0.0.1 that sits between a client and a server under test and injects
// connection faults on demand: split and delayed delivery, cuts mid-stream, silent stalls,
// refused connections and a WebSocket-blocking "corporate proxy". Every random choice comes
// from generators seeded by setSeed(), one set per connection, so a failing run can be replayed.
//
// Faults act on the downstream direction (server to client); the client's bytes are forwarded
// as they are, apart from the optional upgrade rejection.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    explicit FaultProxy(quint16 upstreamPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1 on an ephemeral port.
    bool listen();
    quint16 port() const;
    // Applies to connections accepted from now on (a restarted server may get a new port).
    void setUpstreamPort(quint16 upstreamPort);
    quint16 upstreamPort() const;

    // Seeds the generators of connections accepted from now on.
    void setSeed(quint32 seed);
    // Downstream bytes are written in pieces of 1..7 bytes, each its own flushed write. Pieces
    // are paced (about 1 MB/s, at least one per event-loop turn) so that a reader in the same
    // thread also gets its reads cut at random offsets instead of the whole stream at once.
    void setSplitting(bool enabled);
    // Each downstream piece is held for a random time in [minMs, maxMs] after its bytes arrived,
    // never overtaking an earlier piece. (0, 0) turns the delay off.
    void setDelay(int minMs, int maxMs);

    // Aborts every connection pair, both sockets, at once: a network cut.
    void cutAll();
    // Aborts each connection once it has forwarded a random number of downstream bytes in
    // [minBytes, maxBytes]: counted from its start for new connections and from this call for
    // current ones. Stays in force for every later connection until clearCutAfter().
    void cutEachAfter(qint64 minBytes, qint64 maxBytes);
    void clearCutAfter();

    // Current connections stop forwarding downstream but keep both sockets open; upstream bytes
    // are held (up to the buffering cap) until unstall(). Later connections are not stalled.
    void stallAll();
    void unstall();

    // A client whose first request carries "Upgrade: websocket" gets a 403 from the proxy and is
    // closed; the request never reaches the server. Other requests pass.
    void setRejectWebSocketUpgrades(bool enabled);
    // Accepted clients are closed at once, as if nothing listened on the port.
    void setRefuseConnections(bool enabled);

    int activeConnections() const;
    int connectionsAccepted() const;
    int connectionsRefused() const;
    int cutsDone() const;
    // Downstream bytes handed to client sockets, over all connections so far.
    qint64 bytesDown() const;
    // Downstream bytes read from the server but not yet written to the kernel for the client.
    qint64 bytesQueued() const;

    // Beyond this many queued bytes per connection and direction, the proxy stops reading.
    static constexpr qint64 kMaxQueuedBytes = 4 * 1024 * 1024;

Q_SIGNALS:
    void connectionAccepted();
    void connectionCut();
    // One downstream write (a piece, when splitting) of the given size.
    void pieceForwarded(qint64 bytes);

private:
    friend class FaultProxyConnection;

    void acceptPending();
    void cut(FaultProxyConnection *connection);
    void finished(FaultProxyConnection *connection);

    QTcpServer *m_server;
    QList<FaultProxyConnection *> m_connections;
    quint16 m_upstreamPort;
    quint32 m_seed = 1;
    bool m_splitting = false;
    int m_delayMinMs = 0;
    int m_delayMaxMs = 0;
    std::optional<std::pair<qint64, qint64>> m_cutRange;
    bool m_rejectUpgrades = false;
    bool m_refuse = false;
    int m_accepted = 0;
    int m_refused = 0;
    int m_cuts = 0;
    qint64 m_bytesDown = 0;
};

} // namespace vantage::test
