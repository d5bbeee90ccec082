#include "feed/Decoder.h"
#include "feed/FrameSink.h"
#include "feed/HttpRequestSetup.h"
#include "feed/SnapshotPollSource.h"
#include "support/CollectingSink.h"
#include "support/RetryingSourceFixture.h"
#include "support/ScriptedHttpServer.h"

#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace vantage;
using vantage::test::ScriptedHttpServer;

namespace {

constexpr int kWaitMs = 5000;
constexpr qint64 kNowMs = 7'000'000;
const QByteArray kToken = QByteArrayLiteral("p0ll-T0ken-77aa");

// Seed 003's snapshot endpoint, as its document shows it ("..." filled in).
const QByteArray kSeed003Snapshot = QByteArrayLiteral(R"({
  "data": {
    "activeUsers": 42,
    "onlineUsers": 15,
    "activeSessions": 8,
    "messagesLastHour": 87,
    "messagesToday": 380,
    "activeChannels": 12,
    "activeOrchestrators": 3,
    "tasksInProgress": 15,
    "eventCounts": {
      "message.sent": 380,
      "file.uploaded": 25,
      "reaction.added": 102
    },
    "timestamp": "2025-12-06T12:00:00.000Z"
  },
  "meta": {
    "workspaceId": "ws-1",
    "userId": "u-1",
    "mode": "snapshot",
    "connections": 5,
    "timestamp": "2025-12-06T12:00:00.000Z"
  }
})");

ScriptedHttpServer::Response json(const QByteArray &body)
{
    return ScriptedHttpServer::withBody(200, QByteArrayLiteral("application/json"), body);
}

class SnapshotPollSourceTest : public test::RetryingSourceFixture<SnapshotPollSource, PollOptions>
{
protected:
    SnapshotPollSourceTest()
        : RetryingSourceFixture(QStringLiteral("polling"), kToken)
    {}

    void makeSource(const PollOptions &o)
    {
        attach(std::make_unique<SnapshotPollSource>(o));
        m_source->setNowFn([] { return kNowMs; });
    }

    PollOptions options(const QUrl &url) const override
    {
        PollOptions o = RetryingSourceFixture::options(url);
        o.intervalMs = 10;
        return o;
    }
};

// The value of a named entry, NaN when absent.
double valueOf(const std::vector<NamedValue> &values, const char *name)
{
    for (const NamedValue &entry : values) {
        if (entry.name == QLatin1String(name))
            return entry.value;
    }
    return qQNaN();
}

} // namespace

TEST_F(SnapshotPollSourceTest, Seed003SnapshotBecomesAStatsFrame)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(json(kSeed003Snapshot));
    makeSource(options(server.url(QStringLiteral("/api/workspaces/ws-1/analytics/realtime"))));
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_sink.frames.empty(); }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    EXPECT_EQ(m_statuses.front().state, ConnectionState::Connecting);

    const ScriptedHttpServer::Request &request = server.requests()[0];
    EXPECT_EQ(request.method, QByteArrayLiteral("GET"));
    EXPECT_EQ(request.path, QByteArrayLiteral("/api/workspaces/ws-1/analytics/realtime"));
    EXPECT_EQ(request.header("Accept"), QByteArrayLiteral("application/json"));
    EXPECT_EQ(request.header("Authorization"), QByteArrayLiteral("Bearer ") + kToken);

    const QByteArray &frame = m_sink.frames[0];
    EXPECT_TRUE(frame.startsWith(QByteArrayLiteral("{\"type\":\"stats\",\"data\":{"))) << frame.toStdString();
    EXPECT_FALSE(frame.contains(QByteArrayLiteral("meta"))) << frame.toStdString();
    EXPECT_EQ(m_sink.receivedAt[0], kNowMs);

    // The decoder reads it as seed 003's stats snapshot.
    Decoder decoder;
    Message message;
    ASSERT_EQ(decoder.decode(frame, kNowMs, 0, message), DecodeError::None) << frame.toStdString();
    EXPECT_EQ(message.kind, MessageKind::Snapshot);
    const auto &snapshot = std::get<SnapshotInfo>(message.body);
    EXPECT_EQ(valueOf(snapshot.counters, "active_users"), 42);
    EXPECT_EQ(snapshot.activeUsers.current, 42);
    EXPECT_EQ(valueOf(snapshot.metrics.gauges, "onlineUsers"), 15);
    EXPECT_EQ(valueOf(snapshot.metrics.gauges, "eventCounts.reaction.added"), 102);
    EXPECT_TRUE(m_sink.rejected.empty());
}

