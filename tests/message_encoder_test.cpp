#include "feed/Decoder.h"
#include "feed/MessageEncoder.h"
#include "feed/Rfc3339.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace vantage;

// Readable failure output for QString comparisons.
void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace {

const qint64 kTsMs = parseRfc3339Ms("2026-11-22T20:03:10.123Z").value();

// NaN compares equal to NaN here: both mean "absent".
void expectSameNumber(double a, double b, const char *what)
{
    if (qIsNaN(a) || qIsNaN(b))
        EXPECT_TRUE(qIsNaN(a) && qIsNaN(b)) << what << ": " << a << " vs " << b;
    else
        EXPECT_EQ(a, b) << what;
}

void expectSame(const GeoLocation &a, const GeoLocation &b)
{
    expectSameNumber(a.lat, b.lat, "lat");
    expectSameNumber(a.lon, b.lon, "lon");
    EXPECT_EQ(a.country, b.country);
    EXPECT_EQ(a.city, b.city);
}

void expectSame(const std::vector<NamedValue> &a, const std::vector<NamedValue> &b)
{
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].name, b[i].name);
        EXPECT_EQ(a[i].value, b[i].value) << a[i].name.toStdString();
    }
}

void expectSame(const LiveEvent &a, const LiveEvent &b)
{
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.userId, b.userId);
    EXPECT_EQ(a.userName, b.userName);
    EXPECT_EQ(a.role, b.role);
    EXPECT_EQ(a.description, b.description);
    expectSameNumber(a.value, b.value, "value");
    EXPECT_EQ(a.currency, b.currency);
    expectSame(a.location, b.location);
    EXPECT_EQ(a.metadataJson, b.metadataJson);
}

void expectSame(const AlertInfo &a, const AlertInfo &b)
{
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.severity, b.severity);
    EXPECT_EQ(a.message, b.message);
    EXPECT_EQ(a.affectedUsers, b.affectedUsers);
    EXPECT_EQ(a.autoResolve, b.autoResolve);
}

void expectSame(const ActiveUsersUpdate &a, const ActiveUsersUpdate &b)
{
    expectSameNumber(a.current, b.current, "current");
    expectSame(a.byRole, b.byRole);
    ASSERT_EQ(a.locations.size(), b.locations.size());
    for (size_t i = 0; i < a.locations.size(); ++i)
        expectSame(a.locations[i], b.locations[i]);
    expectSameNumber(a.trend, b.trend, "trend");
}

struct BodyComparer
{
    const MessageBody &other;

    void operator()(std::monostate) const { EXPECT_TRUE(std::holds_alternative<std::monostate>(other)); }
    void operator()(const HelloInfo &a) const
    {
        const auto &b = std::get<HelloInfo>(other);
        EXPECT_EQ(a.version, b.version);
        EXPECT_EQ(a.epoch, b.epoch);
        EXPECT_EQ(a.lastSeq, b.lastSeq);
        EXPECT_EQ(a.heartbeatMs, b.heartbeatMs);
        EXPECT_EQ(a.server, b.server);
        EXPECT_EQ(a.accepts, b.accepts);
    }
    void operator()(const SnapshotInfo &a) const
    {
        const auto &b = std::get<SnapshotInfo>(other);
        expectSame(a.counters, b.counters);
        expectSame(a.metrics.gauges, b.metrics.gauges);
        expectSame(a.activeUsers, b.activeUsers);
        ASSERT_EQ(a.alerts.size(), b.alerts.size());
        for (size_t i = 0; i < a.alerts.size(); ++i)
            expectSame(a.alerts[i], b.alerts[i]);
        ASSERT_EQ(a.events.size(), b.events.size());
        for (size_t i = 0; i < a.events.size(); ++i)
            expectSame(a.events[i], b.events[i]);
    }
    void operator()(const LiveEvent &a) const { expectSame(a, std::get<LiveEvent>(other)); }
    void operator()(const MetricsSample &a) const { expectSame(a.gauges, std::get<MetricsSample>(other).gauges); }
    void operator()(const ActiveUsersUpdate &a) const { expectSame(a, std::get<ActiveUsersUpdate>(other)); }
    void operator()(const AlertInfo &a) const { expectSame(a, std::get<AlertInfo>(other)); }
    void operator()(const AlertResolvedInfo &a) const
    {
        const auto &b = std::get<AlertResolvedInfo>(other);
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.reason, b.reason);
    }
    void operator()(const AlertAckInfo &a) const { EXPECT_EQ(a, std::get<AlertAckInfo>(other)); }
    void operator()(const ProgressInfo &a) const
    {
        const auto &b = std::get<ProgressInfo>(other);
        EXPECT_EQ(a.jobId, b.jobId);
        EXPECT_EQ(a.label, b.label);
        EXPECT_EQ(a.status, b.status);
        expectSameNumber(a.percent, b.percent, "percent");
        EXPECT_EQ(a.completed, b.completed);
        EXPECT_EQ(a.total, b.total);
    }
    void operator()(const NotificationInfo &a) const
    {
        const auto &b = std::get<NotificationInfo>(other);
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.userId, b.userId);
        EXPECT_EQ(a.title, b.title);
        EXPECT_EQ(a.body, b.body);
        EXPECT_EQ(a.read, b.read);
    }
};

