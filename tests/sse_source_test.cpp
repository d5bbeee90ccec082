#include "feed/Decoder.h"
#include "feed/FrameSink.h"
#include "feed/HttpRequestSetup.h"
#include "feed/SseSource.h"
#include "support/CollectingSink.h"
#include "support/RetryingSourceFixture.h"
#include "support/LockedSink.h"
#include "support/ScriptedHttpServer.h"
#include "support/TestClock.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace vantage;
using vantage::test::ScriptedHttpServer;

namespace {

constexpr int kWaitMs = 5000;
const QByteArray kToken = QByteArrayLiteral("s3cr3t-T0ken-5e11");

class SseSourceTest : public test::RetryingSourceFixture<SseSource, SseOptions>
{
protected:
    SseSourceTest()
        : RetryingSourceFixture(QStringLiteral("sse"), kToken)
    {}

    void makeSource(const SseOptions &o)
    {
        attach(std::make_unique<SseSource>(o));
    }

    bool waitForRequests(const ScriptedHttpServer &server, int count)
    {
        return QTest::qWaitFor([&] { return server.requestCount() >= count; }, kWaitMs);
    }
};

} // namespace

TEST_F(SseSourceTest, SendsTheEventStreamRequestWithTheBearerToken)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::eventStream());
    makeSource(options(server.url(QStringLiteral("/api/workspaces/ws-1/analytics/realtime"))));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    EXPECT_EQ(m_statuses.front().state, ConnectionState::Connecting);

    ASSERT_EQ(server.requestCount(), 1);
    const ScriptedHttpServer::Request &request = server.requests()[0];
    EXPECT_EQ(request.method, QByteArrayLiteral("GET"));
    EXPECT_EQ(request.path, QByteArrayLiteral("/api/workspaces/ws-1/analytics/realtime"));
    EXPECT_EQ(request.header("Accept"), QByteArrayLiteral("text/event-stream"));
    EXPECT_EQ(request.header("Cache-Control"), QByteArrayLiteral("no-cache"));
    EXPECT_EQ(request.header("Authorization"), QByteArrayLiteral("Bearer ") + kToken);
    // Nothing to resume from yet.
    EXPECT_FALSE(request.hasHeader("Last-Event-ID"));
    EXPECT_FALSE(m_source->sendText(QByteArrayLiteral("{\"type\":\"pong\"}")));
}

