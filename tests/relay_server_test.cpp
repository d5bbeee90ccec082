#include "feed/Decoder.h"
#include "feed/MessageEncoder.h"
#include "feed/ResumePoint.h"
#include "relay/LogFeeder.h"
#include "relay/RelayCommandLine.h"
#include "relay/RelayServer.h"
#include "relay/RelayState.h"
#include "relay/ResumeBuffer.h"
#include "support/ConnectionNoDelay.h"
#include "support/RawHttpGet.h"
#include "support/RelayWsClient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace vantage;
using vantage::test::HttpReply;
using vantage::test::httpGet;
using WsClient = vantage::test::RelayWsClient;

namespace {

constexpr int kWaitMs = 10'000;

RelayOptions loopbackOptions()
{
    RelayOptions options;
    options.address = QHostAddress(QHostAddress::LocalHost);
    options.port = 0;
    options.heartbeatMs = 60'000; // no keep-alive traffic in the middle of a test's expectations
    return options;
}

Message event(const QString &id, const QString &type, const QString &role = {}, double value = qQNaN())
{
    LiveEvent body;
    body.id = id;
    body.type = type;
    body.role = role;
    body.value = value;
    Message message;
    message.kind = MessageKind::Event;
    message.body = body;
    return message;
}

Message signup(int n)
{
    return event(QStringLiteral("ev-%1").arg(n), QStringLiteral("signup"), QStringLiteral("supplier"));
}

QUrl streamUrl(quint16 port)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(port));
}

double counter(const SnapshotInfo &snapshot, QLatin1String name)
{
    for (const NamedValue &value : snapshot.counters) {
        if (value.name == name)
            return value.value;
    }
    return qQNaN();
}

// A raw HTTP client reading a text/event-stream: the test parses the wire format itself.
class SseReader
{
public:
    struct Event
    {
        QByteArray id;
        QByteArray data;
    };

    SseReader(quint16 port, const QByteArray &target, const QByteArray &extraHeaders = {})
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { read(); });
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        if (socket.waitForConnected(kWaitMs)) {
            socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n" +
                         extraHeaders + "\r\n");
        }
    }
    bool waitForEvents(size_t count)
    {
        return QTest::qWaitFor([&] { return events.size() >= count; }, kWaitMs);
    }
    Message decoded(size_t index)
    {
        Message message;
        EXPECT_EQ(m_decoder.decode(events.at(index).data, QDateTime::currentMSecsSinceEpoch(), 0, message),
                  DecodeError::None);
        return message;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.first(colon).trimmed().toLower() == name)
                return line.sliced(colon + 1).trimmed();
        }
        return {};
    }

    QTcpSocket socket;
    QByteArray head; // status line and headers
    QByteArray retry;
    std::vector<Event> events;
    int comments = 0;

private:
    void read()
    {
        m_buffer += socket.readAll();
        if (head.isEmpty()) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            head = m_buffer.first(end);
            m_buffer.remove(0, end + 4);
        }
        for (qsizetype end = m_buffer.indexOf("\n\n"); end >= 0; end = m_buffer.indexOf("\n\n")) {
            Event event;
            for (const QByteArray &line : m_buffer.first(end).split('\n')) {
                if (line.startsWith(':'))
                    ++comments;
                else if (line.startsWith("retry: "))
                    retry = line.sliced(7);
                else if (line.startsWith("id: "))
                    event.id = line.sliced(4);
                else if (line.startsWith("data: "))
                    event.data = line.sliced(6);
            }
            if (!event.data.isEmpty())
                events.push_back(event);
            m_buffer.remove(0, end + 2);
        }
    }

    QByteArray m_buffer;
    Decoder m_decoder;
};

Message decodeFrame(const QByteArray &frame)
{
    Decoder decoder;
    Message message;
    EXPECT_EQ(decoder.decode(frame, QDateTime::currentMSecsSinceEpoch(), 0, message), DecodeError::None)
        << frame.toStdString();
    return message;
}

// Listens, or fails the test.
std::unique_ptr<RelayServer> startRelay(RelayOptions options = loopbackOptions())
{
    auto server = std::make_unique<RelayServer>(std::move(options));
    QString error;
    EXPECT_TRUE(server->listen(&error)) << error.toStdString();
    EXPECT_NE(server->port(), 0);
    return server;
}

} // namespace