TEST_F(SnapshotPollSourceTest, PollsAgainAfterTheInterval)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(json(kSeed003Snapshot));
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() >= 3; }, kWaitMs));
    EXPECT_GE(server.requestCount(), 3);
    EXPECT_GE(m_source->snapshots(), 3);
    // One Live, however many polls: a routine poll does not flap the status.
    EXPECT_EQ(m_statuses.size(), 2u);
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Live);
}

TEST_F(SnapshotPollSourceTest, ProtocolEnvelopePassesThroughAsIs)
{
    const QByteArray envelope = QByteArrayLiteral(
        R"({"v":1,"type":"snapshot","seq":1842,"ts":"2026-11-22T20:00:00.010Z","data":{"counters":{"signups":120}}})");
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(json(envelope));
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_sink.frames.empty(); }, kWaitMs));
    EXPECT_EQ(m_sink.frames[0], envelope);
}

TEST_F(SnapshotPollSourceTest, GarbageIsRejectedWithACount)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::withBody(200, QByteArrayLiteral("text/html"),
                                                QByteArrayLiteral("<html>login</html>")));
    server.enqueue(json(QByteArrayLiteral("[1,2,3]")));
    server.enqueue(json(QByteArrayLiteral(R"({"meta":{"mode":"snapshot"}})")));
    server.enqueue(json(QByteArrayLiteral(R"({"data":[1]})")));
    server.setFallback(json(kSeed003Snapshot));
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    EXPECT_EQ(m_sink.rejected, std::vector<QString>(4, QStringLiteral("bad_snapshot_response")));
    ASSERT_EQ(m_sink.frames.size(), 1u);
    const ConnectionStatus &failed = statusAt(indexOf(ConnectionState::Reconnecting));
    EXPECT_EQ(failed.reason, QStringLiteral("the response is not a JSON snapshot"));
    EXPECT_EQ(failed.attempt, 1);
    EXPECT_EQ(m_statuses.back().attempt, 0);
}

TEST_F(SnapshotPollSourceTest, RefusedCredentialsStopPollingUntilTheOperatorReconnects)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::statusOnly(407));
    server.enqueue(json(kSeed003Snapshot));
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Error));
    const ConnectionStatus &error = statusAt(indexOf(ConnectionState::Error));
    EXPECT_EQ(error.reason, credentialRefusal(407));
    EXPECT_EQ(error.retryAtMs, 0);
    EXPECT_EQ(server.requestCount(), 1);

    m_source->reconnectNow();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    EXPECT_EQ(m_sink.frames.size(), 1u);
}

TEST_F(SnapshotPollSourceTest, BacksOffOnServiceUnavailable)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::statusOnly(503));
    server.enqueue(ScriptedHttpServer::statusOnly(503));
    server.enqueue(json(kSeed003Snapshot));
    auto o = options(server.url());
    o.intervalMs = 100;
    o.reconnect.baseMs = 1000;
    o.reconnect.capMs = 8000;
    makeSource(o);
    m_source->setRandomFn([] { return 0.5; });
    m_source->start();

    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const int first = indexOf(ConnectionState::Reconnecting);
    EXPECT_EQ(statusAt(first).reason, QStringLiteral("HTTP 503 Service Unavailable"));
    EXPECT_EQ(statusAt(first).attempt, 1);
    EXPECT_EQ(statusAt(first).retryAtMs, kNowMs + 500); // half of base
    EXPECT_TRUE(m_sink.frames.empty());

    m_source->reconnectNow();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting, first + 1));
    const int second = indexOf(ConnectionState::Reconnecting, first + 1);
    EXPECT_EQ(statusAt(second).attempt, 2);
    EXPECT_EQ(statusAt(second).retryAtMs, kNowMs + 1000); // half of base * 2

    m_source->reconnectNow();
    ASSERT_TRUE(waitForState(ConnectionState::Live, second + 1));
    EXPECT_EQ(m_statuses.back().attempt, 0);
    EXPECT_EQ(m_sink.frames.size(), 1u);
}