TEST_F(SseSourceTest, MessageEventsPassThroughAndNamedEventsAreWrapped)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::eventStream());
    makeSource(options(server.url()));
    m_source->setNowFn([] { return qint64(1'234'567); });
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    // The relay: protocol v1 envelopes as plain "message" events, with EPOCH:SEQ ids.
    server.push(0, QByteArrayLiteral("id: e-7:41\ndata: {\"v\":1,\"type\":\"ping\",\"seq\":41}\n\n"));
    // Seed 003, exactly as its document shows the stream (split across chunks on purpose).
    server.push(0, QByteArrayLiteral(
                       "event: connected\ndata: {\"connectionId\":\"conn_1234567890_abc123\","
                       "\"workspaceId\":\"ws-1\",\"timestamp\":\"2025-12-06T12:00:00.000Z\"}\n\nevent: st"));
    server.push(
        0, QByteArrayLiteral("ats\ndata: {\"activeUsers\":42,\"onlineUsers\":15,\"messagesToday\":380}\n\n"
                             "event: ping\ndata: {\"timestamp\":1234567890}\n\n"
                             "event: event\ndata: {\"eventType\":\"message.sent\",\"userId\":\"u-1\","
                             "\"timestamp\":\"2025-12-06T12:00:01.000Z\"}\n\n"));
    // An odd type is escaped, and an empty data line still makes a valid frame.
    server.push(0, QByteArrayLiteral("event: we\"ird\\\ndata: [1,2]\n\nevent: ping\ndata\n\n"));
    ASSERT_TRUE(waitForFrames(7));

    EXPECT_EQ(m_sink.frames[0], QByteArrayLiteral("{\"v\":1,\"type\":\"ping\",\"seq\":41}"));
    EXPECT_EQ(
        m_sink.frames[1],
        QByteArrayLiteral("{\"type\":\"connected\",\"data\":{\"connectionId\":\"conn_1234567890_abc123\","
                          "\"workspaceId\":\"ws-1\",\"timestamp\":\"2025-12-06T12:00:00.000Z\"}}"));
    EXPECT_EQ(m_sink.frames[2], QByteArrayLiteral("{\"type\":\"stats\",\"data\":{\"activeUsers\":42,"
                                                  "\"onlineUsers\":15,\"messagesToday\":380}}"));
    EXPECT_EQ(m_sink.frames[3], QByteArrayLiteral("{\"type\":\"ping\",\"data\":{\"timestamp\":1234567890}}"));
    EXPECT_EQ(m_sink.frames[5], QByteArrayLiteral("{\"type\":\"we\\\"ird\\\\\",\"data\":[1,2]}"));
    EXPECT_EQ(m_sink.frames[6], QByteArrayLiteral("{\"type\":\"ping\",\"data\":null}"));
    EXPECT_EQ(m_sink.receivedAt[0], 1'234'567);
    EXPECT_EQ(m_sink.shifts[0], 0);

    // The wrapped frames are what the decoder's seed profiles expect.
    Decoder decoder;
    const MessageKind expected[] = {MessageKind::Ping, MessageKind::Hello, MessageKind::Snapshot,
                                    MessageKind::Ping, MessageKind::Event};
    for (size_t i = 0; i < std::size(expected); ++i) {
        Message message;
        ASSERT_EQ(decoder.decode(m_sink.frames[i], 0, 0, message), DecodeError::None)
            << m_sink.frames[i].toStdString();
        EXPECT_EQ(message.kind, expected[i]) << m_sink.frames[i].toStdString();
    }
    Message event;
    ASSERT_EQ(decoder.decode(m_sink.frames[4], 0, 0, event), DecodeError::None);
    EXPECT_EQ(std::get<LiveEvent>(event.body).type, QStringLiteral("message.sent"));
    Message ping;
    EXPECT_EQ(decoder.decode(m_sink.frames[6], 0, 0, ping), DecodeError::None);
    EXPECT_TRUE(m_sink.rejected.empty());
}

TEST_F(SseSourceTest, EachFrameCarriesTheDispatchedEventExactlyAsParsed)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::eventStream());
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    // Multi-line data, a CRLF stream, an id that persists into the next event, a comment.
    server.push(0, QByteArrayLiteral("id: e-7:41\r\nevent: stats\r\ndata: {\"a\":\r\ndata:  1}\r\n\r\n"
                                     ": keep-alive\r\ndata: {\"v\":1,\"type\":\"ping\",\"seq\":42}\r\n\r\n"));
    ASSERT_TRUE(waitForFrames(2));

    ASSERT_EQ(m_sink.sseEvents.size(), 2U);
    EXPECT_EQ(m_sink.sseEvents[0].type, QByteArrayLiteral("stats"));
    EXPECT_EQ(m_sink.sseEvents[0].lastEventId, QByteArrayLiteral("e-7:41"));
    EXPECT_EQ(m_sink.sseEvents[0].data, QByteArrayLiteral("{\"a\":\n 1}"));
    EXPECT_EQ(m_sink.sseEvents[1].type, QByteArrayLiteral("message"));
    EXPECT_EQ(m_sink.sseEvents[1].lastEventId, QByteArrayLiteral("e-7:41"));
    EXPECT_EQ(m_sink.sseEvents[1].data, QByteArrayLiteral("{\"v\":1,\"type\":\"ping\",\"seq\":42}"));
    EXPECT_EQ(m_sink.transports, (std::vector<QString>{QStringLiteral("sse"), QStringLiteral("sse")}));
}

TEST_F(SseSourceTest, ReconnectsWithTheLastEventIdItSaw)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::eventStream());
    makeSource(options(server.url()));
    // The parser's id wins over the pipeline's resume point once the stream has sent one.
    m_source->setResumeFn([] { return ResumePoint{QStringLiteral("old-epoch"), 3}; });
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    EXPECT_EQ(server.requests()[0].header("Last-Event-ID"), QByteArrayLiteral("old-epoch:3"));

    server.push(0, QByteArrayLiteral("id: e-7:41\ndata: {}\n\nid: e-7:42\ndata: {}\n\n"));
    ASSERT_TRUE(waitForFrames(2));
    server.finish(0);
    ASSERT_TRUE(waitForRequests(server, 2));
    EXPECT_EQ(server.requests()[1].header("Last-Event-ID"), QByteArrayLiteral("e-7:42"));
    ASSERT_TRUE(waitForState(ConnectionState::Live, indexOf(ConnectionState::Reconnecting)));
    EXPECT_EQ(m_source->reconnects(), 1);
}

