#include "support/FaultProxy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <set>
#include <vector>

using vantage::test::FaultProxy;

namespace {

constexpr int kWaitMs = 30'000;

// A pattern without short periods, so a lost, repeated or reordered piece changes the bytes.
char patternByte(qint64 offset)
{
    return char(quint32(quint64(offset) * 2654435761U) >> 13);
}

QByteArray pattern(qint64 size, qint64 from = 0)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = patternByte(from + i);
    return bytes;
}

// The server side: listens on 127.0.0.1, records what each connection receives, and either
// echoes it back or sends each new connection a greeting (optionally closing after it).
class Upstream
{
public:
    enum class Mode { Quiet, Echo, Greet, GreetAndClose };

    explicit Upstream(Mode mode = Mode::Quiet, QByteArray greeting = {})
        : m_mode(mode)
        , m_greeting(std::move(greeting))
    {
        m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                adopt(socket);
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    std::size_t count() const { return sockets.size(); }

    std::vector<QTcpSocket *> sockets;
    std::vector<QByteArray> received;
    std::vector<bool> disconnected;

private:
    void adopt(QTcpSocket *socket)
    {
        const std::size_t index = sockets.size();
        sockets.push_back(socket);
        received.emplace_back();
        disconnected.push_back(false);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, index] {
            const QByteArray bytes = socket->readAll();
            received[index] += bytes;
            if (m_mode == Mode::Echo)
                socket->write(bytes);
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket,
                         [this, index] { disconnected[index] = true; });
        if (m_mode == Mode::Greet || m_mode == Mode::GreetAndClose)
            socket->write(m_greeting);
        if (m_mode == Mode::GreetAndClose)
            socket->disconnectFromHost();
    }

    Mode m_mode;
    QByteArray m_greeting;
    // Last, so the sockets it owns go (and emit disconnected) while the vectors still exist.
    QTcpServer m_server;
};

// The client side: connects to the proxy and records every read.
class Client
{
public:
    explicit Client(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            if (!paused)
                drain();
        });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { disconnected = true; });
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    }

    void drain()
    {
        const QByteArray bytes = socket.readAll();
        if (!bytes.isEmpty()) {
            received += bytes;
            ++reads;
        }
    }

    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; },
                               kWaitMs);
    }

    bool waitClosed()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::UnconnectedState; },
                               kWaitMs);
    }

    bool waitReceived(qsizetype size)
    {
        return QTest::qWaitFor([this, size] { return received.size() >= size; }, kWaitMs);
    }

    QByteArray received;
    int reads = 0;
    bool disconnected = false;
    bool paused = false;
    // Last: its destructor may still emit disconnected into the members above.
    QTcpSocket socket;
};

std::unique_ptr<FaultProxy> listeningProxy(quint16 upstreamPort)
{
    auto proxy = std::make_unique<FaultProxy>(upstreamPort);
    EXPECT_TRUE(proxy->listen());
    return proxy;
}

TEST(FaultProxyTest, ForwardsBytesUnchangedBothWays)
{
    Upstream upstream(Upstream::Mode::Echo);
    const auto proxy = listeningProxy(upstream.port());
    QSignalSpy accepted(proxy.get(), &FaultProxy::connectionAccepted);

    Client client(proxy->port());
    ASSERT_TRUE(client.waitConnected());
    const QByteArray request = pattern(200'000);
    client.socket.write(request);

    ASSERT_TRUE(client.waitReceived(request.size()));
    ASSERT_EQ(upstream.count(), 1U);
    EXPECT_EQ(upstream.received.at(0), request);
    EXPECT_EQ(client.received, request);
    EXPECT_EQ(proxy->bytesDown(), request.size());
    EXPECT_EQ(accepted.count(), 1);
    EXPECT_EQ(proxy->connectionsAccepted(), 1);
    EXPECT_EQ(proxy->activeConnections(), 1);

    // The client's close reaches the server, and the pair is gone.
    client.socket.disconnectFromHost();
    ASSERT_TRUE(QTest::qWaitFor([&] { return upstream.disconnected.at(0); }, kWaitMs));
    EXPECT_TRUE(QTest::qWaitFor([&] { return proxy->activeConnections() == 0; }, kWaitMs));
    EXPECT_EQ(proxy->cutsDone(), 0);
}

TEST(FaultProxyTest, ServerCloseComesAfterEverySplitByte)
{
    const QByteArray greeting = pattern(20'000);
    Upstream upstream(Upstream::Mode::GreetAndClose, greeting);
    const auto proxy = listeningProxy(upstream.port());
    proxy->setSplitting(true);

    Client client(proxy->port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.disconnected; }, kWaitMs));
    EXPECT_EQ(client.received, greeting);
    EXPECT_TRUE(QTest::qWaitFor([&] { return proxy->activeConnections() == 0; }, kWaitMs));
    EXPECT_EQ(proxy->cutsDone(), 0);
}