// Encodes, checks the frame is JSON an independent parser accepts, decodes, compares.
void expectRoundTrip(const Message &original)
{
    const QByteArray frame = encodeMessage(original);
    SCOPED_TRACE(frame.toStdString());
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(frame, &parseError);
    ASSERT_EQ(parseError.error, QJsonParseError::NoError) << parseError.errorString().toStdString();
    EXPECT_EQ(json.object().value(QStringLiteral("v")).toInt(), 1);
    EXPECT_FALSE(frame.endsWith('\n'));

    Decoder decoder;
    Message decoded;
    ASSERT_EQ(decoder.decode(frame, 0, 0, decoded), DecodeError::None);
    EXPECT_EQ(decoded.kind, original.kind);
    EXPECT_EQ(decoded.seq, original.seq);
    EXPECT_EQ(decoded.tsMs, original.tsMs);
    EXPECT_EQ(decoded.wireType, messageKindName(original.kind));
    ASSERT_EQ(decoded.body.index(), original.body.index());
    std::visit(BodyComparer{decoded.body}, original.body);
}

Message messageOf(MessageKind kind, MessageBody body, qint64 seq = 42)
{
    Message message;
    message.kind = kind;
    message.seq = seq;
    message.tsMs = kTsMs;
    message.wireType = messageKindName(kind);
    message.body = std::move(body);
    return message;
}

LiveEvent fullEvent()
{
    LiveEvent event;
    event.id = QStringLiteral("ev-1");
    event.type = QStringLiteral("payment");
    event.userId = QStringLiteral("u-7");
    event.userName = QString::fromUtf8("Léa \"the <b>boss</b>\" \\ O'Neil 😀");
    event.role = QStringLiteral("couple");
    event.description = QStringLiteral("line one\nline two\ttab \x01 control");
    event.value = 1234.56;
    event.currency = QStringLiteral("EUR");
    event.location = {48.8566, 2.3522, QStringLiteral("FR"), QStringLiteral("Paris")};
    event.metadataJson = QStringLiteral(R"({"plan":"pro","tags":["a","b"],"n":{"x":1}})");
    return event;
}

AlertInfo fullAlert(const char *id, Severity severity)
{
    AlertInfo alert;
    alert.id = QLatin1String(id);
    alert.severity = severity;
    alert.message = QStringLiteral("Payments <i>failing</i> \"now\"");
    alert.affectedUsers = 321;
    alert.autoResolve = true;
    return alert;
}