TEST_F(SseSourceTest, FirstConnectionResumesFromThePipelinesResumePoint)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::eventStream());
    makeSource(options(server.url()));
    m_source->setResumeFn([] { return ResumePoint{QStringLiteral("e-7f3a9c"), 1841}; });
    m_source->start();
    ASSERT_TRUE(waitForRequests(server, 1));
    EXPECT_EQ(server.requests()[0].header("Last-Event-ID"), QByteArrayLiteral("e-7f3a9c:1841"));
}

TEST_F(SseSourceTest, AResumePointThatCouldInjectAHeaderIsNotSent)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::eventStream());
    makeSource(options(server.url()));
    m_source->setResumeFn([] { return ResumePoint{QStringLiteral("e\r\nX-Injected: 1"), 5}; });
    m_source->start();
    ASSERT_TRUE(waitForRequests(server, 1));
    EXPECT_FALSE(server.requests()[0].hasHeader("Last-Event-ID"));
    EXPECT_FALSE(server.requests()[0].hasHeader("X-Injected"));
}

TEST_F(SseSourceTest, TheServersRetryFieldSetsTheReconnectionDelay)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::eventStream());
    auto o = options(server.url());
    o.reconnect.baseMs = 1000;
    o.reconnect.capMs = 8000;
    makeSource(o);
    m_source->setNowFn([] { return qint64(5'000'000); });
    double random = 0.0;
    m_source->setRandomFn([&random] { return random; });
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    server.push(0, QByteArrayLiteral("retry: 1500\ndata: {}\n\n"));
    ASSERT_TRUE(waitForFrames(1));
    EXPECT_EQ(m_source->serverRetryMs(), 1500);
    server.finish(0);
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const ConnectionStatus &waiting = statusAt(indexOf(ConnectionState::Reconnecting));
    EXPECT_EQ(waiting.reason, QStringLiteral("the server ended the stream"));
    EXPECT_EQ(waiting.retryAtMs, 5'000'000 + 1500);
    // A drop before stableAfterMs still counts, so the backoff can grow on repeated drops.
    EXPECT_EQ(waiting.attempt, 1);

    // A second quick drop adds the policy's backoff on top of the server's delay:
    // half of min(cap, base * 2) with the jitter at 0.5.
    m_source->reconnectNow();
    const int reconnecting = indexOf(ConnectionState::Reconnecting);
    ASSERT_TRUE(waitForState(ConnectionState::Live, reconnecting));
    random = 0.5;
    server.abort(1);
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting, reconnecting + 1));
    const ConnectionStatus &again = statusAt(indexOf(ConnectionState::Reconnecting, reconnecting + 1));
    EXPECT_EQ(again.attempt, 2);
    EXPECT_EQ(again.retryAtMs, 5'000'000 + 1500 + 1000);
}

TEST_F(SseSourceTest, Http204StopsReconnecting)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::statusOnly(204));
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Error));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Error)).reason,
              QStringLiteral("server asked to stop (HTTP 204 No Content)"));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Error)).retryAtMs, 0);

    // Nothing may try again: with a 10 ms backoff, a retry would show up well within this wait.
    EXPECT_FALSE(QTest::qWaitFor([&] { return server.requestCount() > 1; }, 300));
    EXPECT_EQ(countOf(ConnectionState::Reconnecting), 0);
    EXPECT_EQ(indexOf(ConnectionState::Live), -1);

    // The operator may still insist.
    m_source->reconnectNow();
    ASSERT_TRUE(waitForRequests(server, 2));
}

