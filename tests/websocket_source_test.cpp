#include "feed/FrameSink.h"
#include "feed/HttpRequestSetup.h"
#include "feed/UrlRedaction.h"
#include "feed/WebSocketSource.h"
#include "support/CollectingSink.h"
#include "support/RetryingSourceFixture.h"
#include "support/LockedSink.h"
#include "support/TestClock.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QMutex>
#include <QTest>
#include <QThread>
#include <QWebSocket>
#include <QWebSocketServer>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace vantage;

namespace {

constexpr int kWaitMs = 5000;
const QByteArray kToken = QByteArrayLiteral("s3cr3t-T0ken-9b1e");

// A protocol-level WebSocket server on 127.0.0.1 that remembers each client's handshake.
class EchoServer
{
public:
    EchoServer()
    {
        m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
        QObject::connect(&m_server, &QWebSocketServer::newConnection, &m_server, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(&m_server);
                authorizations.push_back(socket->request().rawHeader(QByteArrayLiteral("Authorization")));
                requestUrls.push_back(socket->requestUrl());
                QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                                 [this](const QString &text) { received.push_back(text); });
                QObject::connect(socket, &QWebSocket::disconnected, socket, [this, socket] {
                    closeCodesSeen.push_back(socket->closeCode());
                });
                sockets.push_back(socket);
            }
        });
    }
    bool isListening() const { return m_server.isListening(); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(m_server.serverPort()));
    }
    QWebSocket *last() const { return sockets.empty() ? nullptr : sockets.back(); }

    std::vector<QWebSocket *> sockets;
    std::vector<QByteArray> authorizations;
    std::vector<QUrl> requestUrls;
    std::vector<QString> received;
    std::vector<QWebSocketProtocol::CloseCode> closeCodesSeen;

private:
    QWebSocketServer m_server{QStringLiteral("test"), QWebSocketServer::NonSecureMode};
};

// A TCP server that speaks just enough HTTP to answer the upgrade the way a test needs.
class RawServer
{
public:
    enum class Mode { NeverAnswer, UpgradeThenSilent, Reject401, Reject403, PlainHttpAtOnce, UpgradeThenInvalidUtf8 };

    explicit RawServer(Mode mode)
        : m_mode(mode)
    {
        m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(&m_server);
                ++connections;
                handshakes.emplace_back();
                const size_t index = handshakes.size() - 1;
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket, index] { onRead(socket, index); });
            }
        });
    }
    bool isListening() const { return m_server.isListening(); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_server.serverPort())); }

    int connections = 0;
    std::vector<QByteArray> handshakes;

private:
    void onRead(QTcpSocket *socket, size_t index)
    {
        QByteArray &request = handshakes[index];
        if (m_mode == Mode::PlainHttpAtOnce) {
            // Answers a TLS client hello in clear text, as a misconfigured proxy would.
            request += socket->readAll();
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        const bool complete = request.contains("\r\n\r\n");
        request += socket->readAll();
        if (complete || !request.contains("\r\n\r\n") || m_mode == Mode::NeverAnswer)
            return;
        if (m_mode == Mode::Reject401) {
            socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        if (m_mode == Mode::Reject403) {
            // What a proxy that blocks WebSocket upgrades answers.
            socket->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        const QRegularExpression keyLine(QStringLiteral("Sec-WebSocket-Key: *([^\\r]+)\\r\\n"),
                                         QRegularExpression::CaseInsensitiveOption);
        const QByteArray key = keyLine.match(QString::fromLatin1(request)).captured(1).toLatin1();
        const QByteArray accept = QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                                           QCryptographicHash::Sha1)
                                      .toBase64();
        socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: "
                      + accept + "\r\n\r\n");
        if (m_mode == Mode::UpgradeThenInvalidUtf8) {
            // An unmasked text frame whose payload is not UTF-8 ("\xC3\x28").
            socket->write(QByteArray("\x81\x02\xC3\x28", 4));
        }
    }

    Mode m_mode;
    QTcpServer m_server;
};