ActiveUsersUpdate fullActiveUsers()
{
    ActiveUsersUpdate users;
    users.current = 57;
    users.byRole = {{QStringLiteral("supplier"), 20}, {QStringLiteral("couple"), 37}};
    users.locations = {{52.52, 13.405, QStringLiteral("DE"), QStringLiteral("Berlin")},
                       {-33.8688, 151.2093, QStringLiteral("AU"), QString::fromUtf8("Sydney ☀")}};
    users.trend = -4.5;
    return users;
}

} // namespace

TEST(MessageEncoder, WritesTheExactV1Envelope)
{
    EXPECT_EQ(encodeMessage(messageOf(MessageKind::Ping, std::monostate{}, 7)),
              QByteArray(R"({"v":1,"type":"ping","seq":7,"ts":"2026-11-22T20:03:10.123Z"})"));
    AlertResolvedInfo resolved;
    resolved.id = QStringLiteral("a1");
    resolved.reason = QStringLiteral("fixed");
    EXPECT_EQ(encodeMessage(messageOf(MessageKind::AlertResolved, resolved, -1)),
              QByteArray(R"({"v":1,"type":"alert_resolved","ts":"2026-11-22T20:03:10.123Z","data":{"id":"a1","reason":"fixed"}})"));
    MetricsSample metrics;
    metrics.gauges = {{QStringLiteral("requests_per_second"), 812.5}, {QStringLiteral("queue_depth"), 4}};
    EXPECT_EQ(encodeMessage(messageOf(MessageKind::Metrics, metrics, 3)),
              QByteArray(R"({"v":1,"type":"metrics","seq":3,"ts":"2026-11-22T20:03:10.123Z","data":{"requests_per_second":812.5,"queue_depth":4}})"));
}

TEST(MessageEncoder, EscapesStrings)
{
    LiveEvent event;
    event.type = QStringLiteral("signup");
    event.userName = QString::fromUtf8("a\"b\\c\nd\re\tf\x01g <b>é😀");
    const QByteArray frame = encodeMessage(messageOf(MessageKind::Event, event));
    const QByteArray expected = QByteArray(R"("user_name":"a\"b\\c\nd\re\tf\u0001g <b>)") + QByteArray("é😀\"");
    EXPECT_TRUE(frame.contains(expected)) << frame.toStdString();
}

TEST(MessageEncoder, LeavesAbsentValuesOut)
{
    LiveEvent event;
    event.type = QStringLiteral("signup");
    const QByteArray frame = encodeMessage(messageOf(MessageKind::Event, event));
    EXPECT_EQ(frame, QByteArray(R"({"v":1,"type":"event","seq":42,"ts":"2026-11-22T20:03:10.123Z","data":{"type":"signup"}})"));
}

TEST(MessageEncoder, RoundTripsHello)
{
    HelloInfo hello;
    hello.version = 1;
    hello.epoch = QStringLiteral("e-20261122");
    hello.lastSeq = 9876;
    hello.heartbeatMs = 15000;
    hello.server = QStringLiteral("vantage-relay/0.1");
    expectRoundTrip(messageOf(MessageKind::Hello, hello, 0));
    hello.accepts = {QStringLiteral("alert_ack"), QStringLiteral("future_type")};
    expectRoundTrip(messageOf(MessageKind::Hello, hello, 0));
}

TEST(MessageEncoder, RoundTripsSnapshot)
{
    SnapshotInfo snapshot;
    snapshot.counters = {{QStringLiteral("signups"), 120}, {QStringLiteral("signups.supplier"), 50},
                         {QStringLiteral("signups.couple"), 70}, {QStringLiteral("revenue"), 5420.75}};
    snapshot.metrics.gauges = {{QStringLiteral("requests_per_second"), 850}, {QStringLiteral("error_rate"), 0.1}};
    snapshot.activeUsers = fullActiveUsers();
    snapshot.alerts = {fullAlert("a1", Severity::Critical), fullAlert("a2", Severity::Info)};
    snapshot.events = {fullEvent(), fullEvent()};
    snapshot.events[1].id = QStringLiteral("ev-2");
    snapshot.events[1].value = qQNaN();
    expectRoundTrip(messageOf(MessageKind::Snapshot, snapshot));
}