TEST_F(SseSourceTest, RefusedCredentialsStopRetryingUntilTheOperatorReconnects)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::statusOnly(401));
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Error));
    const ConnectionStatus &error = statusAt(indexOf(ConnectionState::Error));
    EXPECT_EQ(error.reason, credentialRefusal(401));
    EXPECT_TRUE(error.reason.contains(QLatin1String("--token-keychain")));
    EXPECT_EQ(error.retryAtMs, 0);
    EXPECT_EQ(countOf(ConnectionState::Reconnecting), 0);
    EXPECT_EQ(server.requestCount(), 1);

    m_source->reconnectNow();
    ASSERT_TRUE(waitForRequests(server, 2));
}

TEST_F(SseSourceTest, ServerErrorFailsTheAttemptAndRetries)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(
        ScriptedHttpServer::withBody(500, QByteArrayLiteral("text/plain"), QByteArrayLiteral("boom")));
    server.enqueue(ScriptedHttpServer::statusOnly(503));
    server.enqueue(ScriptedHttpServer::eventStream());
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    ASSERT_EQ(countOf(ConnectionState::Reconnecting), 2);
    const ConnectionStatus &first = statusAt(indexOf(ConnectionState::Reconnecting));
    EXPECT_EQ(first.reason, QStringLiteral("HTTP 500 Internal Server Error"));
    EXPECT_EQ(first.attempt, 1);
    const ConnectionStatus &second =
        statusAt(indexOf(ConnectionState::Reconnecting, indexOf(ConnectionState::Reconnecting) + 1));
    EXPECT_EQ(second.reason, QStringLiteral("HTTP 503 Service Unavailable"));
    EXPECT_EQ(second.attempt, 2);
    EXPECT_EQ(server.requestCount(), 3);
    EXPECT_TRUE(m_sink.frames.empty());
}

TEST_F(SseSourceTest, RepeatedServerErrorsOpenTheBreakerAndAProbeThatStreamsClosesIt)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::statusOnly(503));
    makeSource(breakerOptions(server.url(), 2));
    test::TestClock clock;
    m_source->setNowFn([&clock] { return clock.now(); });
    m_source->setRandomFn([] { return 0.0; });
    m_source->start();

    ASSERT_TRUE(waitForState(ConnectionState::Offline));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).breaker, BreakerState::Closed);
    const int offlineIndex = indexOf(ConnectionState::Offline);
    const ConnectionStatus offline = statusAt(offlineIndex);
    EXPECT_EQ(offline.breaker, BreakerState::Open);
    EXPECT_EQ(offline.attempt, 2);
    EXPECT_EQ(offline.reason, QStringLiteral("HTTP 503 Service Unavailable"));
    EXPECT_EQ(offline.retryAtMs, clock.now() + 60'000);
    EXPECT_EQ(server.requestCount(), 2);

    // The operator skips the probe interval: that attempt is the breaker's one probe.
    server.enqueue(ScriptedHttpServer::eventStream());
    clock.advance(5'000);
    m_source->reconnectNow();
    ASSERT_EQ(m_statuses.size(), size_t(offlineIndex) + 2);
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Connecting);
    EXPECT_EQ(m_statuses.back().breaker, BreakerState::HalfOpen);
    EXPECT_EQ(m_statuses.back().sinceMs, clock.now());

    ASSERT_TRUE(waitForState(ConnectionState::Live, offlineIndex + 1));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Live)).breaker, BreakerState::Closed);
}

TEST_F(SseSourceTest, AProbeAnsweredWith204StillLetsTheOperatorRetry)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::statusOnly(503));
    makeSource(breakerOptions(server.url(), 1));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Offline));

    server.enqueue(ScriptedHttpServer::statusOnly(204));
    m_source->reconnectNow();
    ASSERT_TRUE(waitForState(ConnectionState::Error));
    // The refused probe counts as no failure, and it no longer holds the breaker half-open.
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Error)).breaker, BreakerState::Open);
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Error)).attempt, 1);

    server.enqueue(ScriptedHttpServer::eventStream());
    m_source->reconnectNow();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    EXPECT_EQ(server.requestCount(), 3);
}