// A ws:// URL on 127.0.0.1 that nobody listens on, so every attempt is refused; empty when no
// free port could be found.
QUrl refusedUrl()
{
    QTcpServer closed;
    if (!closed.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return QUrl();
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(closed.serverPort()));
}

class WebSocketSourceTest : public test::RetryingSourceFixture<WebSocketSource, WebSocketOptions>
{
protected:
    WebSocketSourceTest()
        : RetryingSourceFixture(QStringLiteral("websocket"), kToken)
    {}

    void makeSource(const WebSocketOptions &o)
    {
        attach(std::make_unique<WebSocketSource>(o));
    }
};

} // namespace

TEST_F(WebSocketSourceTest, FramesFlowInOrderAndTheServerSeesTheBearerToken)
{
    EchoServer server;
    ASSERT_TRUE(server.isListening());
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    EXPECT_EQ(m_statuses.front().state, ConnectionState::Connecting);
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.last() != nullptr; }, kWaitMs));

    EXPECT_EQ(server.authorizations.back(), QByteArrayLiteral("Bearer ") + kToken);
    server.last()->sendTextMessage(QStringLiteral("{\"n\":1}"));
    server.last()->sendTextMessage(QStringLiteral("{\"n\":2,\"city\":\"Zürich\"}"));
    server.last()->sendBinaryMessage(QByteArrayLiteral("{\"n\":3}"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() == 3; }, kWaitMs));

    EXPECT_EQ(m_sink.frames[0], QByteArrayLiteral("{\"n\":1}"));
    EXPECT_EQ(m_sink.frames[1], QStringLiteral("{\"n\":2,\"city\":\"Zürich\"}").toUtf8());
    EXPECT_EQ(m_sink.frames[2], QByteArrayLiteral("{\"n\":3}"));
    EXPECT_GT(m_sink.receivedAt[0], 0);
    EXPECT_EQ(m_sink.shifts[0], 0);
    EXPECT_EQ(m_source->reconnects(), 0);
}

TEST_F(WebSocketSourceTest, ReceiveTimeComesFromTheInjectedClock)
{
    EchoServer server;
    makeSource(options(server.url()));
    m_source->setNowFn([] { return qint64(1'234'567); });
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.last() != nullptr; }, kWaitMs));
    server.last()->sendTextMessage(QStringLiteral("{}"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() == 1; }, kWaitMs));
    EXPECT_EQ(m_sink.receivedAt[0], 1'234'567);
    EXPECT_EQ(m_sink.transports[0], QStringLiteral("websocket"));
    EXPECT_TRUE(m_sink.sseEvents.empty());
}

TEST_F(WebSocketSourceTest, ReconnectsAfterTheServerClosesAndFramesKeepFlowing)
{
    EchoServer server;
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 1; }, kWaitMs));

    server.last()->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("maintenance"));
    const int firstLive = indexOf(ConnectionState::Live);
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting, firstLive));
    const ConnectionStatus reconnecting = m_statuses[indexOf(ConnectionState::Reconnecting, firstLive)];
    EXPECT_EQ(reconnecting.reason, QStringLiteral("remote closed (1001 going away: maintenance)"));
    EXPECT_EQ(reconnecting.attempt, 1);
    EXPECT_GE(reconnecting.retryAtMs, reconnecting.sinceMs);

    ASSERT_TRUE(waitForState(ConnectionState::Live, size_t(indexOf(ConnectionState::Reconnecting))));
    EXPECT_EQ(m_source->reconnects(), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 2; }, kWaitMs));
    EXPECT_EQ(server.authorizations[1], QByteArrayLiteral("Bearer ") + kToken);

    server.last()->sendTextMessage(QStringLiteral("after"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() == 1; }, kWaitMs));
    EXPECT_EQ(m_sink.frames[0], QByteArrayLiteral("after"));
}