TEST(RelayServer, WebSocketGetsHelloAndSnapshotThenLiveEventsInOrder)
{
    auto server = startRelay();
    QSignalSpy connected(server.get(), &RelayServer::clientConnected);
    for (int i = 1; i <= 3; ++i)
        EXPECT_EQ(server->publish(signup(i)), i);

    WsClient client(streamUrl(server->port()));
    ASSERT_TRUE(client.waitForMessages(2));
    EXPECT_EQ(connected.count(), 1);
    EXPECT_EQ(connected.at(0).at(0).toString(), QStringLiteral("websocket"));
    EXPECT_EQ(server->clientCount(u"websocket"), 1);
    EXPECT_EQ(server->clientCount(u"sse"), 0);

    ASSERT_EQ(client.messages[0].kind, MessageKind::Hello);
    const auto &hello = std::get<HelloInfo>(client.messages[0].body);
    EXPECT_EQ(hello.epoch, server->epoch());
    EXPECT_EQ(hello.lastSeq, 3);
    EXPECT_EQ(hello.heartbeatMs, 60'000);
    EXPECT_EQ(hello.server, QStringLiteral("vantage-relay"));
    EXPECT_EQ(client.messages[0].seq, -1);

    ASSERT_EQ(client.messages[1].kind, MessageKind::Snapshot);
    EXPECT_EQ(client.messages[1].seq, 3);
    const auto &snapshot = std::get<SnapshotInfo>(client.messages[1].body);
    EXPECT_EQ(counter(snapshot, QLatin1String("signups")), 3.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("signups.supplier")), 3.0);
    EXPECT_EQ(snapshot.events.size(), 3u);

    for (int i = 4; i <= 8; ++i)
        server->publish(signup(i));
    ASSERT_TRUE(client.waitForMessages(7));
    for (size_t i = 2; i < 7; ++i) {
        EXPECT_EQ(client.messages[i].kind, MessageKind::Event);
        EXPECT_EQ(client.messages[i].seq, qint64(i + 2));
        EXPECT_EQ(std::get<LiveEvent>(client.messages[i].body).id, QStringLiteral("ev-%1").arg(i + 2));
    }
    EXPECT_TRUE(client.undecodable.empty());
    EXPECT_EQ(server->lastSeq(), 8);
    EXPECT_EQ(server->messagesSent(), 7u);
}

TEST(RelayServer, ConnectionLevelMessagesAreNotPublished)
{
    auto server = startRelay();
    Message ping;
    ping.kind = MessageKind::Ping;
    EXPECT_EQ(server->publish(ping), -1);
    Message hello;
    hello.kind = MessageKind::Hello;
    EXPECT_EQ(server->publish(hello), -1);
    EXPECT_EQ(server->lastSeq(), 0);
}

TEST(RelayServer, WebSocketResumeReplaysExactlyTheMissedSeqs)
{
    auto server = startRelay();
    for (int i = 1; i <= 10; ++i)
        server->publish(signup(i));

    WsClient client(ResumePoint{server->epoch(), 4}.addedTo(streamUrl(server->port())));
    ASSERT_TRUE(client.waitForMessages(7)); // hello + 5..10
    EXPECT_EQ(client.messages[0].kind, MessageKind::Hello);
    for (size_t i = 1; i < 7; ++i) {
        EXPECT_EQ(client.messages[i].kind, MessageKind::Event);
        EXPECT_EQ(client.messages[i].seq, qint64(i + 4));
    }
    server->publish(signup(11));
    ASSERT_TRUE(client.waitForMessages(8));
    EXPECT_EQ(client.messages[7].seq, 11);
    EXPECT_EQ(server->resumesServed(), 1u);
    EXPECT_EQ(server->resumesMissed(), 0u);

    // Already up to date: hello, then live messages only.
    WsClient current(ResumePoint{server->epoch(), 11}.addedTo(streamUrl(server->port())));
    ASSERT_TRUE(current.waitForMessages(1));
    server->publish(signup(12));
    ASSERT_TRUE(current.waitForMessages(2));
    EXPECT_EQ(current.messages[0].kind, MessageKind::Hello);
    EXPECT_EQ(current.messages[1].seq, 12);
    EXPECT_EQ(server->resumesServed(), 2u);
}

TEST(RelayServer, ResumeBeyondTheBufferOrFromAnotherEpochGetsASnapshot)
{
    RelayOptions options = loopbackOptions();
    options.bufferSize = 5;
    auto server = startRelay(options);
    for (int i = 1; i <= 20; ++i)
        server->publish(signup(i));

    WsClient tooOld(ResumePoint{server->epoch(), 3}.addedTo(streamUrl(server->port())));
    ASSERT_TRUE(tooOld.waitForMessages(2));
    EXPECT_EQ(tooOld.messages[1].kind, MessageKind::Snapshot);
    EXPECT_EQ(tooOld.messages[1].seq, 20);
    EXPECT_EQ(server->resumesMissed(), 1u);

    // The oldest seq still held is 16: resuming after 15 is the earliest that replays.
    WsClient edge(ResumePoint{server->epoch(), 15}.addedTo(streamUrl(server->port())));
    ASSERT_TRUE(edge.waitForMessages(6));
    EXPECT_EQ(edge.messages[1].seq, 16);
    EXPECT_EQ(edge.messages[5].seq, 20);
    EXPECT_EQ(server->resumesServed(), 1u);

    WsClient otherEpoch(ResumePoint{QStringLiteral("someone-else"), 19}.addedTo(streamUrl(server->port())));
    ASSERT_TRUE(otherEpoch.waitForMessages(2));
    EXPECT_EQ(otherEpoch.messages[1].kind, MessageKind::Snapshot);
    EXPECT_EQ(server->resumesMissed(), 2u);

    // A first connection asks for nothing, so its snapshot is no miss.
    WsClient fresh(streamUrl(server->port()));
    ASSERT_TRUE(fresh.waitForMessages(2));
    EXPECT_EQ(server->resumesMissed(), 2u);
}

