// Integration: the real client pipeline against the project's relay, through a proxy that
// cuts, stalls, delays and splits on loopback. After every fault the client must hold every
// event exactly once, or report exactly how many the relay could not replay.
#include "feed/FailoverSource.h"
#include "feed/FeedPipeline.h"
#include "feed/SseSource.h"
#include "feed/WebSocketSource.h"
#include "relay/RelayServer.h"
#include "support/FaultProxy.h"

#include <QRegularExpression>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <unordered_set>

using namespace vantage;
using vantage::test::FaultProxy;

namespace {

constexpr int kLongWaitMs = 120'000;
constexpr int kWaitMs = 20'000;

ReconnectPolicy::Settings quickReconnect()
{
    ReconnectPolicy::Settings s;
    s.baseMs = 10;
    s.capMs = 200;
    s.stableAfterMs = 500;
    s.maxAttempts = 1'000'000; // these tests are about loss, not about the breaker
    return s;
}

std::unique_ptr<FrameSource> webSocketTo(quint16 port, int heartbeatMs = 1000)
{
    WebSocketOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(port));
    o.heartbeatMs = heartbeatMs;
    o.connectTimeoutMs = 2000;
    o.reconnect = quickReconnect();
    return std::make_unique<WebSocketSource>(o);
}

std::unique_ptr<FrameSource> sseTo(quint16 port, int stallTimeoutMs = 3000)
{
    SseOptions o;
    o.url = QUrl(QStringLiteral("http://127.0.0.1:%1/events").arg(port));
    o.stallTimeoutMs = stallTimeoutMs;
    o.connectTimeoutMs = 2000;
    o.reconnect = quickReconnect();
    return std::make_unique<SseSource>(o);
}

// The client side: a real FeedPipeline on this thread, recording every event it applies.
class Client
{
public:
    explicit Client(std::unique_ptr<FrameSource> source)
        : m_pipeline(std::make_unique<FeedPipeline>(std::move(source), nullptr, 1))
    {
        QObject::connect(m_pipeline.get(), &FeedPipeline::batchReady, m_pipeline.get(),
                         [this](const FeedBatchPtr &batch) {
                             for (const Message &message : batch->messages) {
                                 if (const auto *event = std::get_if<LiveEvent>(&message.body)) {
                                     if (!ids.insert(event->id).second)
                                         ++duplicatesApplied;
                                 }
                                 if (message.seq >= 0)
                                     lastSeq = message.seq;
                             }
                             stats = batch->stats;
                             m_pipeline->batchConsumed();
                         });
        QObject::connect(m_pipeline.get(), &FeedPipeline::statusChanged, m_pipeline.get(),
                         [this](const ConnectionStatus &s) { statuses.push_back(s); });
        m_pipeline->start();
    }
    ~Client() { m_pipeline->stop(); }

    bool isLiveOn(const QString &transport) const
    {
        return !statuses.empty() && statuses.back().state == ConnectionState::Live
            && statuses.back().transport == transport;
    }
    quint64 reportedLost() const { return stats.messagesMissed + stats.coveredBySnapshot; }

    std::unordered_set<QString> ids;
    int duplicatesApplied = 0;
    qint64 lastSeq = -1;
    FeedStats stats;
    std::vector<ConnectionStatus> statuses;

private:
    std::unique_ptr<FeedPipeline> m_pipeline;
};

class TransportFaultTest : public ::testing::Test
{
protected:
    void startRelay(const QString &epoch = QString(), qint64 firstSeq = 1, int heartbeatMs = 500)
    {
        RelayOptions options;
        options.epoch = epoch;
        options.firstSeq = firstSeq;
        options.bufferSize = 20'000;
        options.heartbeatMs = heartbeatMs;
        options.sseRetryMs = 20; // the cuts here are deliberate: reconnect at once
        m_relay = std::make_unique<RelayServer>(options);
        QString error;
        ASSERT_TRUE(m_relay->listen(&error)) << error.toStdString();
        if (m_proxy)
            m_proxy->setUpstreamPort(m_relay->port());
    }

    void startProxy(quint32 seed)
    {
        m_proxy = std::make_unique<FaultProxy>(m_relay->port());
        m_proxy->setSeed(seed);
        ASSERT_TRUE(m_proxy->listen());
    }

    // Publishes `count` events, a slice per event-loop turn, so faults land between and inside them.
    void publish(int count, int perTurn = 25)
    {
        const int end = m_published + count;
        while (m_published < end) {
            const int slice = std::min(perTurn, end - m_published);
            for (int i = 0; i < slice; ++i) {
                Message message;
                message.kind = MessageKind::Event;
                message.wireType = QStringLiteral("event");
                LiveEvent event;
                event.id = QStringLiteral("ev-%1").arg(m_published++);
                event.type = QStringLiteral("signup");
                event.userName = QStringLiteral("Sam");
                event.description = QStringLiteral("Fault-test signup");
                message.body = event;
                m_relay->publish(std::move(message));
            }
            QCoreApplication::processEvents();
        }
    }