TEST_F(SnapshotPollSourceTest, RepeatedServiceUnavailableOpensTheBreakerAndAGoodProbeClosesIt)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::statusOnly(503));
    makeSource(breakerOptions(server.url(), 2));
    m_source->setRandomFn([] { return 0.0; });
    m_source->start();

    ASSERT_TRUE(waitForState(ConnectionState::Offline));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).breaker, BreakerState::Closed);
    const int offlineIndex = indexOf(ConnectionState::Offline);
    const ConnectionStatus offline = statusAt(offlineIndex);
    EXPECT_EQ(offline.breaker, BreakerState::Open);
    EXPECT_EQ(offline.attempt, 2);
    EXPECT_EQ(offline.reason, QStringLiteral("HTTP 503 Service Unavailable"));
    EXPECT_EQ(offline.retryAtMs, kNowMs + 60'000);
    EXPECT_EQ(server.requestCount(), 2);

    // The operator skips the probe interval: that poll is the breaker's one probe.
    server.enqueue(json(kSeed003Snapshot));
    m_source->reconnectNow();
    ASSERT_EQ(m_statuses.size(), size_t(offlineIndex) + 2);
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Connecting);
    EXPECT_EQ(m_statuses.back().breaker, BreakerState::HalfOpen);

    ASSERT_TRUE(waitForState(ConnectionState::Live, offlineIndex + 1));
    const ConnectionStatus live = statusAt(indexOf(ConnectionState::Live));
    EXPECT_EQ(live.breaker, BreakerState::Closed);
    EXPECT_EQ(live.attempt, 0);
    EXPECT_EQ(m_sink.frames.size(), 1u);
}

TEST_F(SnapshotPollSourceTest, BackoffNeverPollsFasterThanTheInterval)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::statusOnly(500));
    auto o = options(server.url());
    o.intervalMs = 60'000;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).retryAtMs, kNowMs + 60'000);
}

TEST_F(SnapshotPollSourceTest, OversizedResponseIsRefused)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(json(QByteArrayLiteral("{\"type\":\"snapshot\",\"pad\":\"") + QByteArray(4096, 'x') +
                        QByteArrayLiteral("\"}")));
    auto o = options(server.url());
    o.maxResponseBytes = 1024;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).reason,
              QStringLiteral("response larger than 1024 bytes"));
    EXPECT_EQ(m_sink.rejected, std::vector<QString>{QStringLiteral("oversized_frame")});
    EXPECT_TRUE(m_sink.frames.empty());
}

TEST_F(SnapshotPollSourceTest, UnansweredRequestTimesOut)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    auto o = options(server.url());
    o.timeoutMs = 200;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).reason, QStringLiteral("timeout after 0.2 s"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.requestCount() >= 2; }, kWaitMs));
}

TEST_F(SnapshotPollSourceTest, TokenIsNeverSentUnencryptedToAnotherHost)
{
    makeSource(options(QUrl(QStringLiteral("http://example.invalid/api/realtime"))));
    m_source->start();
    ASSERT_EQ(m_statuses.size(), 1u);
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_EQ(
        m_statuses.back().reason,
        QStringLiteral("refusing to send the bearer token unencrypted to example.invalid: use https://"));
}

TEST_F(SnapshotPollSourceTest, UntrustedCertificateIsATlsError)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const test::SelfSignedCertificate certificate = test::createSelfSignedCertificate(dir.path());
    if (!certificate.error.isEmpty())
        GTEST_SKIP() << certificate.error.toStdString();
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listenTls(certificate.certificatePath, certificate.keyPath));
    server.setFallback(json(kSeed003Snapshot));
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const QString reason = statusAt(indexOf(ConnectionState::Reconnecting)).reason;
    EXPECT_TRUE(reason.startsWith(QLatin1String("TLS error: "))) << reason.toStdString();
    EXPECT_EQ(server.requestCount(), 0);
    EXPECT_TRUE(m_sink.frames.empty());
}

TEST_F(SnapshotPollSourceTest, StopGivesIdleAndPollsNoMore)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(json(kSeed003Snapshot));
    auto o = options(server.url());
    o.intervalMs = 50;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    m_source->stop();
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Idle);
    const int requests = server.requestCount();
    EXPECT_FALSE(QTest::qWaitFor([&] { return server.requestCount() > requests; }, 200));
    EXPECT_FALSE(m_source->sendText(QByteArrayLiteral("{}")));
}

TEST_F(SnapshotPollSourceTest, WithErrorRetryRefusedCredentialsArePolledAgain)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::statusOnly(401));
    server.enqueue(json(kSeed003Snapshot));
    PollOptions o = options(server.url());
    o.reconnect.errorRetryMs = 20;
    makeSource(o);
    m_source->setRandomFn([] { return 0.0; });
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    const ConnectionStatus &error = statusAt(indexOf(ConnectionState::Error));
    EXPECT_EQ(error.reason, credentialRefusal(401));
    EXPECT_EQ(error.retryAtMs, kNowMs + 20);
    EXPECT_EQ(m_sink.frames.size(), 1u);
}
