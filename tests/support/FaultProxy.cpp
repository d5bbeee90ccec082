#include "FaultProxy.h"

#include <QByteArrayView>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QScopedValueRollback>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <utility>

namespace vantage::test {

namespace {

// Qt's socket read buffers are capped, so that the proxy's queues (bounded by kMaxQueuedBytes)
// decide how much is held rather than Qt reading on; the proxy reads them in chunks.
constexpr qint64 kSocketReadBuffer = 1024 * 1024;
constexpr qint64 kReadChunk = 64 * 1024;
// A first request without "\r\n\r\n" by this size is not a request head worth inspecting.
constexpr qsizetype kMaxRequestHead = 64 * 1024;
constexpr int kMaxPieceBytes = 7;
// Split pieces go out at this rate, but at least one per event-loop turn. A reader in the same
// thread that spins the loop fast then sees the stream in reads of a few pieces, and one that
// naps between turns (QTest::qWaitFor sleeps 10 ms) still gets it at a useful rate, its reads
// still ending at random offsets. Writing every piece at once would hand such a reader the
// whole stream in one read.
constexpr qint64 kSplitBytesPerMs = 1024;
constexpr qint64 kNsPerMs = 1'000'000;

// Each connection draws from its own generators, derived from the proxy's seed, the
// connection's number and what the draws are for. Draws therefore do not depend on how
// connections interleave, and split points do not shift when delays are turned on.
enum class Stream : quint32 { Split = 1, Delay = 2, Cut = 3 };

QRandomGenerator seededGenerator(quint32 seed, int connectionNumber, Stream stream)
{
    const quint32 seeds[] = {seed, quint32(connectionNumber), quint32(stream)};
    return QRandomGenerator(seeds);
}

// True when one of the header lines is "Upgrade:" with "websocket" among its protocols, both
// matched case-insensitively as HTTP requires. `head` excludes the terminating empty line.
bool isWebSocketUpgrade(QByteArrayView head)
{
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().compare("upgrade", Qt::CaseInsensitive) != 0)
            continue;
        const QList<QByteArray> protocols = line.mid(colon + 1).split(',');
        for (const QByteArray &protocol : protocols) {
            if (protocol.trimmed().compare("websocket", Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

// One client connection and its upstream connection. Downstream bytes flow
// upstream socket -> m_pending (as read, with arrival times) -> m_next (one carved piece waiting
// for its due time) -> client socket; every fault acts on that path.
class FaultProxyConnection : public QObject
{
    Q_OBJECT

public:
    FaultProxyConnection(FaultProxy *proxy, QTcpSocket *client, int number);
    ~FaultProxyConnection() override;

    // Called once the proxy tracks the connection, since it may finish synchronously.
    void start();
    void cutAfterFromNow(qint64 minBytes, qint64 maxBytes);
    void clearCutAfter();
    void setStalled(bool stalled);
    // Aborts both sockets without reporting back to the proxy.
    void abortBoth();
    qint64 queuedDown() const;

private:
    struct Chunk
    {
        QByteArray bytes;
        qint64 arrivedMs;
    };
    struct Piece
    {
        QByteArray bytes;
        qint64 dueMs;
        // Split pieces are paced by kSplitBytesPerMs.
        bool split;
    };

    void openUpstream();
    void readClient();
    void forwardUp(const QByteArray &bytes);
    void rejectUpgrade();
    void onUpstreamConnected();
    void onUpstreamError();
    void onUpstreamReadyRead();
    void onClientBytesWritten();
    void onClientDisconnected();
    void onUpstreamDisconnected();
    void readUpstream();
    void pump();
    Piece carve();
    void beginCut();
    void closeClientWhenDrained();
    void checkFinished();
    qint64 queuedUp() const;

    FaultProxy *m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream = nullptr;
    QTimer *m_pumpTimer;
    QElapsedTimer m_clock;
    QRandomGenerator m_splitRng;
    QRandomGenerator m_delayRng;
    QRandomGenerator m_cutRng;

    // Client to upstream.
    bool m_inspectingHead;
    QByteArray m_head;
    QByteArray m_upBacklog;
    bool m_rejected = false;

    // Upstream to client.
    std::deque<Chunk> m_pending;
    qsizetype m_frontOffset = 0;
    qint64 m_pendingBytes = 0;
    std::optional<Piece> m_next;
    qint64 m_lastDueMs = 0;
    qint64 m_splitTurnStartNs = 0;
    // Offsets in the downstream stream: bytes carved so far, where the next split falls and
    // where the connection is to be cut.
    qint64 m_carved = 0;
    qint64 m_nextSplitAt = 0;
    std::optional<qint64> m_cutAt;

    bool m_pumping = false;
    bool m_stalled = false;
    bool m_cutPending = false;
    bool m_upstreamConnected = false;
    bool m_upstreamFailed = false;
    bool m_upstreamClosed = false;
    bool m_clientGone = false;
    bool m_clientClosing = false;
    bool m_finished = false;
};

FaultProxyConnection::FaultProxyConnection(FaultProxy *proxy, QTcpSocket *client, int number)
    : QObject(proxy)
    , m_proxy(proxy)
    , m_client(client)
    , m_pumpTimer(new QTimer(this))
    , m_splitRng(seededGenerator(proxy->m_seed, number, Stream::Split))
    , m_delayRng(seededGenerator(proxy->m_seed, number, Stream::Delay))
    , m_cutRng(seededGenerator(proxy->m_seed, number, Stream::Cut))
    , m_inspectingHead(proxy->m_rejectUpgrades)
{
    m_clock.start();
    m_client->setParent(this);
    m_client->setReadBufferSize(kSocketReadBuffer);
    // Without this, Nagle would merge the small pieces again on their way to the client.
    m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_pumpTimer->setSingleShot(true);
    m_pumpTimer->setTimerType(Qt::PreciseTimer);
    connect(m_pumpTimer, &QTimer::timeout, this, &FaultProxyConnection::pump);
    connect(m_client, &QTcpSocket::readyRead, this, &FaultProxyConnection::readClient);
    connect(m_client, &QTcpSocket::bytesWritten, this, &FaultProxyConnection::onClientBytesWritten);
    connect(m_client, &QTcpSocket::disconnected, this, &FaultProxyConnection::onClientDisconnected);
    if (const auto range = proxy->m_cutRange)
        m_cutAt = m_cutRng.bounded(range->first, range->second + 1);
}

FaultProxyConnection::~FaultProxyConnection()
{
    abortBoth();
}

void FaultProxyConnection::start()
{
    // When upgrades may be rejected, the server must not even see the connection until the
    // request head is known to be allowed.
    if (!m_inspectingHead)
        openUpstream();
}

void FaultProxyConnection::cutAfterFromNow(qint64 minBytes, qint64 maxBytes)
{
    m_cutAt = m_carved + m_cutRng.bounded(minBytes, maxBytes + 1);
    pump();
}

void FaultProxyConnection::clearCutAfter()
{
    m_cutAt.reset();
}

void FaultProxyConnection::setStalled(bool stalled)
{
    m_stalled = stalled;
    if (stalled)
        m_pumpTimer->stop();
    else
        pump();
}

void FaultProxyConnection::abortBoth()
{
    m_finished = true;
    m_pumpTimer->stop();
    // Aborting emits disconnected() synchronously; nothing here may react to it any more.
    m_client->disconnect(this);
    m_client->abort();
    if (m_upstream) {
        m_upstream->disconnect(this);
        m_upstream->abort();
    }
}

qint64 FaultProxyConnection::queuedDown() const
{
    const qint64 held = m_pendingBytes + (m_next ? m_next->bytes.size() : 0);
    return m_clientGone ? held : held + m_client->bytesToWrite();
}

qint64 FaultProxyConnection::queuedUp() const
{
    return m_upBacklog.size() + (m_upstream ? m_upstream->bytesToWrite() : 0);
}

void FaultProxyConnection::openUpstream()
{
    m_upstream = new QTcpSocket(this);
    m_upstream->setReadBufferSize(kSocketReadBuffer);
    connect(m_upstream, &QTcpSocket::connected, this, &FaultProxyConnection::onUpstreamConnected);
    connect(m_upstream, &QTcpSocket::errorOccurred, this, &FaultProxyConnection::onUpstreamError);
    connect(m_upstream, &QTcpSocket::readyRead, this, &FaultProxyConnection::onUpstreamReadyRead);
    // Room in the upstream socket means the client may be read again.
    connect(m_upstream, &QTcpSocket::bytesWritten, this, &FaultProxyConnection::readClient);
    connect(m_upstream, &QTcpSocket::disconnected, this, &FaultProxyConnection::onUpstreamDisconnected);
    m_upstream->connectToHost(QHostAddress(QHostAddress::LocalHost), m_proxy->m_upstreamPort);
}

void FaultProxyConnection::readClient()
{
    if (m_finished || m_clientGone)
        return;
    if (m_rejected) {
        m_client->readAll();
        return;
    }
    while (m_client->bytesAvailable() > 0) {
        if (m_inspectingHead) {
            m_head += m_client->read(kReadChunk);
            const qsizetype headEnd = m_head.indexOf("\r\n\r\n");
            if (headEnd < 0 && m_head.size() < kMaxRequestHead)
                continue;
            if (headEnd >= 0 && isWebSocketUpgrade(QByteArrayView(m_head).first(headEnd))) {
                rejectUpgrade();
                return;
            }
            m_inspectingHead = false;
            openUpstream();
            forwardUp(std::exchange(m_head, {}));
            if (m_finished || m_clientGone)
                return;
            continue;
        }
        if (queuedUp() >= FaultProxy::kMaxQueuedBytes)
            return;
        forwardUp(m_client->read(kReadChunk));
    }
}

void FaultProxyConnection::forwardUp(const QByteArray &bytes)
{
    if (m_upstreamConnected)
        m_upstream->write(bytes);
    else
        m_upBacklog += bytes;
}

void FaultProxyConnection::rejectUpgrade()
{
    m_rejected = true;
    m_inspectingHead = false;
    m_head.clear();
    m_client->write(QByteArrayLiteral(
        "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    // A graceful close, so the 403 is delivered before the FIN.
    m_clientClosing = true;
    m_client->disconnectFromHost();
}

void FaultProxyConnection::onUpstreamConnected()
{
    m_upstreamConnected = true;
    m_upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (!m_upBacklog.isEmpty())
        m_upstream->write(std::exchange(m_upBacklog, {}));
}

void FaultProxyConnection::onUpstreamError()
{
    if (m_upstreamConnected || m_finished)
        return;
    // The server is not there: the client sees its connection dropped, as it would with the
    // server's port closed.
    m_upstreamFailed = true;
    m_client->abort();
    m_clientGone = true;
    checkFinished();
}

void FaultProxyConnection::onUpstreamReadyRead()
{
    readUpstream();
    pump();
}

void FaultProxyConnection::onClientBytesWritten()
{
    if (m_finished)
        return;
    if (m_cutPending) {
        if (m_client->bytesToWrite() == 0)
            m_proxy->cut(this);
        return;
    }
    pump();
}

void FaultProxyConnection::onClientDisconnected()
{
    m_clientGone = true;
    m_pumpTimer->stop();
    m_pending.clear();
    m_frontOffset = 0;
    m_pendingBytes = 0;
    m_next.reset();
    if (m_upstream && !m_upstreamFailed) {
        if (m_upstreamConnected) {
            // Bytes held back by backpressure still go, before the close.
            m_upstream->write(m_client->readAll());
            m_upstream->disconnectFromHost();
        } else
            m_upstream->abort();
    }
    checkFinished();
}

void FaultProxyConnection::onUpstreamDisconnected()
{
    m_upstreamClosed = true;
    if (m_clientGone) {
        checkFinished();
        return;
    }
    // What the server sent before closing is still delivered, faults included.
    readUpstream();
    pump();
    closeClientWhenDrained();
}

void FaultProxyConnection::readUpstream()
{
    if (m_finished || !m_upstream)
        return;
    if (m_clientGone) {
        m_upstream->readAll();
        return;
    }
    while (m_upstream->bytesAvailable() > 0 && queuedDown() < FaultProxy::kMaxQueuedBytes) {
        QByteArray bytes = m_upstream->read(kReadChunk);
        m_pendingBytes += bytes.size();
        m_pending.push_back({std::move(bytes), m_clock.elapsed()});
    }
}

void FaultProxyConnection::pump()
{
    // flush() emits bytesWritten synchronously, which calls back in here; the running loop
    // already carries on, and a nested one would write and report pieces out of turn.
    if (m_pumping || m_finished || m_clientGone || m_stalled || m_cutPending
        || m_pumpTimer->isActive()) {
        return;
    }
    const QScopedValueRollback pumping(m_pumping, true);
    const qint64 nowNs = m_clock.nsecsElapsed();
    // Bytes of split pieces this turn may still write, once the first split piece is due.
    std::optional<qint64> splitAllowance;
    for (;;) {
        if (m_client->bytesToWrite() >= FaultProxy::kMaxQueuedBytes)
            return; // bytesWritten resumes
        if (!m_next) {
            if (m_pendingBytes == 0)
                readUpstream();
            if (m_pendingBytes == 0)
                break;
            if (m_cutAt && m_carved >= *m_cutAt) {
                beginCut();
                return;
            }
            m_next = carve();
        }
        const qint64 waitMs = m_next->dueMs - nowNs / kNsPerMs;
        if (waitMs > 0) {
            m_pumpTimer->start(int(waitMs));
            return;
        }
        if (m_next->split) {
            const qint64 size = m_next->bytes.size();
            if (!splitAllowance) {
                // Time since the previous turn, or since the piece became due after a lull, so
                // a piece arriving on an idle connection does not bring a large allowance along.
                const qint64 sinceNs = std::max(m_splitTurnStartNs, m_next->dueMs * kNsPerMs);
                splitAllowance = std::max(size, (nowNs - sinceNs) * kSplitBytesPerMs / kNsPerMs);
                m_splitTurnStartNs = nowNs;
            } else if (size > *splitAllowance) {
                m_pumpTimer->start(0);
                return;
            }
            *splitAllowance -= size;
        }
        const Piece piece = *std::exchange(m_next, std::nullopt);
        m_client->write(piece.bytes);
        m_client->flush();
        m_proxy->m_bytesDown += piece.bytes.size();
        Q_EMIT m_proxy->pieceForwarded(piece.bytes.size());
        // The write may have found the client gone, and a slot on pieceForwarded may have cut.
        if (m_finished || m_clientGone)
            return;
        if (m_cutAt && m_carved >= *m_cutAt) {
            beginCut();
            return;
        }
    }
    closeClientWhenDrained();
}

FaultProxyConnection::Piece FaultProxyConnection::carve()
{
    Piece piece;
    piece.split = m_proxy->m_splitting;
    qint64 size = m_pendingBytes;
    if (m_proxy->m_splitting) {
        // Split points sit at seeded offsets of the stream, so they do not depend on how the
        // bytes happened to arrive. A piece also ends where the arrived bytes run out, rather
        // than holding them back.
        if (m_nextSplitAt <= m_carved)
            m_nextSplitAt = m_carved + m_splitRng.bounded(1, kMaxPieceBytes + 1);
        size = std::min(size, m_nextSplitAt - m_carved);
    } else {
        // Unsplit, a piece is what one read from the server returned, each with its own delay.
        size = std::min<qint64>(size, m_pending.front().bytes.size() - m_frontOffset);
    }
    if (m_cutAt)
        size = std::min(size, *m_cutAt - m_carved);

    piece.bytes.reserve(size);
    qint64 arrivedMs = 0;
    while (piece.bytes.size() < size) {
        const Chunk &front = m_pending.front();
        const qsizetype take =
            qsizetype(std::min<qint64>(size - piece.bytes.size(), front.bytes.size() - m_frontOffset));
        piece.bytes.append(QByteArrayView(front.bytes).sliced(m_frontOffset, take));
        arrivedMs = front.arrivedMs;
        m_frontOffset += take;
        if (m_frontOffset == front.bytes.size()) {
            m_pending.pop_front();
            m_frontOffset = 0;
        }
    }
    m_pendingBytes -= size;
    m_carved += size;

    const int minMs = m_proxy->m_delayMinMs;
    const int maxMs = m_proxy->m_delayMaxMs;
    const qint64 delayMs = maxMs > 0 ? m_delayRng.bounded(minMs, maxMs + 1) : 0;
    // No piece overtakes the one before it, whatever their delays.
    piece.dueMs = std::max(arrivedMs + delayMs, m_lastDueMs);
    m_lastDueMs = piece.dueMs;
    return piece;
}

void FaultProxyConnection::beginCut()
{
    // The cut comes once the bytes before it have reached the kernel, so the client receives
    // exactly the counted bytes and then loses the connection.
    m_cutPending = true;
    m_pumpTimer->stop();
    if (m_client->bytesToWrite() == 0)
        m_proxy->cut(this);
}

void FaultProxyConnection::closeClientWhenDrained()
{
    if (!m_upstreamClosed || m_clientGone || m_clientClosing || m_stalled || m_cutPending
        || m_pendingBytes > 0 || m_next || m_upstream->bytesAvailable() > 0) {
        return;
    }
    m_clientClosing = true;
    m_client->disconnectFromHost();
}

void FaultProxyConnection::checkFinished()
{
    if (m_finished || !m_clientGone)
        return;
    const bool upstreamDone = !m_upstream || m_upstreamFailed || m_upstreamClosed
        || m_upstream->state() == QAbstractSocket::UnconnectedState;
    if (!upstreamDone)
        return;
    m_finished = true;
    m_proxy->finished(this);
}

FaultProxy::FaultProxy(quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_upstreamPort(upstreamPort)
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::acceptPending);
}

FaultProxy::~FaultProxy()
{
    m_server->close();
    // Deleted here rather than as children, so none of them reports back to a proxy that is
    // half destroyed.
    qDeleteAll(std::exchange(m_connections, {}));
}

bool FaultProxy::listen()
{
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), 0);
}

quint16 FaultProxy::port() const
{
    return m_server->serverPort();
}

void FaultProxy::setUpstreamPort(quint16 upstreamPort)
{
    m_upstreamPort = upstreamPort;
}

quint16 FaultProxy::upstreamPort() const
{
    return m_upstreamPort;
}

void FaultProxy::setSeed(quint32 seed)
{
    m_seed = seed;
}

void FaultProxy::setSplitting(bool enabled)
{
    m_splitting = enabled;
}

void FaultProxy::setDelay(int minMs, int maxMs)
{
    m_delayMinMs = std::max(0, minMs);
    m_delayMaxMs = std::max(m_delayMinMs, maxMs);
}

void FaultProxy::cutAll()
{
    const QList<FaultProxyConnection *> connections = m_connections;
    for (FaultProxyConnection *connection : connections)
        cut(connection);
}

void FaultProxy::cutEachAfter(qint64 minBytes, qint64 maxBytes)
{
    minBytes = std::max<qint64>(0, minBytes);
    maxBytes = std::max(minBytes, maxBytes);
    m_cutRange = std::pair(minBytes, maxBytes);
    // A copy: a connection already past its new threshold is cut, and leaves the list, right here.
    const QList<FaultProxyConnection *> connections = m_connections;
    for (FaultProxyConnection *connection : connections) {
        if (m_connections.contains(connection))
            connection->cutAfterFromNow(minBytes, maxBytes);
    }
}

void FaultProxy::clearCutAfter()
{
    m_cutRange.reset();
    for (FaultProxyConnection *connection : std::as_const(m_connections))
        connection->clearCutAfter();
}

void FaultProxy::stallAll()
{
    for (FaultProxyConnection *connection : std::as_const(m_connections))
        connection->setStalled(true);
}

void FaultProxy::unstall()
{
    // A copy: delivering held bytes may complete a pending cut or close a connection.
    const QList<FaultProxyConnection *> connections = m_connections;
    for (FaultProxyConnection *connection : connections) {
        if (m_connections.contains(connection))
            connection->setStalled(false);
    }
}

void FaultProxy::setRejectWebSocketUpgrades(bool enabled)
{
    m_rejectUpgrades = enabled;
}

void FaultProxy::setRefuseConnections(bool enabled)
{
    m_refuse = enabled;
}

int FaultProxy::activeConnections() const
{
    return int(m_connections.size());
}

int FaultProxy::connectionsAccepted() const
{
    return m_accepted;
}

int FaultProxy::connectionsRefused() const
{
    return m_refused;
}

int FaultProxy::cutsDone() const
{
    return m_cuts;
}

qint64 FaultProxy::bytesDown() const
{
    return m_bytesDown;
}

qint64 FaultProxy::bytesQueued() const
{
    qint64 total = 0;
    for (const FaultProxyConnection *connection : m_connections)
        total += connection->queuedDown();
    return total;
}

void FaultProxy::acceptPending()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        if (m_refuse) {
            ++m_refused;
            client->abort();
            client->deleteLater();
            continue;
        }
        ++m_accepted;
        auto *connection = new FaultProxyConnection(this, client, m_accepted);
        m_connections.append(connection);
        connection->start();
        Q_EMIT connectionAccepted();
    }
}

void FaultProxy::cut(FaultProxyConnection *connection)
{
    connection->abortBoth();
    m_connections.removeOne(connection);
    connection->deleteLater();
    ++m_cuts;
    Q_EMIT connectionCut();
}

void FaultProxy::finished(FaultProxyConnection *connection)
{
    m_connections.removeOne(connection);
    connection->deleteLater();
}

} // namespace vantage::test

#include "FaultProxy.moc"