TEST(RelayServer, SseStreamsRetryHelloSnapshotAndEventsWithIds)
{
    auto server = startRelay();
    server->publish(signup(1));
    server->publish(event(QStringLiteral("p-1"), QStringLiteral("payment"), {}, 99.5));

    SseReader reader(server->port(), "/events");
    ASSERT_TRUE(reader.waitForEvents(2));
    EXPECT_TRUE(reader.head.startsWith("HTTP/1.1 200")) << reader.head.toStdString();
    EXPECT_EQ(reader.header("content-type"), QByteArray("text/event-stream"));
    EXPECT_EQ(reader.header("cache-control"), QByteArray("no-cache"));
    EXPECT_EQ(reader.header("x-accel-buffering"), QByteArray("no"));
    EXPECT_EQ(reader.retry, QByteArray("2000"));
    EXPECT_EQ(server->clientCount(u"sse"), 1);

    EXPECT_TRUE(reader.events[0].id.isEmpty());
    EXPECT_EQ(reader.decoded(0).kind, MessageKind::Hello);
    const QByteArray epoch = server->epoch().toUtf8();
    EXPECT_EQ(reader.events[1].id, epoch + ":2");
    const Message snapshot = reader.decoded(1);
    ASSERT_EQ(snapshot.kind, MessageKind::Snapshot);
    EXPECT_EQ(snapshot.seq, 2);
    EXPECT_EQ(counter(std::get<SnapshotInfo>(snapshot.body), QLatin1String("revenue")), 99.5);

    server->publish(signup(3));
    server->publish(signup(4));
    ASSERT_TRUE(reader.waitForEvents(4));
    for (size_t i = 2; i < 4; ++i) {
        EXPECT_EQ(reader.events[i].id, epoch + ':' + QByteArray::number(qint64(i + 1)));
        const Message live = reader.decoded(i);
        EXPECT_EQ(live.kind, MessageKind::Event);
        EXPECT_EQ(live.seq, qint64(i + 1));
    }
}

TEST(RelayServer, SseResumesFromLastEventIdOrTheQuery)
{
    auto server = startRelay();
    for (int i = 1; i <= 6; ++i)
        server->publish(signup(i));
    const QByteArray epoch = server->epoch().toUtf8();

    SseReader reader(server->port(), "/events", "Last-Event-ID: " + epoch + ":2\r\n");
    ASSERT_TRUE(reader.waitForEvents(5)); // hello + 3..6
    EXPECT_EQ(reader.decoded(0).kind, MessageKind::Hello);
    for (size_t i = 1; i < 5; ++i) {
        EXPECT_EQ(reader.events[i].id, epoch + ':' + QByteArray::number(qint64(i + 2)));
        EXPECT_EQ(reader.decoded(i).seq, qint64(i + 2));
    }
    EXPECT_EQ(server->resumesServed(), 1u);

    SseReader byQuery(server->port(), "/events?since=5&epoch=" + epoch);
    ASSERT_TRUE(byQuery.waitForEvents(2));
    EXPECT_EQ(byQuery.decoded(1).seq, 6);
    EXPECT_EQ(byQuery.decoded(1).kind, MessageKind::Event);
    EXPECT_EQ(server->resumesServed(), 2u);

    SseReader stale(server->port(), "/events", "Last-Event-ID: old-epoch:4\r\n");
    ASSERT_TRUE(stale.waitForEvents(2));
    EXPECT_EQ(stale.decoded(1).kind, MessageKind::Snapshot);
    EXPECT_EQ(stale.events[1].id, epoch + ":6");
    EXPECT_EQ(server->resumesMissed(), 1u);
}

TEST(RelayServer, SseGetsKeepAliveCommentsAndTheConfiguredRetry)
{
    RelayOptions options = loopbackOptions();
    options.heartbeatMs = 50;
    options.sseRetryMs = 250;
    auto server = startRelay(options);
    SseReader reader(server->port(), "/events");
    EXPECT_TRUE(QTest::qWaitFor([&] { return reader.comments >= 2; }, kWaitMs));
    EXPECT_EQ(reader.retry, QByteArray("250"));
}

TEST(RelayServer, JsonSnapshotFromEventsAndSnapshotEndpoints)
{
    auto server = startRelay();
    server->publish(event(QStringLiteral("p-1"), QStringLiteral("payment"), {}, 100.0));
    server->publish(event(QStringLiteral("p-2"), QStringLiteral("payment"), {}, 50.0));

    for (const QByteArray &target : {QByteArray("/events"), QByteArray("/snapshot")}) {
        const HttpReply reply = httpGet(server->port(), target, "Accept: application/json\r\n");
        EXPECT_EQ(reply.status, 200) << target.toStdString();
        EXPECT_EQ(reply.header("content-type"), QByteArray("application/json"));
        const Message snapshot = decodeFrame(reply.body);
        ASSERT_EQ(snapshot.kind, MessageKind::Snapshot);
        EXPECT_EQ(snapshot.seq, 2);
        const auto &state = std::get<SnapshotInfo>(snapshot.body);
        EXPECT_EQ(counter(state, QLatin1String("payments")), 2.0);
        EXPECT_EQ(counter(state, QLatin1String("revenue")), 150.0);
    }
    EXPECT_EQ(server->clientCount(), 0);
}