TEST_F(WebSocketSourceTest, ReconnectsAfterTheServerAborts)
{
    EchoServer server;
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 1; }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    server.last()->abort();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const ConnectionStatus &reconnecting = m_statuses[indexOf(ConnectionState::Reconnecting)];
    EXPECT_FALSE(reconnecting.reason.isEmpty());
    ASSERT_TRUE(waitForState(ConnectionState::Live, size_t(indexOf(ConnectionState::Reconnecting))));
    EXPECT_EQ(m_source->reconnects(), 1);

    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 2; }, kWaitMs));
    server.last()->sendTextMessage(QStringLiteral("still here"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() == 1; }, kWaitMs));
    EXPECT_EQ(m_sink.frames[0], QByteArrayLiteral("still here"));
}

TEST_F(WebSocketSourceTest, RefusedPortGivesReconnectingWithAReason)
{
    const QUrl url = refusedUrl();
    ASSERT_FALSE(url.isEmpty());
    makeSource(options(url));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const ConnectionStatus &s = m_statuses[indexOf(ConnectionState::Reconnecting)];
    EXPECT_EQ(s.reason, QStringLiteral("connection refused"));
    EXPECT_EQ(s.attempt, 1);
    EXPECT_EQ(indexOf(ConnectionState::Live), -1);
}

TEST_F(WebSocketSourceTest, GoesOfflineAfterTheRetryBudget)
{
    const QUrl url = refusedUrl();
    ASSERT_FALSE(url.isEmpty());
    makeSource(breakerOptions(url, 3));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Offline));
    EXPECT_EQ(countOf(ConnectionState::Reconnecting), 2);
    const ConnectionStatus &offline = m_statuses[indexOf(ConnectionState::Offline)];
    EXPECT_EQ(offline.attempt, 3);
    EXPECT_GE(offline.retryAtMs - offline.sinceMs, 60'000 - 1);
}

TEST_F(WebSocketSourceTest, RepeatedRefusalsOpenTheBreakerAndReconnectNowIsItsHalfOpenProbe)
{
    const QUrl url = refusedUrl();
    ASSERT_FALSE(url.isEmpty());
    makeSource(breakerOptions(url, 2));
    test::TestClock clock;
    m_source->setNowFn([&clock] { return clock.now(); });
    m_source->setRandomFn([] { return 0.0; });
    m_source->start();

    ASSERT_TRUE(waitForState(ConnectionState::Offline));
    EXPECT_EQ(m_statuses[indexOf(ConnectionState::Reconnecting)].breaker, BreakerState::Closed);
    const size_t offlineIndex = size_t(indexOf(ConnectionState::Offline));
    const ConnectionStatus offline = m_statuses[offlineIndex];
    EXPECT_EQ(offline.breaker, BreakerState::Open);
    EXPECT_EQ(offline.attempt, 2);
    EXPECT_EQ(offline.retryAtMs, clock.now() + 60'000);

    // The operator skips the probe interval: that attempt is the breaker's one probe.
    clock.advance(5'000);
    m_source->reconnectNow();
    ASSERT_EQ(m_statuses.size(), offlineIndex + 2);
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Connecting);
    EXPECT_EQ(m_statuses.back().breaker, BreakerState::HalfOpen);

    ASSERT_TRUE(waitForState(ConnectionState::Offline, offlineIndex + 1));
    const ConnectionStatus failedProbe = m_statuses[size_t(indexOf(ConnectionState::Offline, offlineIndex + 1))];
    EXPECT_EQ(failedProbe.breaker, BreakerState::Open);
    EXPECT_EQ(failedProbe.attempt, 3);
    EXPECT_EQ(failedProbe.retryAtMs, clock.now() + 60'000);
}

TEST_F(WebSocketSourceTest, SilentConnectionIsDetectedAsStale)
{
    RawServer server(RawServer::Mode::UpgradeThenSilent);
    ASSERT_TRUE(server.isListening());
    auto o = options(server.url());
    o.heartbeatMs = 40;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const ConnectionStatus &s = m_statuses[indexOf(ConnectionState::Reconnecting)];
    EXPECT_TRUE(s.reason.startsWith(QLatin1String("stale: no data for "))) << s.reason.toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.connections >= 2; }, kWaitMs));

    // The raw handshake carries the header, exactly once.
    const QByteArray header = QByteArrayLiteral("\r\nAuthorization: Bearer ") + kToken + "\r\n";
    EXPECT_EQ(server.handshakes[0].count(header), 1) << server.handshakes[0].toStdString();
}