    // Until the client has applied everything the relay sent (or accounted for what it could not).
    bool waitForCatchUp(const Client &client, int timeoutMs = kLongWaitMs)
    {
        return QTest::qWaitFor([&] { return client.lastSeq == m_relay->lastSeq(); }, timeoutMs);
    }

    std::unique_ptr<RelayServer> m_relay;
    std::unique_ptr<FaultProxy> m_proxy;
    int m_published = 0;
};

} // namespace

TEST_F(TransportFaultTest, WebSocketThroughTwentyCutsHoldsEveryEventExactlyOnce)
{
    startRelay();
    startProxy(11);
    m_proxy->setSplitting(true);
    Client client(webSocketTo(m_proxy->port()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.lastSeq == m_relay->lastSeq(); }, kWaitMs)) << "snapshot first";

    m_proxy->cutEachAfter(4'000, 40'000);
    publish(10'000);
    ASSERT_TRUE(waitForCatchUp(client));

    EXPECT_GE(m_proxy->cutsDone(), 20);
    EXPECT_EQ(client.ids.size(), 10'000u);
    EXPECT_EQ(client.duplicatesApplied, 0);
    EXPECT_EQ(client.reportedLost(), 0u);
    EXPECT_EQ(client.stats.gapsDetected, 0u);
    EXPECT_GE(m_relay->resumesServed(), 20u);
}

TEST_F(TransportFaultTest, SseThroughTwentyCutsAndSplitsHoldsEveryEventExactlyOnce)
{
    startRelay();
    startProxy(23);
    m_proxy->setSplitting(true);
    Client client(sseTo(m_proxy->port()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.lastSeq == m_relay->lastSeq(); }, kWaitMs));

    m_proxy->cutEachAfter(4'000, 40'000);
    publish(10'000);
    ASSERT_TRUE(waitForCatchUp(client));

    EXPECT_GE(m_proxy->cutsDone(), 20);
    EXPECT_EQ(client.ids.size(), 10'000u);
    EXPECT_EQ(client.duplicatesApplied, 0);
    EXPECT_EQ(client.reportedLost(), 0u);
    EXPECT_EQ(client.stats.decodeErrors, 0u) << "a frame split anywhere still parses";
}

TEST_F(TransportFaultTest, MixedFaultsDelaysAndStallsLoseNothing)
{
    startRelay(QString(), 1, 200);
    startProxy(5);
    m_proxy->setDelay(0, 5);
    Client client(webSocketTo(m_proxy->port(), 200));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.lastSeq == m_relay->lastSeq(); }, kWaitMs));

    int faults = 0;
    for (int round = 0; round < 21; ++round) {
        // Each fault hits a live connection: wait for the client to be back first.
        const int connectionsBefore = m_proxy->connectionsAccepted();
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_proxy->activeConnections() > 0 && client.isLiveOn(QStringLiteral("websocket")); }, kWaitMs));
        publish(250);
        switch (round % 3) {
        case 0: m_proxy->cutAll(); break;
        case 1: m_proxy->stallAll(); break; // the heartbeat must notice and reconnect
        case 2: m_proxy->cutEachAfter(100, 5'000); break;
        }
        publish(250);
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_proxy->connectionsAccepted() > connectionsBefore; }, kWaitMs))
            << "round " << round << ": the client never came back";
        m_proxy->clearCutAfter();
        ++faults;
    }
    ASSERT_TRUE(waitForCatchUp(client));
    EXPECT_EQ(faults, 21);
    EXPECT_EQ(client.ids.size(), 10'500u);
    EXPECT_EQ(client.duplicatesApplied, 0);
    EXPECT_EQ(client.reportedLost(), 0u);
}