TEST(RelayServer, HealthzReportsEpochLastSeqAndClients)
{
    RelayOptions options = loopbackOptions();
    options.epoch = QStringLiteral("e-health");
    options.firstSeq = 41;
    auto server = startRelay(options);
    server->publish(signup(1));
    WsClient ws(streamUrl(server->port()));
    SseReader sse(server->port(), "/events");
    ASSERT_TRUE(ws.waitForMessages(2));
    ASSERT_TRUE(sse.waitForEvents(2));

    const HttpReply reply = httpGet(server->port(), "/healthz");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("content-type"), QByteArray("application/json"));
    const QJsonObject health = QJsonDocument::fromJson(reply.body).object();
    EXPECT_EQ(health[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    EXPECT_EQ(health[QStringLiteral("epoch")].toString(), QStringLiteral("e-health"));
    EXPECT_EQ(health[QStringLiteral("last_seq")].toInteger(), 41);
    const QJsonObject clients = health[QStringLiteral("clients")].toObject();
    EXPECT_EQ(clients[QStringLiteral("websocket")].toInt(), 1);
    EXPECT_EQ(clients[QStringLiteral("sse")].toInt(), 1);
}

TEST(RelayServer, UnknownPathIs404AndStreamWithoutUpgradeIs426)
{
    auto server = startRelay();
    const HttpReply missing = httpGet(server->port(), "/nothing-here");
    EXPECT_EQ(missing.status, 404);
    EXPECT_TRUE(missing.header("content-type").startsWith("text/plain"));
    EXPECT_FALSE(missing.body.isEmpty());
    EXPECT_EQ(httpGet(server->port(), "/stream").status, 426);
}

TEST(RelayServer, WebSocketUpgradeWorksOnAnyPath)
{
    auto server = startRelay();
    WsClient client(QUrl(QStringLiteral("ws://127.0.0.1:%1/some/other/path").arg(server->port())));
    ASSERT_TRUE(client.waitForMessages(2));
    EXPECT_EQ(client.messages[0].kind, MessageKind::Hello);
}

TEST(RelayServer, AnswersApplicationPingsWithPong)
{
    auto server = startRelay();
    WsClient client(streamUrl(server->port()));
    ASSERT_TRUE(client.waitForMessages(2));
    client.socket.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
    ASSERT_TRUE(client.waitForMessages(3));
    EXPECT_EQ(client.messages[2].kind, MessageKind::Pong);
    client.socket.sendTextMessage(QStringLiteral("{\"v\":1,\"type\":\"pong\"}"));
    client.socket.sendTextMessage(QStringLiteral("{\"v\":1,\"type\":\"ping\"}"));
    ASSERT_TRUE(client.waitForMessages(4));
    EXPECT_EQ(client.messages[3].kind, MessageKind::Pong);
    EXPECT_EQ(client.messages.size(), 4u);
}

TEST(RelayServer, CloseAbortsEveryClientAndStopsListening)
{
    auto server = startRelay();
    const quint16 port = server->port();
    WsClient ws(streamUrl(port));
    SseReader sse(port, "/events");
    ASSERT_TRUE(ws.waitForMessages(2));
    ASSERT_TRUE(sse.waitForEvents(2));
    QSignalSpy disconnected(server.get(), &RelayServer::clientDisconnected);

    server->close();
    EXPECT_EQ(server->clientCount(), 0);
    EXPECT_EQ(disconnected.count(), 2);
    EXPECT_FALSE(server->isListening());
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return ws.socket.state() == QAbstractSocket::UnconnectedState; }, kWaitMs));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return sse.socket.state() == QAbstractSocket::UnconnectedState; }, kWaitMs));

    QTcpSocket probe;
    probe.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    EXPECT_FALSE(probe.waitForConnected(kWaitMs));
}

TEST(RelayServer, EveryConnectionSendsSmallFramesAtOnce)
{
    auto server = startRelay();
    WsClient ws(streamUrl(server->port()));
    SseReader sse(server->port(), "/events");
    ASSERT_TRUE(ws.waitForMessages(2));
    ASSERT_TRUE(sse.waitForEvents(2));
    const std::vector<bool> noDelay = vantage::test::connectionsNoDelay(*server);
    EXPECT_EQ(noDelay.size(), 2u);
    for (const bool on : noDelay)
        EXPECT_TRUE(on);
}