TEST_F(WebSocketSourceTest, UnansweredHandshakeTimesOut)
{
    RawServer server(RawServer::Mode::NeverAnswer);
    auto o = options(server.url());
    o.connectTimeoutMs = 100;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_EQ(m_statuses[indexOf(ConnectionState::Reconnecting)].reason,
              QStringLiteral("connect timeout after 0.1 s"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.connections >= 2; }, kWaitMs));
    EXPECT_EQ(indexOf(ConnectionState::Live), -1);
}

TEST_F(WebSocketSourceTest, RejectedUpgradeIsAHandshakeFailure)
{
    RawServer server(RawServer::Mode::Reject403);
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const QString reason = m_statuses[indexOf(ConnectionState::Reconnecting)].reason;
    EXPECT_TRUE(reason.startsWith(QLatin1String("handshake failed: "))) << reason.toStdString();
    EXPECT_TRUE(reason.contains(QLatin1String("403"))) << reason.toStdString();
}

TEST_F(WebSocketSourceTest, RefusedCredentialsStopRetryingUntilTheOperatorReconnects)
{
    RawServer server(RawServer::Mode::Reject401);
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Error));
    EXPECT_EQ(indexOf(ConnectionState::Reconnecting), -1);
    const ConnectionStatus &error = m_statuses[indexOf(ConnectionState::Error)];
    EXPECT_EQ(error.reason, credentialRefusal(401));
    EXPECT_EQ(error.retryAtMs, 0);
    EXPECT_FALSE(error.transportRefused);
    EXPECT_EQ(server.connections, 1);

    // "Reconnect now" is the way to try again, e.g. after the token was replaced.
    m_statuses.clear();
    m_source->reconnectNow();
    ASSERT_TRUE(waitForState(ConnectionState::Error));
    EXPECT_EQ(server.connections, 2);
}

TEST_F(WebSocketSourceTest, RejectedUpgradeSaysTheTransportWasRefused)
{
    RawServer server(RawServer::Mode::Reject403);
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_TRUE(m_statuses[indexOf(ConnectionState::Reconnecting)].transportRefused);
}

TEST_F(WebSocketSourceTest, RefusedPortIsNotATransportRefusal)
{
    const QUrl url = refusedUrl();
    ASSERT_FALSE(url.isEmpty());
    makeSource(options(url));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_FALSE(m_statuses[indexOf(ConnectionState::Reconnecting)].transportRefused);
}

TEST_F(WebSocketSourceTest, ResumePointTravelsInTheQuery)
{
    EchoServer server;
    makeSource(options(server.url()));
    m_source->setResumeFn([] { return ResumePoint{QStringLiteral("ep-7"), 1234}; });
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 1; }, kWaitMs));
    const auto resume = ResumePoint::fromQuery(server.requestUrls.back());
    ASSERT_TRUE(resume.has_value()) << server.requestUrls.back().toString().toStdString();
    EXPECT_EQ(*resume, (ResumePoint{QStringLiteral("ep-7"), 1234}));
}

TEST_F(WebSocketSourceTest, FirstConnectionWithoutAResumePointHasNoQuery)
{
    EchoServer server;
    makeSource(options(server.url()));
    m_source->setResumeFn([] { return ResumePoint(); });
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 1; }, kWaitMs));
    EXPECT_FALSE(server.requestUrls.back().hasQuery());
}

TEST_F(WebSocketSourceTest, OversizedMessageIsSkippedAndCountedAndTheStreamGoesOn)
{
    EchoServer server;
    WebSocketOptions o = options(server.url());
    o.maxFrameBytes = 1000;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.last() != nullptr; }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    server.last()->sendTextMessage(QString(2000, QLatin1Char('x')));
    server.last()->sendTextMessage(QStringLiteral("{\"n\":1}"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() == 1; }, kWaitMs));
    EXPECT_EQ(m_sink.frames[0], QByteArrayLiteral("{\"n\":1}"));
    EXPECT_EQ(m_sink.rejected, (std::vector<QString>{QStringLiteral("oversized_frame")}));
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Live);
}