TEST_F(TransportFaultTest, RelayRestartWithTheSameEpochReportsExactlyWhatItCouldNotReplay)
{
    startRelay(QStringLiteral("steady-epoch"));
    startProxy(3);
    Client client(webSocketTo(m_proxy->port()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.lastSeq == m_relay->lastSeq(); }, kWaitMs));
    publish(3'000);
    ASSERT_TRUE(waitForCatchUp(client));

    // 500 more are published and the relay dies before the event loop could send a byte of them.
    for (int i = 0; i < 500; ++i) {
        Message message;
        message.kind = MessageKind::Event;
        LiveEvent event;
        event.id = QStringLiteral("lost-%1").arg(i);
        event.type = QStringLiteral("signup");
        message.body = event;
        m_relay->publish(std::move(message));
    }
    const qint64 lastBeforeCrash = m_relay->lastSeq();
    m_relay->close();
    startRelay(QStringLiteral("steady-epoch"), lastBeforeCrash + 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.lastSeq == lastBeforeCrash; }, kWaitMs))
        << "the restarted relay answers the resume with a snapshot at its last seq";
    EXPECT_EQ(m_relay->resumesMissed(), 1u);

    publish(1'000);
    ASSERT_TRUE(waitForCatchUp(client));
    EXPECT_EQ(client.ids.size(), 4'000u);
    EXPECT_EQ(client.duplicatesApplied, 0);
    EXPECT_EQ(client.reportedLost(), 500u);
}

TEST_F(TransportFaultTest, RelayRestartWithANewEpochStartsAfreshWithoutDuplicates)
{
    startRelay(QStringLiteral("first-epoch"));
    startProxy(4);
    Client client(webSocketTo(m_proxy->port()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.lastSeq == m_relay->lastSeq(); }, kWaitMs));
    publish(2'000);
    ASSERT_TRUE(waitForCatchUp(client));

    m_relay->close();
    startRelay(QStringLiteral("second-epoch"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_relay->clientCount() == 1 && client.lastSeq == 0; }, kWaitMs));
    EXPECT_EQ(m_relay->resumesMissed(), 1u) << "another epoch cannot be resumed";

    publish(2'000);
    ASSERT_TRUE(waitForCatchUp(client));
    EXPECT_EQ(client.ids.size(), 4'000u);
    EXPECT_EQ(client.duplicatesApplied, 0);
    EXPECT_EQ(client.reportedLost(), 0u);
}

TEST_F(TransportFaultTest, ProxyBlockingWebSocketFallsBackToSseAndComesBack)
{
    startRelay();
    startProxy(9);
    m_proxy->setRejectWebSocketUpgrades(true);
    std::vector<std::unique_ptr<FrameSource>> chain;
    chain.push_back(webSocketTo(m_proxy->port()));
    chain.push_back(sseTo(m_proxy->port()));
    FailoverOptions failover;
    failover.probeIntervalMs = 100;
    Client client(std::make_unique<FailoverSource>(std::move(chain), failover));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.isLiveOn(QStringLiteral("sse")); }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.lastSeq == m_relay->lastSeq(); }, kWaitMs));

    publish(2'000);
    ASSERT_TRUE(waitForCatchUp(client));
    EXPECT_EQ(client.ids.size(), 2'000u);

    m_proxy->setRejectWebSocketUpgrades(false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.isLiveOn(QStringLiteral("websocket")); }, kWaitMs));
    publish(2'000);
    ASSERT_TRUE(waitForCatchUp(client));
    EXPECT_EQ(client.ids.size(), 4'000u);
    EXPECT_EQ(client.duplicatesApplied, 0);
    EXPECT_EQ(client.reportedLost(), 0u);
    EXPECT_EQ(m_relay->clientCount(QStringLiteral("sse")), 0) << "the fallback stream was closed";
}

namespace {

// "stale: no data for 1.3 s" -> 1300
qint64 staleMs(const QString &reason)
{
    static const QRegularExpression pattern(QStringLiteral("no data for ([0-9.]+) s"));
    const QRegularExpressionMatch match = pattern.match(reason);
    return match.hasMatch() ? qint64(match.captured(1).toDouble() * 1000.0) : -1;
}

} // namespace

TEST_F(TransportFaultTest, WebSocketStallIsDetectedWithinTheHeartbeatBound)
{
    constexpr int kHeartbeatMs = 400;
    startRelay(QString(), 1, 0); // no relay pings: only the client's own heartbeat can tell
    startProxy(1);
    Client client(webSocketTo(m_proxy->port(), kHeartbeatMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.isLiveOn(QStringLiteral("websocket")); }, kWaitMs));
    const size_t before = client.statuses.size();
    m_proxy->stallAll();
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.statuses.size() > before && !client.isLiveOn(QStringLiteral("websocket")); }, kWaitMs));
    const ConnectionStatus &stale = client.statuses[before];
    ASSERT_TRUE(stale.reason.startsWith(QLatin1String("stale"))) << stale.reason.toStdString();
    // Stale after 2.5 silent heartbeats, noticed at the next heartbeat tick (0.1 s of print rounding).
    EXPECT_GE(staleMs(stale.reason), kHeartbeatMs * 5 / 2 - 100);
    EXPECT_LE(staleMs(stale.reason), kHeartbeatMs * 7 / 2 + 100);
}

TEST_F(TransportFaultTest, SseStallIsDetectedWithinTheConfiguredBound)
{
    constexpr int kStallMs = 600;
    startRelay(QString(), 1, 0); // no keep-alive comments
    startProxy(2);
    Client client(sseTo(m_proxy->port(), kStallMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.isLiveOn(QStringLiteral("sse")); }, kWaitMs));
    const size_t before = client.statuses.size();
    m_proxy->stallAll();
    ASSERT_TRUE(QTest::qWaitFor([&] { return client.statuses.size() > before && !client.isLiveOn(QStringLiteral("sse")); }, kWaitMs));
    const ConnectionStatus &stale = client.statuses[before];
    ASSERT_TRUE(stale.reason.startsWith(QLatin1String("stale"))) << stale.reason.toStdString();
    EXPECT_GE(staleMs(stale.reason), kStallMs - 100);
    EXPECT_LE(staleMs(stale.reason), kStallMs * 2);
}