TEST(RelayServer, RestartWithTheSameEpochContinuesTheNumbering)
{
    RelayOptions options = loopbackOptions();
    options.epoch = QStringLiteral("e-restart");
    auto first = startRelay(options);
    for (int i = 1; i <= 5; ++i)
        first->publish(signup(i));
    WsClient client(streamUrl(first->port()));
    ASSERT_TRUE(client.waitForMessages(2));
    first->close();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return client.socket.state() == QAbstractSocket::UnconnectedState; }, kWaitMs));

    options.firstSeq = first->lastSeq() + 1;
    auto second = startRelay(options);
    EXPECT_EQ(second->lastSeq(), 5);

    // The client had everything up to 5: nothing to replay, no snapshot, numbering goes on.
    WsClient resumed(ResumePoint{QStringLiteral("e-restart"), 5}.addedTo(streamUrl(second->port())));
    ASSERT_TRUE(resumed.waitForMessages(1));
    EXPECT_EQ(std::get<HelloInfo>(resumed.messages[0].body).lastSeq, 5);
    EXPECT_EQ(second->publish(signup(6)), 6);
    ASSERT_TRUE(resumed.waitForMessages(2));
    EXPECT_EQ(resumed.messages[1].kind, MessageKind::Event);
    EXPECT_EQ(resumed.messages[1].seq, 6);
    EXPECT_EQ(second->resumesServed(), 1u);

    // What the crash took (seq 3..5) is gone: a snapshot puts that client right.
    WsClient behind(ResumePoint{QStringLiteral("e-restart"), 2}.addedTo(streamUrl(second->port())));
    ASSERT_TRUE(behind.waitForMessages(2));
    EXPECT_EQ(behind.messages[1].kind, MessageKind::Snapshot);
    EXPECT_EQ(behind.messages[1].seq, 6);
    EXPECT_EQ(second->resumesMissed(), 1u);

    // A new epoch starts a new sequence space: every resume misses.
    options.epoch.clear();
    options.firstSeq = 1;
    auto fresh = startRelay(options);
    EXPECT_NE(fresh->epoch(), QStringLiteral("e-restart"));
    EXPECT_TRUE(fresh->epoch().startsWith(QStringLiteral("r-")));
}

TEST(RelayServer, SlowConsumerIsDroppedAndCounted)
{
    RelayOptions options = loopbackOptions();
    options.maxClientBacklogBytes = 4 * 1024;
    auto server = startRelay(options);
    WsClient client(streamUrl(server->port()));
    ASSERT_TRUE(client.waitForMessages(2));
    QSignalSpy disconnected(server.get(), &RelayServer::clientDisconnected);

    // Published in one go, without returning to the event loop, nothing leaves the process:
    // the backlog passes 4 KiB within a few dozen messages.
    for (int i = 1; i <= 200; ++i)
        server->publish(signup(i));
    EXPECT_EQ(server->clientsDropped(), 1u);
    EXPECT_EQ(server->clientCount(), 0);
    EXPECT_EQ(disconnected.count(), 1);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return client.socket.state() == QAbstractSocket::UnconnectedState; }, kWaitMs));
}

TEST(ResumeBuffer, KeepsTheNewestFramesAndKnowsWhatItCanReplay)
{
    ResumeBuffer buffer(3);
    EXPECT_TRUE(buffer.canReplayAfter(0, 0)); // nothing published, nothing missed
    EXPECT_FALSE(buffer.canReplayAfter(0, 1));
    for (qint64 seq = 1; seq <= 5; ++seq)
        buffer.append(seq, QByteArray::number(seq));
    EXPECT_EQ(buffer.oldestSeq(), 3);
    EXPECT_EQ(buffer.newestSeq(), 5);
    EXPECT_TRUE(buffer.canReplayAfter(2, 5));
    EXPECT_FALSE(buffer.canReplayAfter(1, 5));
    EXPECT_TRUE(buffer.canReplayAfter(5, 5));
    EXPECT_FALSE(buffer.canReplayAfter(6, 5));
    QByteArrayList replayed;
    buffer.forEachAfter(3, [&](qint64 seq, const QByteArray &frame) {
        EXPECT_EQ(frame, QByteArray::number(seq));
        replayed << frame;
    });
    EXPECT_EQ(replayed, QByteArrayList({"4", "5"}));

    // A jump starts over: the frames before it no longer lead up to the newest one.
    buffer.append(9, "9");
    EXPECT_EQ(buffer.oldestSeq(), 9);
    EXPECT_FALSE(buffer.canReplayAfter(4, 9));

    ResumeBuffer disabled(0);
    disabled.append(1, "1");
    EXPECT_TRUE(disabled.isEmpty());
    EXPECT_FALSE(disabled.canReplayAfter(0, 1));
}