TEST_F(WebSocketSourceTest, FarOversizedMessageIsRefusedOnTheWireAndCounted)
{
    EchoServer server;
    WebSocketOptions o = options(server.url());
    o.maxFrameBytes = 1000;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.last() != nullptr; }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    server.last()->sendTextMessage(QString(5000, QLatin1Char('x')));
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_TRUE(m_sink.frames.empty());
    EXPECT_EQ(m_sink.rejected, (std::vector<QString>{QStringLiteral("oversized_frame")}));
    EXPECT_EQ(m_statuses[indexOf(ConnectionState::Reconnecting)].attempt, 1);
}

TEST_F(WebSocketSourceTest, InvalidUtf8IsRefusedAndCountedWithoutACrash)
{
    RawServer server(RawServer::Mode::UpgradeThenInvalidUtf8);
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_TRUE(m_sink.frames.empty());
    ASSERT_FALSE(m_sink.rejected.empty());
    EXPECT_EQ(m_sink.rejected.front(), QStringLiteral("invalid_utf8"));
    const QString reason = m_statuses[indexOf(ConnectionState::Reconnecting)].reason;
    EXPECT_TRUE(reason.contains(QLatin1String("1007"))) << reason.toStdString();
}

// Qt 6.4 hides 1012 and 1013 behind its own 1002; both must still wait 5-30 s, never hot-loop,
// and open the breaker when they repeat.
TEST_F(WebSocketSourceTest, ServiceRestartAndTryAgainLaterWaitFiveToThirtySeconds)
{
    for (const int code : {1012, 1013}) {
        EchoServer server;
        m_statuses.clear();
        makeSource(options(server.url()));
        m_source->setNowFn([] { return qint64(1'000'000); });
        m_source->start();
        ASSERT_TRUE(QTest::qWaitFor([&] { return server.last() != nullptr; }, kWaitMs));
        ASSERT_TRUE(waitForState(ConnectionState::Live));
        server.last()->close(QWebSocketProtocol::CloseCode(code), QStringLiteral("deploy"));
        ASSERT_TRUE(waitForState(ConnectionState::Reconnecting)) << code;
        const ConnectionStatus &s = m_statuses[indexOf(ConnectionState::Reconnecting)];
        EXPECT_GE(s.retryAtMs - 1'000'000, 5'000) << code;
        EXPECT_LE(s.retryAtMs - 1'000'000, 30'000) << code;
        EXPECT_EQ(s.attempt, 1) << code;
        EXPECT_TRUE(s.reason.contains(QLatin1String("restart or overload"))) << s.reason.toStdString();
        m_source.reset();
    }
}

TEST_F(WebSocketSourceTest, RepeatedRestartClosesOpenTheBreaker)
{
    EchoServer server;
    WebSocketOptions o = options(server.url());
    o.reconnect.maxAttempts = 1;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.last() != nullptr; }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    server.last()->close(QWebSocketProtocol::CloseCode(1013), QStringLiteral("overloaded"));
    ASSERT_TRUE(waitForState(ConnectionState::Offline));
    EXPECT_EQ(m_statuses.back().breaker, BreakerState::Open);
    EXPECT_FALSE(QTest::qWaitFor([&] { return server.sockets.size() > 1; }, 300))
        << "no attempt before the probe interval";
}

TEST_F(WebSocketSourceTest, ProtocolErrorCloseCountsAsAFailureEvenAfterALongConnection)
{
    EchoServer server;
    WebSocketOptions o = options(server.url());
    o.reconnect.stableAfterMs = 0; // every connection counts as stable
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.last() != nullptr; }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    server.last()->close(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("bad frame"));
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_EQ(m_statuses[indexOf(ConnectionState::Reconnecting)].attempt, 1);
}