TEST_F(SseSourceTest, AnotherContentTypeFailsTheAttemptAndRetries)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::withBody(200, QByteArrayLiteral("text/html; charset=utf-8"),
                                                QByteArrayLiteral("data: {\"not\":\"sse\"}\n\n")));
    // Parameters and case do not matter.
    ScriptedHttpServer::Response stream = ScriptedHttpServer::eventStream();
    stream.headers[0].second = QByteArrayLiteral("Text/Event-Stream; charset=UTF-8");
    server.enqueue(stream);
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    ASSERT_GE(indexOf(ConnectionState::Reconnecting), 0);
    EXPECT_LT(indexOf(ConnectionState::Reconnecting), indexOf(ConnectionState::Live));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).reason,
              QStringLiteral("unexpected content type \"text/html\""));
    // The HTML body was not read as events.
    EXPECT_TRUE(m_sink.frames.empty());
}

TEST_F(SseSourceTest, AServerEchoingTheTokenNeverGetsItIntoTheStatus)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::withBody(
        200, QByteArrayLiteral("text/") + kToken + QByteArray(100, 'x'), QByteArray()));
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const QString reason = statusAt(indexOf(ConnectionState::Reconnecting)).reason;
    EXPECT_TRUE(reason.startsWith(QLatin1String("unexpected content type \"text/***xxx")))
        << reason.toStdString();
    EXPECT_FALSE(reason.contains(QString::fromLatin1(kToken), Qt::CaseInsensitive)) << reason.toStdString();
    EXPECT_LT(reason.size(), 100);
}

TEST_F(SseSourceTest, SilentStreamIsDetectedAsStaleWithinTheBound)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::eventStream());
    auto o = options(server.url());
    o.stallTimeoutMs = 300;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    // Comments keep the stream alive: four quiet gaps of 100 ms add up to more than the bound.
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer keepAlive;
    int comments = 0;
    QObject::connect(&keepAlive, &QTimer::timeout, &keepAlive, [&] {
        server.push(0, QByteArrayLiteral(": keep-alive\n"));
        ++comments;
    });
    keepAlive.start(100);
    ASSERT_TRUE(QTest::qWaitFor([&] { return comments >= 5; }, kWaitMs));
    keepAlive.stop();
    EXPECT_EQ(indexOf(ConnectionState::Reconnecting), -1) << "stalled after " << elapsed.elapsed() << " ms";

    elapsed.restart();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting, 0, 2000));
    const qint64 detectedAfterMs = elapsed.elapsed();
    EXPECT_GE(detectedAfterMs, 250);
    EXPECT_LE(detectedAfterMs, 1000);
    const QString reason = statusAt(indexOf(ConnectionState::Reconnecting)).reason;
    EXPECT_TRUE(reason.startsWith(QLatin1String("stale: no data for 0."))) << reason.toStdString();
    EXPECT_TRUE(reason.endsWith(QLatin1String(" s"))) << reason.toStdString();
    ASSERT_TRUE(waitForRequests(server, 2));
    EXPECT_TRUE(QTest::qWaitFor([&] { return server.isDisconnected(0); }, kWaitMs));
}

TEST_F(SseSourceTest, UnansweredRequestTimesOut)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    auto o = options(server.url());
    o.connectTimeoutMs = 200;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).reason,
              QStringLiteral("connect timeout after 0.2 s"));
    ASSERT_TRUE(waitForRequests(server, 2));
    EXPECT_EQ(indexOf(ConnectionState::Live), -1);
}

TEST_F(SseSourceTest, OversizedEventIsRefusedAndCounted)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::eventStream());
    auto o = options(server.url());
    o.maxEventBytes = 64;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    server.push(0,
                QByteArrayLiteral("data: {\"big\":\"") + QByteArray(200, 'x') + QByteArrayLiteral("\"}\n\n"));
    server.push(0, QByteArrayLiteral("event: stats\ndata: {\"activeUsers\":1}\n\n"));
    ASSERT_TRUE(waitForFrames(1));
    ASSERT_EQ(m_sink.rejected.size(), 1u);
    EXPECT_EQ(m_sink.rejected[0], QStringLiteral("oversized_frame"));
    ASSERT_EQ(m_sink.frames.size(), 1u);
    EXPECT_EQ(m_sink.frames[0], QByteArrayLiteral("{\"type\":\"stats\",\"data\":{\"activeUsers\":1}}"));
    // The stream itself goes on.
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Live);
}