// Plays the payload through a proxy and reports how many reads the client needed.
int clientReadsFor(const QByteArray &payload, bool faults)
{
    Upstream upstream(Upstream::Mode::GreetAndClose, payload);
    const auto proxy = listeningProxy(upstream.port());
    if (faults) {
        proxy->setSplitting(true);
        proxy->setDelay(0, 3);
    }
    std::vector<qint64> pieces;
    QObject::connect(proxy.get(), &FaultProxy::pieceForwarded, proxy.get(),
                     [&pieces](qint64 bytes) { pieces.push_back(bytes); });

    Client client(proxy->port());
    // A signal spy spins the event loop without QTest::qWaitFor's naps, like a busy client.
    QSignalSpy closed(&client.socket, &QTcpSocket::disconnected);
    EXPECT_TRUE(client.disconnected || closed.wait(kWaitMs));
    EXPECT_EQ(client.received, payload);
    EXPECT_EQ(std::accumulate(pieces.begin(), pieces.end(), qint64(0)), payload.size());
    if (faults) {
        EXPECT_TRUE(std::all_of(pieces.begin(), pieces.end(),
                                [](qint64 bytes) { return bytes >= 1 && bytes <= 7; }));
    }
    return client.reads;
}

TEST(FaultProxyTest, SplitAndDelayedBytesArriveIntactInMoreReads)
{
    const QByteArray payload = pattern(100 * 1024);
    const int plainReads = clientReadsFor(payload, false);
    const int faultyReads = clientReadsFor(payload, true);
    EXPECT_GT(faultyReads, plainReads);
}

TEST(FaultProxyTest, DelayHoldsEachPieceForAtLeastTheMinimum)
{
    Upstream upstream;
    const auto proxy = listeningProxy(upstream.port());
    proxy->setDelay(60, 80);

    Client client(proxy->port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return upstream.count() == 1; }, kWaitMs));
    QElapsedTimer sinceWrite;
    sinceWrite.start();
    upstream.sockets.at(0)->write(QByteArrayLiteral("ping"));
    ASSERT_TRUE(client.waitReceived(4));
    EXPECT_GE(sinceWrite.elapsed(), 60);
    EXPECT_EQ(client.received, QByteArrayLiteral("ping"));
}

TEST(FaultProxyTest, CutAllAbortsBothSides)
{
    Upstream upstream;
    const auto proxy = listeningProxy(upstream.port());
    QSignalSpy cuts(proxy.get(), &FaultProxy::connectionCut);

    Client first(proxy->port());
    Client second(proxy->port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return upstream.count() == 2; }, kWaitMs));
    ASSERT_TRUE(first.waitConnected());
    ASSERT_TRUE(second.waitConnected());

    proxy->cutAll();
    EXPECT_EQ(proxy->activeConnections(), 0);
    EXPECT_EQ(proxy->cutsDone(), 2);
    EXPECT_EQ(cuts.count(), 2);
    EXPECT_TRUE(QTest::qWaitFor([&] { return first.disconnected && second.disconnected; }, kWaitMs));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return upstream.disconnected.at(0) && upstream.disconnected.at(1); }, kWaitMs));
}