TEST_F(WebSocketSourceTest, NormalCloseAfterAStableConnectionReconnectsWithoutCountingAFailure)
{
    EchoServer server;
    WebSocketOptions o = options(server.url());
    o.reconnect.stableAfterMs = 0;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.last() != nullptr; }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    server.last()->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("bye"));
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    EXPECT_EQ(m_statuses[indexOf(ConnectionState::Reconnecting)].attempt, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 2; }, kWaitMs));
}

TEST_F(WebSocketSourceTest, PolicyViolationIsAnErrorWithoutRetry)
{
    EchoServer server;
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 1; }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    // A careless server echoes the token: it must not reach the status.
    server.last()->close(QWebSocketProtocol::CloseCodePolicyViolated,
                         QStringLiteral("bad token ") + QString::fromLatin1(kToken));
    ASSERT_TRUE(waitForState(ConnectionState::Error));
    const ConnectionStatus &s = m_statuses[indexOf(ConnectionState::Error)];
    EXPECT_EQ(s.reason, QStringLiteral("rejected by server (1008 policy violation: bad token ***)"));
    EXPECT_EQ(s.retryAtMs, 0);

    // Nothing may try again: a further connection within the retry window would show up here.
    EXPECT_FALSE(QTest::qWaitFor([&] { return server.sockets.size() > 1; }, 300));
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_EQ(countOf(ConnectionState::Reconnecting), 0);
}

TEST_F(WebSocketSourceTest, NonWebSocketSchemeIsAnError)
{
    makeSource(options(QUrl(QStringLiteral("http://127.0.0.1:1/"))));
    m_source->start();
    ASSERT_FALSE(m_statuses.empty());
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_TRUE(m_statuses.back().reason.contains(QLatin1String("scheme"))) << m_statuses.back().reason.toStdString();
}

TEST_F(WebSocketSourceTest, InvalidUrlIsAnError)
{
    makeSource(options(QUrl(QStringLiteral("ws://"))));
    m_source->start();
    ASSERT_FALSE(m_statuses.empty());
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_EQ(m_statuses.back().reason, QStringLiteral("invalid URL"));
}

TEST_F(WebSocketSourceTest, TokenWithALineBreakIsRefusedBeforeConnecting)
{
    EchoServer server;
    auto o = options(server.url());
    o.bearerToken = kToken + "\r\nX-Injected: 1";
    makeSource(o);
    m_source->start();
    ASSERT_FALSE(m_statuses.empty());
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_FALSE(m_statuses.back().reason.contains(QLatin1String("X-Injected")));
}

TEST_F(WebSocketSourceTest, TokenIsNeverSentUnencryptedToAnotherHost)
{
    // ".invalid" never resolves (RFC 2606): even a regression could not send traffic anywhere.
    auto o = options(QUrl(QStringLiteral("ws://feed.invalid:9000/stream")));
    o.bearerToken = kToken;
    makeSource(o);
    m_source->start();
    ASSERT_FALSE(m_statuses.empty());
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_TRUE(m_statuses.back().reason.contains(QLatin1String("wss://"))) << m_statuses.back().reason.toStdString();
    EXPECT_FALSE(m_statuses.back().reason.contains(QString::fromLatin1(kToken)));
}

TEST_F(WebSocketSourceTest, StopClosesCleanlyAndEmitsIdle)
{
    EchoServer server;
    makeSource(options(server.url()));
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 1; }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    m_source->stop();
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Idle);
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.closeCodesSeen.size() == 1; }, kWaitMs));
    EXPECT_EQ(server.closeCodesSeen[0], QWebSocketProtocol::CloseCodeNormal);
    EXPECT_FALSE(m_source->sendText(QByteArrayLiteral("late")));
}

TEST_F(WebSocketSourceTest, SendTextReachesTheServerOnlyWhenLive)
{
    EchoServer server;
    makeSource(options(server.url()));
    EXPECT_FALSE(m_source->sendText(QByteArrayLiteral("too early")));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));
    EXPECT_TRUE(m_source->sendText(QByteArrayLiteral("{\"type\":\"pong\"}")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.received.size() == 1; }, kWaitMs));
    EXPECT_EQ(server.received[0], QStringLiteral("{\"type\":\"pong\"}"));
}