TEST_F(SseSourceTest, TokenIsNeverSentUnencryptedToAnotherHost)
{
    // ".invalid" never resolves (RFC 2606): even a regression could not send traffic anywhere.
    makeSource(options(QUrl(QStringLiteral("http://example.invalid/api/realtime"))));
    m_source->start();
    ASSERT_FALSE(m_statuses.empty());
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_EQ(
        m_statuses.back().reason,
        QStringLiteral("refusing to send the bearer token unencrypted to example.invalid: use https://"));
    EXPECT_EQ(countOf(ConnectionState::Connecting), 0);
}

TEST_F(SseSourceTest, TokenWithALineBreakIsRefusedBeforeConnecting)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    auto o = options(server.url());
    o.bearerToken = kToken + "\r\nX-Injected: 1";
    makeSource(o);
    m_source->start();
    ASSERT_FALSE(m_statuses.empty());
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_EQ(m_statuses.back().reason, QStringLiteral("the bearer token holds invalid characters"));
    EXPECT_FALSE(QTest::qWaitFor([&] { return server.connectionCount() > 0; }, 100));
}

TEST_F(SseSourceTest, UnsupportedSchemeIsAnError)
{
    makeSource(options(QUrl(QStringLiteral("ws://127.0.0.1:1/stream"))));
    m_source->start();
    ASSERT_FALSE(m_statuses.empty());
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_EQ(m_statuses.back().reason,
              QStringLiteral("unsupported URL scheme \"ws\" (http or https expected)"));
}

TEST_F(SseSourceTest, RefusedPortGivesReconnectingWithAReason)
{
    quint16 port = 0;
    {
        ScriptedHttpServer closed;
        ASSERT_TRUE(closed.listen());
        port = closed.port();
    }
    makeSource(options(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).reason, QStringLiteral("connection refused"));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).attempt, 1);
}

TEST_F(SseSourceTest, StopEndsTheStreamQuietlyWithIdle)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(ScriptedHttpServer::eventStream());
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    m_source->stop();
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Idle);
    EXPECT_EQ(m_statuses.back().reason, QString());
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.isDisconnected(0); }, kWaitMs));
    // Stopped means stopped: no reconnection, no further status.
    const size_t statusesAfterStop = m_statuses.size();
    EXPECT_FALSE(QTest::qWaitFor([&] { return server.requestCount() > 1; }, 200));
    EXPECT_EQ(m_statuses.size(), statusesAfterStop);
}

TEST_F(SseSourceTest, SameOriginRedirectIsFollowedWithItsHeaders)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::redirect(307, QByteArrayLiteral("/moved")));
    server.enqueue(ScriptedHttpServer::eventStream(QByteArrayLiteral("data: {\"n\":1}\n\n")));
    makeSource(options(server.url(QStringLiteral("/stream"))));
    m_source->start();
    ASSERT_TRUE(waitForFrames(1));
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Live);
    ASSERT_EQ(server.requestCount(), 2);
    EXPECT_EQ(server.requests()[1].path, QByteArrayLiteral("/moved"));
    EXPECT_EQ(server.requests()[1].header("Authorization"), QByteArrayLiteral("Bearer ") + kToken);
    EXPECT_EQ(countOf(ConnectionState::Reconnecting), 0);
}

TEST_F(SseSourceTest, RedirectToAnotherOriginIsRefused)
{
    ScriptedHttpServer elsewhere;
    ASSERT_TRUE(elsewhere.listen());
    elsewhere.setFallback(ScriptedHttpServer::eventStream());
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.setFallback(
        ScriptedHttpServer::redirect(302, elsewhere.url(QStringLiteral("/steal")).toEncoded()));
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_EQ(statusAt(indexOf(ConnectionState::Reconnecting)).reason,
              QStringLiteral("redirect refused: only redirects within the same origin are followed"));
    ASSERT_TRUE(waitForRequests(server, 2));
    EXPECT_EQ(elsewhere.connectionCount(), 0);
}

TEST_F(SseSourceTest, UntrustedCertificateIsATlsErrorAndIsRetried)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const test::SelfSignedCertificate certificate = test::createSelfSignedCertificate(dir.path());
    if (!certificate.error.isEmpty())
        GTEST_SKIP() << certificate.error.toStdString();
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listenTls(certificate.certificatePath, certificate.keyPath));
    server.setFallback(ScriptedHttpServer::eventStream());
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const QString reason = statusAt(indexOf(ConnectionState::Reconnecting)).reason;
    EXPECT_TRUE(reason.startsWith(QLatin1String("TLS error: "))) << reason.toStdString();
    // Retried, and never accepted: not a single request got through the failed handshakes.
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.connectionCount() >= 2; }, kWaitMs));
    EXPECT_EQ(indexOf(ConnectionState::Live), -1);
    EXPECT_EQ(server.requestCount(), 0);
}