TEST(FaultProxyTest, CutEachAfterCutsEveryConnectionWithinTheRange)
{
    const QByteArray payload = pattern(100 * 1024);
    Upstream upstream(Upstream::Mode::Greet, payload);
    const auto proxy = listeningProxy(upstream.port());
    proxy->setSeed(42);
    proxy->cutEachAfter(1000, 3000);

    std::set<qsizetype> cutPoints;
    for (int i = 0; i < 5; ++i) {
        Client client(proxy->port());
        ASSERT_TRUE(QTest::qWaitFor([&] { return client.disconnected; }, kWaitMs));
        const qsizetype size = client.received.size();
        EXPECT_GE(size, 1000);
        EXPECT_LE(size, 3000);
        EXPECT_EQ(client.received, payload.left(size));
        cutPoints.insert(size);
    }
    EXPECT_EQ(proxy->cutsDone(), 5);
    EXPECT_GT(cutPoints.size(), 1U);

    proxy->clearCutAfter();
    Client whole(proxy->port());
    ASSERT_TRUE(whole.waitReceived(payload.size()));
    EXPECT_EQ(whole.received, payload);
    EXPECT_EQ(proxy->cutsDone(), 5);
}

TEST(FaultProxyTest, CutEachAfterCountsFromNowOnCurrentConnections)
{
    Upstream upstream;
    const auto proxy = listeningProxy(upstream.port());
    Client client(proxy->port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return upstream.count() == 1; }, kWaitMs));
    const QByteArray payload = pattern(10'000);
    upstream.sockets.at(0)->write(payload.left(5000));
    ASSERT_TRUE(client.waitReceived(5000));

    proxy->cutEachAfter(100, 200);
    upstream.sockets.at(0)->write(payload.mid(5000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.disconnected; }, kWaitMs));
    EXPECT_GE(client.received.size(), 5100);
    EXPECT_LE(client.received.size(), 5200);
    EXPECT_EQ(client.received, payload.left(client.received.size()));
    EXPECT_EQ(proxy->cutsDone(), 1);
}

TEST(FaultProxyTest, StallHoldsBytesOnAnOpenSocketUntilUnstall)
{
    Upstream upstream;
    const auto proxy = listeningProxy(upstream.port());
    Client client(proxy->port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return upstream.count() == 1; }, kWaitMs));
    const QByteArray payload = pattern(51'000);
    upstream.sockets.at(0)->write(payload.left(1000));
    ASSERT_TRUE(client.waitReceived(1000));

    proxy->stallAll();
    upstream.sockets.at(0)->write(payload.mid(1000));
    // Once the proxy holds every byte, none of them has reached the client.
    ASSERT_TRUE(QTest::qWaitFor([&] { return proxy->bytesQueued() == 50'000; }, kWaitMs));
    EXPECT_EQ(client.received.size(), 1000);
    EXPECT_EQ(client.socket.state(), QAbstractSocket::ConnectedState);
    EXPECT_FALSE(upstream.disconnected.at(0));

    // Connections made during the stall are not stalled.
    Client later(proxy->port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return upstream.count() == 2; }, kWaitMs));
    upstream.sockets.at(1)->write(QByteArrayLiteral("fresh"));
    ASSERT_TRUE(later.waitReceived(5));
    EXPECT_EQ(client.received.size(), 1000);

    proxy->unstall();
    ASSERT_TRUE(client.waitReceived(payload.size()));
    EXPECT_EQ(client.received, payload);
    EXPECT_EQ(proxy->cutsDone(), 0);
}

TEST(FaultProxyTest, RejectsWebSocketUpgradesAndForwardsOtherRequests)
{
    Upstream upstream(Upstream::Mode::Echo);
    const auto proxy = listeningProxy(upstream.port());
    proxy->setRejectWebSocketUpgrades(true);

    Client webSocket(proxy->port());
    ASSERT_TRUE(webSocket.waitConnected());
    webSocket.socket.write(QByteArrayLiteral("GET /stream HTTP/1.1\r\n"
                                             "Host: 127.0.0.1\r\n"
                                             "Connection: Upgrade\r\n"
                                             "upgrade: WebSocket\r\n"
                                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                             "Sec-WebSocket-Version: 13\r\n\r\n"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return webSocket.disconnected; }, kWaitMs));
    EXPECT_EQ(webSocket.received,
              QByteArrayLiteral("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));

    // The request head arrives in two writes; it is buffered until complete, then forwarded.
    Client eventStream(proxy->port());
    ASSERT_TRUE(eventStream.waitConnected());
    const QByteArray request = QByteArrayLiteral("GET /events HTTP/1.1\r\n"
                                                 "Host: 127.0.0.1\r\n"
                                                 "Accept: text/event-stream\r\n\r\n");
    eventStream.socket.write(request.left(20));
    eventStream.socket.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return proxy->connectionsAccepted() == 2; }, kWaitMs));
    eventStream.socket.write(request.mid(20));

    ASSERT_TRUE(eventStream.waitReceived(request.size()));
    EXPECT_EQ(eventStream.received, request);
    // The rejected request never reached the server: only the event stream's connection did.
    ASSERT_EQ(upstream.count(), 1U);
    EXPECT_EQ(upstream.received.at(0), request);
}