TEST(RelayState, CountsLikeTheDashboardAndKeepsAlertsAndRecentEvents)
{
    RelayState state;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto at = [now](Message message) {
        message.tsMs = now;
        return message;
    };
    state.apply(at(event(QStringLiteral("a"), QStringLiteral("signup"), QStringLiteral("supplier"))));
    state.apply(at(event(QStringLiteral("b"), QStringLiteral("signup"), QStringLiteral("couple"))));
    state.apply(at(event(QStringLiteral("c"), QStringLiteral("signup"))));
    state.apply(at(event(QStringLiteral("d"), QStringLiteral("payment"), {}, 20.5)));
    state.apply(at(event(QStringLiteral("e"), QStringLiteral("payment"))));
    state.apply(at(event(QStringLiteral("f"), QStringLiteral("form_submission"))));
    state.apply(at(event(QStringLiteral("g"), QStringLiteral("invitation"))));
    state.apply(at(event(QStringLiteral("h"), QStringLiteral("page_view"))));

    Message alert;
    alert.kind = MessageKind::Alert;
    alert.body = AlertInfo{QStringLiteral("al-1"), Severity::Warning, QStringLiteral("slow"), 3, false};
    state.apply(at(alert));
    alert.body = AlertInfo{QStringLiteral("al-1"), Severity::Critical, QStringLiteral("down"), 9, false};
    state.apply(at(alert));
    alert.body = AlertInfo{QStringLiteral("al-2"), Severity::Info, QStringLiteral("fyi"), 0, true};
    state.apply(at(alert));
    Message resolved;
    resolved.kind = MessageKind::AlertResolved;
    resolved.body = AlertResolvedInfo{QStringLiteral("al-2"), {}};
    state.apply(at(resolved));

    Message users;
    users.kind = MessageKind::ActiveUsers;
    ActiveUsersUpdate update;
    update.current = 42;
    users.body = update;
    state.apply(at(users));

    SnapshotInfo snapshot = state.snapshot();
    EXPECT_EQ(counter(snapshot, QLatin1String("signups")), 3.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("signups.supplier")), 1.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("signups.couple")), 1.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("payments")), 2.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("revenue")), 20.5);
    EXPECT_EQ(counter(snapshot, QLatin1String("form_submissions")), 1.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("invitations")), 1.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("active_users")), 42.0);
    ASSERT_EQ(snapshot.alerts.size(), 1u);
    EXPECT_EQ(snapshot.alerts[0].severity, Severity::Critical);
    EXPECT_EQ(snapshot.alerts[0].message, QStringLiteral("down"));
    EXPECT_EQ(snapshot.activeUsers.current, 42.0);
    EXPECT_EQ(snapshot.events.size(), 8u);

    // A snapshot's counters are the new base; events count on from there.
    Message base;
    base.kind = MessageKind::Snapshot;
    SnapshotInfo baseState;
    baseState.counters = {{QStringLiteral("signups"), 100}, {QStringLiteral("custom"), 7}};
    base.body = baseState;
    state.apply(at(base));
    state.apply(at(signup(1)));
    snapshot = state.snapshot();
    EXPECT_EQ(counter(snapshot, QLatin1String("signups")), 101.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("payments")), 2.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("custom")), 7.0);
    EXPECT_TRUE(snapshot.alerts.empty());

    for (int i = 0; i < 80; ++i)
        state.apply(at(signup(100 + i)));
    snapshot = state.snapshot();
    ASSERT_EQ(snapshot.events.size(), size_t(RelayState::maxEvents));
    EXPECT_EQ(snapshot.events.back().id, QStringLiteral("ev-179"));

    // The next day starts from zero; active users is a level and stays.
    Message tomorrow = signup(999);
    tomorrow.tsMs = now + 36LL * 3600 * 1000;
    state.apply(tomorrow);
    snapshot = state.snapshot();
    EXPECT_EQ(counter(snapshot, QLatin1String("signups")), 1.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("payments")), 0.0);
    EXPECT_EQ(counter(snapshot, QLatin1String("active_users")), 42.0);
}