TEST_F(SseSourceTest, CaFileTrustsAPrivateCertificate)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const test::SelfSignedCertificate certificate = test::createSelfSignedCertificate(dir.path());
    if (!certificate.error.isEmpty())
        GTEST_SKIP() << certificate.error.toStdString();
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listenTls(certificate.certificatePath, certificate.keyPath));
    server.setFallback(ScriptedHttpServer::eventStream(QByteArrayLiteral("data: {\"tls\":true}\n\n")));
    auto o = options(server.url());
    o.tls.caFile = certificate.certificatePath;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForFrames(1));
    EXPECT_EQ(m_sink.frames[0], QByteArrayLiteral("{\"tls\":true}"));
    EXPECT_EQ(server.requests()[0].header("Authorization"), QByteArrayLiteral("Bearer ") + kToken);
}

TEST_F(SseSourceTest, MissingCaFileIsAnError)
{
    auto o = options(QUrl(QStringLiteral("https://127.0.0.1:1/")));
    o.tls.caFile = QStringLiteral("/nonexistent/ca.pem");
    makeSource(o);
    m_source->start();
    ASSERT_FALSE(m_statuses.empty());
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_EQ(m_statuses.back().reason, QStringLiteral("CA file /nonexistent/ca.pem does not exist"));
}

TEST(SseSourceThreading, RunsOnAWorkerThread)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(
        ScriptedHttpServer::eventStream(QByteArrayLiteral("data: one\n\nevent: stats\ndata: {}\n\n")));
    SseOptions o;
    o.url = server.url();
    LockedSink sink;
    QThread worker;
    auto *source = new SseSource(o);
    source->setSink(&sink);
    source->moveToThread(&worker);
    std::vector<ConnectionState> states;
    QObject context;
    QObject::connect(source, &FrameSource::statusChanged, &context,
                     [&states](const ConnectionStatus &s) { states.push_back(s.state); });
    worker.start();
    QMetaObject::invokeMethod(source, &SseSource::start, Qt::QueuedConnection);

    ASSERT_TRUE(QTest::qWaitFor([&] { return sink.size() == 2; }, kWaitMs));
    EXPECT_EQ(sink.frames(),
              (std::vector<QByteArray>{QByteArrayLiteral("one"),
                                       QByteArrayLiteral("{\"type\":\"stats\",\"data\":{}}")}));
    EXPECT_EQ(sink.threads().front(), &worker);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !states.empty() && states.back() == ConnectionState::Live; }, kWaitMs));

    QMetaObject::invokeMethod(source, &SseSource::stop, Qt::BlockingQueuedConnection);
    ASSERT_TRUE(QTest::qWaitFor([&] { return states.back() == ConnectionState::Idle; }, kWaitMs));
    source->deleteLater();
    worker.quit();
    ASSERT_TRUE(worker.wait(kWaitMs));
}

TEST_F(SseSourceTest, WithErrorRetryA204IsTriedAgainAndTheStreamComesBack)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(ScriptedHttpServer::statusOnly(204));
    server.enqueue(ScriptedHttpServer::eventStream());
    SseOptions o = options(server.url());
    o.reconnect.errorRetryMs = 20;
    makeSource(o);
    test::TestClock clock;
    m_source->setNowFn([&clock] { return clock.now(); });
    m_source->setRandomFn([] { return 0.0; });
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    const ConnectionStatus &error = statusAt(indexOf(ConnectionState::Error));
    EXPECT_EQ(error.reason, QStringLiteral("server asked to stop (HTTP 204 No Content)"));
    EXPECT_EQ(error.retryAtMs, clock.now() + 20);
    EXPECT_LT(indexOf(ConnectionState::Error), indexOf(ConnectionState::Live));
    EXPECT_EQ(server.requestCount(), 2);
    EXPECT_EQ(countOf(ConnectionState::Reconnecting), 0);
}