TEST(FaultProxyTest, RefusedConnectionsCloseAtOnce)
{
    Upstream upstream;
    const auto proxy = listeningProxy(upstream.port());
    proxy->setRefuseConnections(true);

    Client refused(proxy->port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return proxy->connectionsRefused() == 1; }, kWaitMs));
    ASSERT_TRUE(refused.waitClosed());
    EXPECT_TRUE(refused.received.isEmpty());
    EXPECT_EQ(proxy->connectionsAccepted(), 0);
    EXPECT_EQ(upstream.count(), 0U);

    // The same port works again once refusing stops.
    proxy->setRefuseConnections(false);
    Client accepted(proxy->port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return upstream.count() == 1; }, kWaitMs));
    EXPECT_EQ(proxy->connectionsAccepted(), 1);
    EXPECT_EQ(accepted.socket.state(), QAbstractSocket::ConnectedState);
}

TEST(FaultProxyTest, DeadUpstreamDropsTheClient)
{
    quint16 deadPort = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress(QHostAddress::LocalHost), 0));
        deadPort = probe.serverPort();
    }
    const auto proxy = listeningProxy(deadPort);
    Client client(proxy->port());
    ASSERT_TRUE(client.waitClosed());
    EXPECT_TRUE(QTest::qWaitFor([&] { return proxy->activeConnections() == 0; }, kWaitMs));
    EXPECT_EQ(proxy->connectionsAccepted(), 1);
}

TEST(FaultProxyTest, SetUpstreamPortAppliesToNewConnections)
{
    Upstream first(Upstream::Mode::Greet, QByteArrayLiteral("first"));
    Upstream second(Upstream::Mode::Greet, QByteArrayLiteral("second"));
    const auto proxy = listeningProxy(first.port());

    Client before(proxy->port());
    ASSERT_TRUE(before.waitReceived(5));
    proxy->setUpstreamPort(second.port());
    EXPECT_EQ(proxy->upstreamPort(), second.port());
    Client after(proxy->port());
    ASSERT_TRUE(after.waitReceived(6));

    EXPECT_EQ(before.received, QByteArrayLiteral("first"));
    EXPECT_EQ(after.received, QByteArrayLiteral("second"));
    EXPECT_EQ(before.socket.state(), QAbstractSocket::ConnectedState);
}

// Holds the payload in a stalled proxy, then releases it and records the split sizes.
std::vector<qint64> splitSizesFor(quint32 seed, const QByteArray &payload)
{
    Upstream upstream;
    const auto proxy = listeningProxy(upstream.port());
    proxy->setSeed(seed);
    proxy->setSplitting(true);
    Client client(proxy->port());
    EXPECT_TRUE(QTest::qWaitFor([&] { return upstream.count() == 1; }, kWaitMs));
    proxy->stallAll();
    upstream.sockets.at(0)->write(payload);
    EXPECT_TRUE(QTest::qWaitFor([&] { return proxy->bytesQueued() == payload.size(); }, kWaitMs));

    std::vector<qint64> sizes;
    QObject::connect(proxy.get(), &FaultProxy::pieceForwarded, proxy.get(),
                     [&sizes](qint64 bytes) { sizes.push_back(bytes); });
    proxy->unstall();
    EXPECT_TRUE(client.waitReceived(payload.size()));
    EXPECT_EQ(client.received, payload);
    return sizes;
}