TEST(LogFeeder, PublishesTheLinesAndSkipsACorruptOne)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.ndjson"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"v":1,"type":"hello","seq":1,"ts":"2026-06-13T09:00:00.000Z","data":{"protocol":1,"epoch":"x","last_seq":0}}
{"v":1,"type":"event","seq":2,"ts":"2026-06-13T09:00:00.000Z","data":{"id":"a","type":"signup","role":"couple"}}
{"v":1,"type":"event","seq":3,"ts":"2026-06-13T09:00:01.500Z","data":{"id":"b","type":"payment","value":12.5}}
{"v":1,"type":"event","seq":4,"ts":"2026-06-13T09:00:0
{"v":1,"type":"ping","seq":5,"ts":"2026-06-13T09:00:02.000Z"}

{"v":1,"type":"metrics","seq":6,"ts":"2026-06-13T09:00:02.000Z","data":{"requests_per_second":12}}
{"type":"new_signup","payload":{"id":"c","type":"signup","timestamp":"2026-06-13T09:00:02.500Z"}})");
    file.close();

    auto server = startRelay();
    WsClient client(streamUrl(server->port()));
    ASSERT_TRUE(client.waitForMessages(2));

    LogFeederOptions options;
    options.path = path;
    options.speed = 0; // as fast as possible: the times are still rebased
    LogFeeder feeder(options, server.get());
    QSignalSpy finished(&feeder, &LogFeeder::finished);
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    QString error;
    ASSERT_TRUE(feeder.start(&error)) << error.toStdString();
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_FALSE(feeder.isRunning());
    EXPECT_EQ(feeder.published(), 4u);
    EXPECT_EQ(feeder.undecodable(), 1u);
    EXPECT_EQ(feeder.ignored(), 2u);
    EXPECT_EQ(server->lastSeq(), 4);

    ASSERT_TRUE(client.waitForMessages(6));
    const std::vector<Message> live(client.messages.begin() + 2, client.messages.end());
    EXPECT_EQ(std::get<LiveEvent>(live[0].body).id, QStringLiteral("a"));
    EXPECT_EQ(std::get<LiveEvent>(live[1].body).id, QStringLiteral("b"));
    EXPECT_EQ(live[2].kind, MessageKind::Metrics);
    EXPECT_EQ(std::get<LiveEvent>(live[3].body).id, QStringLiteral("c"));
    for (size_t i = 0; i < live.size(); ++i)
        EXPECT_EQ(live[i].seq, qint64(i + 1));
    // Shifted, not squeezed: the first line is "now" and the gaps are the recorded ones.
    EXPECT_GE(live[0].tsMs, startedMs - 1000);
    EXPECT_LE(live[0].tsMs, QDateTime::currentMSecsSinceEpoch() + 1000);
    EXPECT_EQ(live[1].tsMs - live[0].tsMs, 1500);
    EXPECT_EQ(live[3].tsMs - live[0].tsMs, 2500);

    const Message snapshot = decodeFrame(server->snapshotFrame());
    ASSERT_EQ(snapshot.kind, MessageKind::Snapshot);
    const auto &state = std::get<SnapshotInfo>(snapshot.body);
    EXPECT_EQ(counter(state, QLatin1String("signups")), 2.0);
    EXPECT_EQ(counter(state, QLatin1String("signups.couple")), 1.0);
    EXPECT_EQ(counter(state, QLatin1String("revenue")), 12.5);
}

TEST(LogFeeder, FixedRateStampsNowAndLoops)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two.ndjson"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"v\":1,\"type\":\"event\",\"ts\":\"2020-01-01T00:00:00Z\",\"data\":{\"id\":\"a\",\"type\":"
               "\"signup\"}}\n"
               "{\"v\":1,\"type\":\"event\",\"ts\":\"2020-01-01T00:00:00Z\",\"data\":{\"id\":\"b\",\"type\":"
               "\"signup\"}}\n");
    file.close();

    auto server = startRelay();
    LogFeederOptions options;
    options.path = path;
    options.rate = 2000;
    options.loop = true;
    LogFeeder feeder(options, server.get());
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    ASSERT_TRUE(feeder.start(nullptr));
    ASSERT_TRUE(QTest::qWaitFor([&] { return feeder.published() >= 50; }, kWaitMs));
    feeder.stop();
    EXPECT_GE(feeder.passes(), 25);
    const Message snapshot = decodeFrame(server->snapshotFrame());
    const auto &events = std::get<SnapshotInfo>(snapshot.body).events;
    ASSERT_FALSE(events.empty());
    EXPECT_GE(snapshot.tsMs, startedMs);
}