TEST_F(WebSocketSourceTest, ReconnectNowSkipsTheWait)
{
    EchoServer server;
    auto o = options(server.url());
    o.reconnect.baseMs = 60'000;
    o.reconnect.capMs = 60'000;
    makeSource(o);
    m_source->setRandomFn([] { return 0.99; });
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.sockets.size() == 1; }, kWaitMs));
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    server.last()->close(QWebSocketProtocol::CloseCodeGoingAway);
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const ConnectionStatus &waiting = m_statuses[indexOf(ConnectionState::Reconnecting)];
    EXPECT_GE(waiting.retryAtMs - waiting.sinceMs, 59'000);

    m_source->reconnectNow();
    ASSERT_TRUE(waitForState(ConnectionState::Live, size_t(indexOf(ConnectionState::Reconnecting))));
    EXPECT_EQ(m_source->reconnects(), 1);
}

TEST_F(WebSocketSourceTest, TlsFailureIsReportedAndRetried)
{
    RawServer server(RawServer::Mode::PlainHttpAtOnce);
    QUrl url = server.url();
    url.setScheme(QStringLiteral("wss"));
    makeSource(options(url));
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Reconnecting));
    const QString reason = m_statuses[indexOf(ConnectionState::Reconnecting)].reason;
    EXPECT_TRUE(reason.startsWith(QLatin1String("TLS"))) << reason.toStdString();
    EXPECT_EQ(indexOf(ConnectionState::Live), -1);
}

TEST(WebSocketSourceThreading, RunsOnAWorkerThread)
{
    EchoServer server;
    ASSERT_TRUE(server.isListening());
    WebSocketOptions o;
    o.url = server.url();
    LockedSink sink;
    QThread worker;
    auto *source = new WebSocketSource(o);
    source->setSink(&sink);
    source->moveToThread(&worker);
    std::vector<ConnectionState> states;
    QObject context;
    QObject::connect(source, &FrameSource::statusChanged, &context,
                     [&states](const ConnectionStatus &s) { states.push_back(s.state); });
    worker.start();
    QMetaObject::invokeMethod(source, &WebSocketSource::start, Qt::QueuedConnection);

    ASSERT_TRUE(QTest::qWaitFor([&] { return server.last() != nullptr; }, kWaitMs));
    server.last()->sendTextMessage(QStringLiteral("one"));
    server.last()->sendTextMessage(QStringLiteral("two"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return sink.size() == 2; }, kWaitMs));
    EXPECT_EQ(sink.frames(), (std::vector<QByteArray>{QByteArrayLiteral("one"), QByteArrayLiteral("two")}));
    EXPECT_EQ(sink.threads().front(), &worker);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !states.empty() && states.back() == ConnectionState::Live; }, kWaitMs));

    QMetaObject::invokeMethod(source, &WebSocketSource::stop, Qt::BlockingQueuedConnection);
    ASSERT_TRUE(QTest::qWaitFor([&] { return states.back() == ConnectionState::Idle; }, kWaitMs));
    source->deleteLater();
    worker.quit();
    ASSERT_TRUE(worker.wait(kWaitMs));
}

TEST(UrlRedaction, StripsUserInfoAndSecretQueryValues)
{
    const QUrl url(QStringLiteral(
        "wss://alice:pa55@feed.example.com:8443/stream?since=42&token=abc&API_KEY=def&access_token=ghi&epoch=E1"));
    const QString shown = redactUrl(url);
    EXPECT_FALSE(shown.contains(QLatin1String("alice")));
    EXPECT_FALSE(shown.contains(QLatin1String("pa55")));
    EXPECT_FALSE(shown.contains(QLatin1String("abc")));
    EXPECT_FALSE(shown.contains(QLatin1String("def")));
    EXPECT_FALSE(shown.contains(QLatin1String("ghi")));
    EXPECT_EQ(shown,
              QStringLiteral("wss://feed.example.com:8443/stream?since=42&token=redacted&API_KEY=redacted"
                             "&access_token=redacted&epoch=E1"));
}