TEST(FaultProxyTest, SameSeedGivesSameSplits)
{
    const QByteArray payload = pattern(2000);
    const std::vector<qint64> first = splitSizesFor(7, payload);
    const std::vector<qint64> again = splitSizesFor(7, payload);
    const std::vector<qint64> other = splitSizesFor(8, payload);

    EXPECT_EQ(first, again);
    EXPECT_NE(first, other);
    EXPECT_EQ(std::accumulate(first.begin(), first.end(), qint64(0)), payload.size());
    EXPECT_TRUE(std::all_of(first.begin(), first.end(), [](qint64 bytes) { return bytes >= 1 && bytes <= 7; }));
    EXPECT_EQ(std::set<qint64>(first.begin(), first.end()).size(), 7U);
}

TEST(FaultProxyTest, SlowClientBoundsWhatTheProxyHolds)
{
    constexpr qint64 kTotal = 64 * 1024 * 1024;
    constexpr qint64 kChunk = 256 * 1024;
    constexpr qint64 kReadSlack = 64 * 1024;

    // A server that streams kTotal bytes, topping its socket up as the kernel takes them.
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress(QHostAddress::LocalHost), 0));
    QTcpSocket *feed = nullptr;
    qint64 handedToQt = 0;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        feed = server.nextPendingConnection();
        const auto topUp = [&] {
            while (handedToQt < kTotal && feed->bytesToWrite() < 4 * kChunk) {
                const qint64 size = std::min(kChunk, kTotal - handedToQt);
                feed->write(pattern(size, handedToQt));
                handedToQt += size;
            }
        };
        QObject::connect(feed, &QTcpSocket::bytesWritten, feed, topUp);
        topUp();
    });

    const auto proxy = listeningProxy(server.serverPort());
    // A client that does not read: its socket stops taking bytes once 64 KiB are buffered.
    Client client(proxy->port());
    client.paused = true;
    client.socket.setReadBufferSize(64 * 1024);

    ASSERT_TRUE(QTest::qWaitFor([&] { return proxy->bytesQueued() >= FaultProxy::kMaxQueuedBytes; },
                                kWaitMs));
    for (int i = 0; i < 100; ++i) {
        QCoreApplication::processEvents();
        EXPECT_LE(proxy->bytesQueued(), FaultProxy::kMaxQueuedBytes + kReadSlack);
    }
    // The proxy stopped reading, so the server could not get rid of its bytes.
    ASSERT_NE(feed, nullptr);
    EXPECT_LT(handedToQt - feed->bytesToWrite(), kTotal);

    // Once the client reads again, everything arrives, in order. Checked as it comes in, and
    // dropped, to keep the test's own memory small.
    qint64 checked = 0;
    bool intact = true;
    const auto check = [&] {
        const QByteArray bytes = client.socket.readAll();
        for (const char byte : bytes)
            intact = intact && byte == patternByte(checked++);
    };
    client.socket.disconnect();
    QObject::connect(&client.socket, &QTcpSocket::readyRead, &client.socket, check);
    QSignalSpy reads(&client.socket, &QTcpSocket::readyRead);
    client.socket.setReadBufferSize(0);
    check();
    while (checked < kTotal && reads.wait(kWaitMs))
        reads.clear();
    EXPECT_EQ(checked, kTotal);
    EXPECT_TRUE(intact);
}

TEST(FaultProxyTest, DestroyingTheProxyAbortsBothSides)
{
    Upstream upstream;
    auto proxy = listeningProxy(upstream.port());
    Client client(proxy->port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return upstream.count() == 1; }, kWaitMs));
    ASSERT_TRUE(client.waitConnected());

    proxy.reset();
    EXPECT_TRUE(QTest::qWaitFor([&] { return client.disconnected; }, kWaitMs));
    EXPECT_TRUE(QTest::qWaitFor([&] { return upstream.disconnected.at(0); }, kWaitMs));
}

} // namespace