TEST(LogFeeder, BackpressurePausesForAClientThatStopsReadingInsteadOfDroppingIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("one.ndjson"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"v\":1,\"type\":\"event\",\"ts\":\"2020-01-01T00:00:00Z\",\"data\":{\"id\":\"a\",\"type\":"
               "\"signup\"}}\n");
    file.close();

    auto server = startRelay();
    // A WebSocket upgrade over a raw socket whose small read buffer stops Qt reading from the
    // kernel: once the kernel's buffers are full, the relay's backlog grows.
    QTcpSocket reader;
    reader.setReadBufferSize(1024);
    reader.connectToHost(QHostAddress(QHostAddress::LocalHost), server->port());
    ASSERT_TRUE(reader.waitForConnected(kWaitMs));
    reader.write("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    ASSERT_TRUE(QTest::qWaitFor([&] { return server->clientCount() == 1; }, kWaitMs));

    LogFeederOptions options;
    options.path = path;
    options.speed = 0;
    options.loop = true;
    options.backpressureBytes = 64 * 1024;
    LogFeeder feeder(options, server.get());
    ASSERT_TRUE(feeder.start(nullptr));
    ASSERT_TRUE(QTest::qWaitFor([&] { return feeder.pauses() >= 3; }, kWaitMs));
    EXPECT_GT(server->largestBacklogBytes(), options.backpressureBytes);
    EXPECT_EQ(server->clientsDropped(), 0u);
    EXPECT_EQ(server->clientCount(), 1);

    // Reading again releases the feed.
    const quint64 publishedWhilePaused = feeder.published();
    reader.setReadBufferSize(0);
    QObject::connect(&reader, &QTcpSocket::readyRead, &reader, [&reader] { reader.readAll(); });
    reader.readAll();
    EXPECT_TRUE(QTest::qWaitFor([&] { return feeder.published() > publishedWhilePaused + 10'000; }, kWaitMs));
    feeder.stop();
    EXPECT_EQ(server->clientsDropped(), 0u);
    EXPECT_EQ(server->clientCount(), 1);
}

TEST(LogFeeder, MissingLogIsAnError)
{
    auto server = startRelay();
    LogFeederOptions options;
    options.path = QStringLiteral("/nonexistent/vantage/relay.ndjson");
    LogFeeder feeder(options, server.get());
    QString error;
    EXPECT_FALSE(feeder.start(&error));
    EXPECT_TRUE(error.contains(options.path));
}

TEST(RelayCommandLine, RejectsBadArgumentsWithExitCode2)
{
    const QString program = QStringLiteral("vantage-relay");
    EXPECT_EQ(parseRelayCommandLine({program, QStringLiteral("--port"), QStringLiteral("70000")}).exitCode,
              2);
    EXPECT_EQ(parseRelayCommandLine(
                  {program, QStringLiteral("--log"), QStringLiteral("a"), QStringLiteral("--demo")})
                  .exitCode,
              2);
    EXPECT_EQ(parseRelayCommandLine({program, QStringLiteral("--demo"), QStringLiteral("--rate"),
                                     QStringLiteral("5"), QStringLiteral("--speed"), QStringLiteral("2")})
                  .exitCode,
              2);
    EXPECT_EQ(
        parseRelayCommandLine({program, QStringLiteral("--tls-cert"), QStringLiteral("c.pem")}).exitCode, 2);
    EXPECT_EQ(parseRelayCommandLine({program, QStringLiteral("--bogus")}).exitCode, 2);
    EXPECT_EQ(parseRelayCommandLine({program, QStringLiteral("--backpressure")}).exitCode, 2);

    const RelayCommandLineResult ok = parseRelayCommandLine(
        {program, QStringLiteral("--demo"), QStringLiteral("--rate"), QStringLiteral("50000"),
         QStringLiteral("--epoch"), QStringLiteral("e-1"), QStringLiteral("--first-seq"),
         QStringLiteral("42"), QStringLiteral("--buffer"), QStringLiteral("500")});
    ASSERT_TRUE(ok.options);
    EXPECT_TRUE(ok.options->demo);
    EXPECT_TRUE(ok.options->feed.loop);
    EXPECT_EQ(ok.options->feed.rate, 50000.0);
    EXPECT_EQ(ok.options->feed.backpressureBytes, 0);
    EXPECT_EQ(ok.options->relay.epoch, QStringLiteral("e-1"));
    EXPECT_EQ(ok.options->relay.firstSeq, 42);
    EXPECT_EQ(ok.options->relay.bufferSize, 500);
    EXPECT_EQ(ok.options->relay.address, QHostAddress(QHostAddress::LocalHost));

    const RelayCommandLineResult paced =
        parseRelayCommandLine({program, QStringLiteral("--demo"), QStringLiteral("--speed"),
                               QStringLiteral("max"), QStringLiteral("--backpressure")});
    ASSERT_TRUE(paced.options);
    EXPECT_EQ(paced.options->feed.speed, 0.0);
    EXPECT_GT(paced.options->feed.backpressureBytes, 0);
}

TEST(RelayBinary, ServesTheDemoOnAnEphemeralPortAndExitsCleanlyOnSigterm)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(VANTAGE_BIN_DIR "/vantage-relay"),
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--demo"),
                   QStringLiteral("--speed"), QStringLiteral("20")});
    ASSERT_TRUE(process.waitForStarted(kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return process.canReadLine() || process.state() == QProcess::NotRunning; }, kWaitMs))
        << process.readAllStandardError().toStdString();
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    const QRegularExpression pattern(
        QStringLiteral("^vantage-relay listening on http://127\\.0\\.0\\.1:(\\d+) \\(epoch (\\S+)\\)$"));
    const QRegularExpressionMatch match = pattern.match(line);
    ASSERT_TRUE(match.hasMatch()) << line.toStdString();
    const auto port = quint16(match.captured(1).toUInt());
    ASSERT_NE(port, 0);

    // The demo's first pass publishes within moments.
    QJsonObject health;
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            health = QJsonDocument::fromJson(httpGet(port, "/healthz").body).object();
            return health[QStringLiteral("last_seq")].toInteger() > 10;
        },
        kWaitMs));
    EXPECT_EQ(health[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    EXPECT_EQ(health[QStringLiteral("epoch")].toString(), match.captured(2));

    process.terminate();
    ASSERT_TRUE(process.waitForFinished(kWaitMs));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0);
}

TEST(RelayBinary, BadArgumentsExitWith2)
{
    QProcess process;
    process.start(QStringLiteral(VANTAGE_BIN_DIR "/vantage-relay"),
                  {QStringLiteral("--port"), QStringLiteral("x")});
    ASSERT_TRUE(process.waitForFinished(kWaitMs));
    EXPECT_EQ(process.exitCode(), 2);
    EXPECT_TRUE(process.readAllStandardError().contains("--port"));
}