TEST(MessageEncoder, RoundTripsEmptySnapshot)
{
    expectRoundTrip(messageOf(MessageKind::Snapshot, SnapshotInfo{}));
}

TEST(MessageEncoder, RoundTripsEvent)
{
    expectRoundTrip(messageOf(MessageKind::Event, fullEvent()));
    LiveEvent custom;
    custom.type = QStringLiteral("deploy_started");
    custom.location.country = QStringLiteral("JP");
    expectRoundTrip(messageOf(MessageKind::Event, custom, -1));
}

TEST(MessageEncoder, RoundTripsMetrics)
{
    MetricsSample metrics;
    metrics.gauges = {{QStringLiteral("requests_per_second"), 812.5}, {QStringLiteral("avg_response_ms"), 110},
                      {QStringLiteral("p95_response_ms"), 340}, {QStringLiteral("error_rate"), 0.1 + 0.2},
                      {QStringLiteral("queue_depth"), 4}, {QStringLiteral("cpu_percent"), 63.25},
                      {QStringLiteral("memory_percent"), 71}, {QStringLiteral("db.pool.busy"), 3},
                      {QStringLiteral("tiny"), 1e-300}, {QStringLiteral("huge"), -1.7976931348623157e308}};
    expectRoundTrip(messageOf(MessageKind::Metrics, metrics));
}

TEST(MessageEncoder, RoundTripsActiveUsers)
{
    expectRoundTrip(messageOf(MessageKind::ActiveUsers, fullActiveUsers()));
}

TEST(MessageEncoder, RoundTripsAlertsOfEverySeverity)
{
    for (const Severity severity : {Severity::Info, Severity::Warning, Severity::Error, Severity::Critical})
        expectRoundTrip(messageOf(MessageKind::Alert, fullAlert("al-1", severity)));
}

TEST(MessageEncoder, RoundTripsAlertResolved)
{
    AlertResolvedInfo resolved;
    resolved.id = QStringLiteral("al-1");
    resolved.reason = QStringLiteral("auto-resolved after 5 min");
    expectRoundTrip(messageOf(MessageKind::AlertResolved, resolved));
}

TEST(MessageEncoder, RoundTripsAlertAck)
{
    expectRoundTrip(messageOf(MessageKind::AlertAck, AlertAckInfo{QStringLiteral("al-2"), QStringLiteral("anna"),
                                                                   QStringLiteral("on it, \"rolling back\"")}));
    expectRoundTrip(messageOf(MessageKind::AlertAck, AlertAckInfo{QStringLiteral("al-2"), {}, {}}));
}

TEST(MessageEncoder, RoundTripsProgress)
{
    ProgressInfo progress;
    progress.jobId = QStringLiteral("scan-3");
    progress.label = QStringLiteral("Nightly \"scan\"");
    progress.status = QStringLiteral("running");
    progress.percent = 42.5;
    progress.completed = 425;
    progress.total = 1000;
    expectRoundTrip(messageOf(MessageKind::Progress, progress));
    expectRoundTrip(messageOf(MessageKind::Progress, ProgressInfo{}));
}

TEST(MessageEncoder, RoundTripsNotification)
{
    NotificationInfo notification;
    notification.id = QStringLiteral("n1");
    notification.userId = QStringLiteral("u9");
    notification.title = QStringLiteral("Invite <accepted>");
    notification.body = QString::fromUtf8("Sam joined 🎉\nsee you");
    notification.read = true;
    expectRoundTrip(messageOf(MessageKind::Notification, notification));
}

TEST(MessageEncoder, RoundTripsPingAndPong)
{
    expectRoundTrip(messageOf(MessageKind::Ping, std::monostate{}));
    expectRoundTrip(messageOf(MessageKind::Pong, std::monostate{}, -1));
}

TEST(MessageEncoder, RoundTripsTimesBefore1970)
{
    Message message = messageOf(MessageKind::Ping, std::monostate{});
    message.tsMs = -86'400'001;
    expectRoundTrip(message);
}