TEST(UrlRedaction, TellsWhetherAQueryCarriesASecret)
{
    EXPECT_TRUE(hasSecretQuery(QUrl(QStringLiteral("wss://host/s?since=1&Token=abc"))));
    EXPECT_TRUE(hasSecretQuery(QUrl(QStringLiteral("wss://host/s?api_key=x"))));
    EXPECT_FALSE(hasSecretQuery(QUrl(QStringLiteral("wss://host/s?since=1&epoch=E"))));
    EXPECT_FALSE(hasSecretQuery(QUrl(QStringLiteral("wss://host/s"))));
}

TEST(UrlRedaction, LeavesHarmlessUrlsAlone)
{
    EXPECT_EQ(redactUrl(QUrl(QStringLiteral("ws://127.0.0.1:9000/v1?since=5"))),
              QStringLiteral("ws://127.0.0.1:9000/v1?since=5"));
    EXPECT_EQ(redactUrl(QUrl(QStringLiteral("ws://host/?password=x&apikey=y&key=z"))),
              QStringLiteral("ws://host/?password=redacted&apikey=redacted&key=redacted"));
}

TEST_F(WebSocketSourceTest, WithErrorRetryAPolicyViolationIsTriedAgainAndTheStreamComesBack)
{
    EchoServer server;
    WebSocketOptions o = options(server.url());
    o.reconnect.errorRetryMs = 20;
    makeSource(o);
    test::TestClock clock;
    m_source->setNowFn([&clock] { return clock.now(); });
    m_source->setRandomFn([] { return 0.0; });
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Live));

    server.last()->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not now"));
    ASSERT_TRUE(waitForState(ConnectionState::Error));
    const int errorIndex = indexOf(ConnectionState::Error);
    const ConnectionStatus error = statusAt(errorIndex);
    EXPECT_EQ(error.reason, QStringLiteral("rejected by server (1008 policy violation: not now)"));
    EXPECT_EQ(error.retryAtMs, clock.now() + 20);

    ASSERT_TRUE(waitForState(ConnectionState::Live, errorIndex + 1));
    EXPECT_EQ(server.sockets.size(), 2u);
    EXPECT_EQ(countOf(ConnectionState::Reconnecting), 0);
}

TEST_F(WebSocketSourceTest, WithErrorRetryRefusedCredentialsAreTriedAgainWithoutTheOperator)
{
    RawServer server(RawServer::Mode::Reject401);
    WebSocketOptions o = options(server.url());
    o.reconnect.errorRetryMs = 10;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return countOf(ConnectionState::Error) >= 3; }, kWaitMs));
    EXPECT_GE(server.connections, 3);
    for (const ConnectionStatus &s : m_statuses) {
        if (s.state != ConnectionState::Error)
            continue;
        EXPECT_EQ(s.reason, credentialRefusal(401));
        EXPECT_GT(s.retryAtMs, 0);
        EXPECT_EQ(s.attempt, 0) << "an Error is no failure for the breaker";
    }
    EXPECT_EQ(countOf(ConnectionState::Reconnecting), 0);
}

TEST_F(WebSocketSourceTest, WithErrorRetryAnInvalidUrlIsTriedAgainToo)
{
    WebSocketOptions o = options(QUrl(QStringLiteral("ws://")));
    o.reconnect.errorRetryMs = 10;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return countOf(ConnectionState::Error) >= 2; }, kWaitMs));
    EXPECT_EQ(m_statuses.back().reason, QStringLiteral("invalid URL"));
}

TEST_F(WebSocketSourceTest, StopDuringTheErrorRetryWaitEndsTheRetries)
{
    RawServer server(RawServer::Mode::Reject401);
    WebSocketOptions o = options(server.url());
    o.reconnect.errorRetryMs = 20;
    makeSource(o);
    m_source->start();
    ASSERT_TRUE(waitForState(ConnectionState::Error));
    m_source->stop();
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Idle);
    const int connections = server.connections;
    // With a 20 ms retry, another attempt would show up well within this wait.
    EXPECT_FALSE(QTest::qWaitFor([&] { return server.connections > connections; }, 300));
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Idle);
}
