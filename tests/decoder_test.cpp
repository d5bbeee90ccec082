#include "feed/Decoder.h"
#include "feed/Rfc3339.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <cmath>

using namespace vantage;

// Readable failure output for QString comparisons.
void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace {

constexpr qint64 kReceivedMs = 1'800'000'000'000;

struct Result
{
    DecodeError error = DecodeError::None;
    Message message;
};

Result decodeFrame(Decoder &decoder, QByteArrayView frame, qint64 receivedMs = kReceivedMs, qint64 shiftMs = 0)
{
    Result result;
    result.error = decoder.decode(frame, receivedMs, shiftMs, result.message);
    return result;
}

Result decodeFrame(QByteArrayView frame, qint64 receivedMs = kReceivedMs, qint64 shiftMs = 0)
{
    Decoder decoder;
    return decodeFrame(decoder, frame, receivedMs, shiftMs);
}

qint64 rfc(const char *text)
{
    return parseRfc3339Ms(text).value();
}

// The value of a named entry, NaN when absent.
double valueOf(const std::vector<NamedValue> &values, const char *name)
{
    for (const NamedValue &entry : values) {
        if (entry.name == QLatin1String(name))
            return entry.value;
    }
    return qQNaN();
}

template<typename Body>
const Body &bodyOf(const Result &result)
{
    const Body *body = std::get_if<Body>(&result.message.body);
    EXPECT_NE(body, nullptr) << "unexpected body for " << qPrintable(result.message.wireType);
    static const Body empty{};
    return body ? *body : empty;
}

} // namespace

TEST(Decoder, HelloV1)
{
    const Result r = decodeFrame(R"({"v":1,"type":"hello","seq":0,"ts":"2026-11-22T20:03:10.123Z",
        "data":{"protocol":1,"epoch":"e-42","last_seq":1234,"heartbeat_ms":15000,"server":"vantage-relay/0.1"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Hello);
    EXPECT_EQ(r.message.seq, 0);
    EXPECT_EQ(r.message.tsMs, rfc("2026-11-22T20:03:10.123Z"));
    EXPECT_EQ(r.message.wireType, QStringLiteral("hello"));
    const auto &hello = bodyOf<HelloInfo>(r);
    EXPECT_EQ(hello.version, 1);
    EXPECT_EQ(hello.epoch, QStringLiteral("e-42"));
    EXPECT_EQ(hello.lastSeq, 1234);
    EXPECT_EQ(hello.heartbeatMs, 15000);
    EXPECT_EQ(hello.server, QStringLiteral("vantage-relay/0.1"));
}

TEST(Decoder, SnapshotV1)
{
    const Result r = decodeFrame(R"({"v":1,"type":"snapshot","seq":5,"ts":"2026-11-22T08:00:00Z","data":{
        "counters":{"signups":120,"signups.supplier":50,"signups.couple":70,"payments":33,"revenue":5420.5,
                    "form_submissions":12,"invitations":9,"active_users":42},
        "metrics":{"requests_per_second":850,"avg_response_ms":120,"error_rate":0.4,"timestamp":"2001-01-01T00:00:00Z"},
        "active_users":{"current":42,"by_role":{"supplier":12,"couple":30},"locations":[{"lat":51.5,"lon":-0.12,"country":"GB","city":"London"}],"trend":3},
        "alerts":[{"id":"a1","severity":"critical","message":"DB down","affected_users":7,"auto_resolve":false},
                  {"id":"a2","severity":"info","message":"Deploy","affected_users":0,"auto_resolve":true}],
        "events":[{"id":"e1","type":"payment","user_id":"u1","user_name":"Ann","value":99.5,"currency":"EUR"}]}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Snapshot);
    EXPECT_EQ(r.message.seq, 5);
    EXPECT_EQ(r.message.tsMs, rfc("2026-11-22T08:00:00Z"));
    const auto &s = bodyOf<SnapshotInfo>(r);
    ASSERT_EQ(s.counters.size(), 8u);
    EXPECT_EQ(s.counters[0].name, QStringLiteral("signups"));
    EXPECT_EQ(valueOf(s.counters, "signups"), 120);
    EXPECT_EQ(valueOf(s.counters, "signups.supplier"), 50);
    EXPECT_EQ(valueOf(s.counters, "signups.couple"), 70);
    EXPECT_EQ(valueOf(s.counters, "payments"), 33);
    EXPECT_EQ(valueOf(s.counters, "revenue"), 5420.5);
    EXPECT_EQ(valueOf(s.counters, "form_submissions"), 12);
    EXPECT_EQ(valueOf(s.counters, "invitations"), 9);
    EXPECT_EQ(valueOf(s.counters, "active_users"), 42);
    ASSERT_EQ(s.metrics.gauges.size(), 3u);
    EXPECT_EQ(valueOf(s.metrics.gauges, "requests_per_second"), 850);
    EXPECT_EQ(valueOf(s.metrics.gauges, "avg_response_ms"), 120);
    EXPECT_EQ(valueOf(s.metrics.gauges, "error_rate"), 0.4);
    EXPECT_EQ(s.activeUsers.current, 42);
    EXPECT_EQ(valueOf(s.activeUsers.byRole, "supplier"), 12);
    EXPECT_EQ(valueOf(s.activeUsers.byRole, "couple"), 30);
    ASSERT_EQ(s.activeUsers.locations.size(), 1u);
    EXPECT_EQ(s.activeUsers.locations[0].city, QStringLiteral("London"));
    EXPECT_EQ(s.activeUsers.locations[0].lon, -0.12);
    EXPECT_EQ(s.activeUsers.trend, 3);
    ASSERT_EQ(s.alerts.size(), 2u);
    EXPECT_EQ(s.alerts[0].id, QStringLiteral("a1"));
    EXPECT_EQ(s.alerts[0].severity, Severity::Critical);
    EXPECT_EQ(s.alerts[0].message, QStringLiteral("DB down"));
    EXPECT_EQ(s.alerts[0].affectedUsers, 7);
    EXPECT_FALSE(s.alerts[0].autoResolve);
    EXPECT_EQ(s.alerts[1].severity, Severity::Info);
    EXPECT_TRUE(s.alerts[1].autoResolve);
    ASSERT_EQ(s.events.size(), 1u);
    EXPECT_EQ(s.events[0].type, QStringLiteral("payment"));
    EXPECT_EQ(s.events[0].userName, QStringLiteral("Ann"));
    EXPECT_EQ(s.events[0].value, 99.5);
    EXPECT_EQ(s.events[0].currency, QStringLiteral("EUR"));
}

TEST(Decoder, EventV1WithKeysInAnyOrder)
{
    const Result r = decodeFrame(R"({"data":{"metadata":{"plan":"pro","nested":{"a":[1,2]}},
        "location":{"lat":48.85,"lon":2.35,"country":"FR","city":"Paris"},"currency":"EUR","value":250,
        "description":"Paid the <b>deposit</b>","role":"couple","user_name":"Léa","user_id":"u-7",
        "type":"payment","id":"ev-1"},"ts":"2026-11-22T20:03:10Z","seq":17,"type":"event","v":1})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Event);
    EXPECT_EQ(r.message.seq, 17);
    EXPECT_EQ(r.message.wireType, QStringLiteral("event"));
    EXPECT_EQ(r.message.tsMs, rfc("2026-11-22T20:03:10Z"));
    const auto &e = bodyOf<LiveEvent>(r);
    EXPECT_EQ(e.id, QStringLiteral("ev-1"));
    EXPECT_EQ(e.type, QStringLiteral("payment"));
    EXPECT_EQ(e.userId, QStringLiteral("u-7"));
    EXPECT_EQ(e.userName, QString::fromUtf8("Léa"));
    EXPECT_EQ(e.role, QStringLiteral("couple"));
    EXPECT_EQ(e.description, QStringLiteral("Paid the <b>deposit</b>"));
    EXPECT_EQ(e.value, 250);
    EXPECT_EQ(e.currency, QStringLiteral("EUR"));
    EXPECT_EQ(e.location.lat, 48.85);
    EXPECT_EQ(e.location.lon, 2.35);
    EXPECT_EQ(e.location.country, QStringLiteral("FR"));
    EXPECT_EQ(e.location.city, QStringLiteral("Paris"));
    EXPECT_EQ(e.metadataJson, QStringLiteral(R"({"plan":"pro","nested":{"a":[1,2]}})"));
}

TEST(Decoder, EventWithoutOptionalFieldsLeavesThemAbsent)
{
    const Result r = decodeFrame(R"({"v":1,"type":"event","data":{"type":"signup","id":"x"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    const auto &e = bodyOf<LiveEvent>(r);
    EXPECT_EQ(e.type, QStringLiteral("signup"));
    EXPECT_TRUE(qIsNaN(e.value));
    EXPECT_TRUE(e.location.isEmpty());
    EXPECT_TRUE(e.metadataJson.isEmpty());
    EXPECT_TRUE(e.role.isEmpty());
    EXPECT_EQ(r.message.seq, -1);
}

TEST(Decoder, MetricsV1FlattensNestedGauges)
{
    const Result r = decodeFrame(R"({"v":1,"type":"metrics","seq":3,"data":{"requests_per_second":812.5,
        "avg_response_ms":110,"p95_response_ms":340,"error_rate":1.25,"queue_depth":4,"cpu_percent":63,
        "memory_percent":71,"active_connections":19,"db":{"pool":{"busy":3,"idle":5}},"host":"web-1","memory":{"used":12},
        "timestamp":"2026-11-22T20:00:00Z"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Metrics);
    EXPECT_EQ(r.message.tsMs, rfc("2026-11-22T20:00:00Z"));
    const auto &m = bodyOf<MetricsSample>(r);
    ASSERT_EQ(m.gauges.size(), 11u);
    EXPECT_EQ(m.gauges[0].name, QStringLiteral("requests_per_second"));
    EXPECT_EQ(m.gauges[0].value, 812.5);
    EXPECT_EQ(valueOf(m.gauges, "avg_response_ms"), 110);
    EXPECT_EQ(valueOf(m.gauges, "p95_response_ms"), 340);
    EXPECT_EQ(valueOf(m.gauges, "error_rate"), 1.25);
    EXPECT_EQ(valueOf(m.gauges, "queue_depth"), 4);
    EXPECT_EQ(valueOf(m.gauges, "cpu_percent"), 63);
    EXPECT_EQ(valueOf(m.gauges, "memory_percent"), 71);
    EXPECT_EQ(valueOf(m.gauges, "active_connections"), 19);
    EXPECT_EQ(valueOf(m.gauges, "db.pool.busy"), 3);
    EXPECT_EQ(valueOf(m.gauges, "db.pool.idle"), 5);
    EXPECT_EQ(valueOf(m.gauges, "memory.used"), 12);
    EXPECT_TRUE(qIsNaN(valueOf(m.gauges, "host")));
    EXPECT_TRUE(qIsNaN(valueOf(m.gauges, "timestamp")));
}

TEST(Decoder, ActiveUsersV1)
{
    const Result r = decodeFrame(R"({"v":1,"type":"active_users","data":{"current":42,
        "by_role":{"supplier":12,"couple":30},"locations":[{"lat":40.7,"lon":-74,"country":"US","city":"New York"},
        {"lat":-33.9,"lon":151.2,"country":"AU","city":"Sydney"}],"trend":-2.5}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::ActiveUsers);
    const auto &u = bodyOf<ActiveUsersUpdate>(r);
    EXPECT_EQ(u.current, 42);
    ASSERT_EQ(u.byRole.size(), 2u);
    EXPECT_EQ(u.byRole[0].name, QStringLiteral("supplier"));
    EXPECT_EQ(u.byRole[0].value, 12);
    EXPECT_EQ(u.byRole[1].name, QStringLiteral("couple"));
    EXPECT_EQ(u.byRole[1].value, 30);
    ASSERT_EQ(u.locations.size(), 2u);
    EXPECT_EQ(u.locations[0].lat, 40.7);
    EXPECT_EQ(u.locations[0].lon, -74);
    EXPECT_EQ(u.locations[0].country, QStringLiteral("US"));
    EXPECT_EQ(u.locations[1].city, QStringLiteral("Sydney"));
    EXPECT_EQ(u.trend, -2.5);
}

TEST(Decoder, AlertV1)
{
    const Result r = decodeFrame(R"({"v":1,"type":"alert","seq":9,"data":{"id":"al-1","severity":"error",
        "message":"<script>x</script> payments failing","affected_users":120,"auto_resolve":true}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Alert);
    const auto &a = bodyOf<AlertInfo>(r);
    EXPECT_EQ(a.id, QStringLiteral("al-1"));
    EXPECT_EQ(a.severity, Severity::Error);
    EXPECT_EQ(a.message, QStringLiteral("<script>x</script> payments failing"));
    EXPECT_EQ(a.affectedUsers, 120);
    EXPECT_TRUE(a.autoResolve);
}

TEST(Decoder, AlertSeverities)
{
    const std::pair<const char *, Severity> cases[] = {
        {"info", Severity::Info}, {"warning", Severity::Warning}, {"error", Severity::Error},
        {"critical", Severity::Critical}, {"apocalyptic", Severity::Warning}};
    for (const auto &[name, severity] : cases) {
        const QByteArray frame = QByteArray(R"({"v":1,"type":"alert","data":{"id":"a","severity":")") + name + "\"}}";
        const Result r = decodeFrame(frame);
        ASSERT_EQ(r.error, DecodeError::None) << name;
        EXPECT_EQ(bodyOf<AlertInfo>(r).severity, severity) << name;
    }
}

TEST(Decoder, AlertResolvedV1)
{
    const Result r = decodeFrame(R"({"v":1,"type":"alert_resolved","data":{"id":"al-1","reason":"auto"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::AlertResolved);
    const auto &a = bodyOf<AlertResolvedInfo>(r);
    EXPECT_EQ(a.id, QStringLiteral("al-1"));
    EXPECT_EQ(a.reason, QStringLiteral("auto"));
}

TEST(Decoder, AlertAckV1)
{
    const Result r = decodeFrame(
        R"({"v":1,"type":"alert_ack","seq":12,"ts":"2026-11-22T20:02:10.000Z","data":{"id":7,"by":"anna","comment":"on it"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::AlertAck);
    EXPECT_EQ(bodyOf<AlertAckInfo>(r), (AlertAckInfo{QStringLiteral("7"), QStringLiteral("anna"), QStringLiteral("on it")}));
    EXPECT_EQ(r.message.seq, 12);
    const Result alias = decodeFrame(R"({"v":1,"type":"alert_ack","data":{"id":"al-1","acknowledged_by":"ben"}})");
    ASSERT_EQ(alias.error, DecodeError::None);
    EXPECT_EQ(bodyOf<AlertAckInfo>(alias).by, QStringLiteral("ben"));
}

TEST(Decoder, HelloListsWhatTheServerAccepts)
{
    const Result r = decodeFrame(R"({"v":1,"type":"hello","data":{"protocol":1,"accepts":["alert_ack","x"]}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(bodyOf<HelloInfo>(r).accepts, (std::vector<QString>{QStringLiteral("alert_ack"), QStringLiteral("x")}));
    EXPECT_EQ(decodeFrame(R"({"v":1,"type":"hello","data":{"accepts":"alert_ack"}})").error, DecodeError::BadField);
}

TEST(Decoder, ProgressV1)
{
    const Result r = decodeFrame(R"({"v":1,"type":"progress","data":{"job_id":"scan-3","label":"Nightly scan",
        "status":"running","percent":42.5,"completed":425,"total":1000}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Progress);
    const auto &p = bodyOf<ProgressInfo>(r);
    EXPECT_EQ(p.jobId, QStringLiteral("scan-3"));
    EXPECT_EQ(p.label, QStringLiteral("Nightly scan"));
    EXPECT_EQ(p.status, QStringLiteral("running"));
    EXPECT_EQ(p.percent, 42.5);
    EXPECT_EQ(p.completed, 425);
    EXPECT_EQ(p.total, 1000);
}

TEST(Decoder, NotificationV1)
{
    const Result r = decodeFrame(R"({"v":1,"type":"notification","data":{"id":"n1","user_id":"u9",
        "title":"Invite accepted","body":"Sam joined","read":true}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Notification);
    const auto &n = bodyOf<NotificationInfo>(r);
    EXPECT_EQ(n.id, QStringLiteral("n1"));
    EXPECT_EQ(n.userId, QStringLiteral("u9"));
    EXPECT_EQ(n.title, QStringLiteral("Invite accepted"));
    EXPECT_EQ(n.body, QStringLiteral("Sam joined"));
    EXPECT_TRUE(n.read);
}

TEST(Decoder, PingAndPong)
{
    for (const char *frame : {R"({"v":1,"type":"ping","seq":4})", R"({"type":"ping"})"}) {
        const Result r = decodeFrame(frame);
        ASSERT_EQ(r.error, DecodeError::None) << frame;
        EXPECT_EQ(r.message.kind, MessageKind::Ping) << frame;
        EXPECT_TRUE(std::holds_alternative<std::monostate>(r.message.body));
    }
    const Result pong = decodeFrame(R"({"type":"pong","data":{"anything":[1,2,3]}})");
    ASSERT_EQ(pong.error, DecodeError::None);
    EXPECT_EQ(pong.message.kind, MessageKind::Pong);
    EXPECT_EQ(pong.message.tsMs, kReceivedMs);
}

// Seed 000 sends its body under "payload"; some of its backends use "data".
class Seed000Body : public ::testing::TestWithParam<const char *>
{
protected:
    Result decodeSeed(const char *type, const char *body)
    {
        const QByteArray frame = QByteArray("{\"type\":\"") + type + "\",\"" + GetParam() + "\":" + body + "}";
        return decodeFrame(frame);
    }
};

TEST_P(Seed000Body, NewSignup)
{
    const Result r = decodeSeed("new_signup", R"({"id":"s1","type":"signup","userId":"u1","userName":"Jo",
        "description":"New supplier signed up","timestamp":"2026-11-22T10:00:00.250Z",
        "metadata":{"vendorType":"photographer","source":"google"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Event);
    EXPECT_EQ(r.message.wireType, QStringLiteral("new_signup"));
    EXPECT_EQ(r.message.seq, -1);
    EXPECT_EQ(r.message.tsMs, rfc("2026-11-22T10:00:00.250Z"));
    const auto &e = bodyOf<LiveEvent>(r);
    EXPECT_EQ(e.type, QStringLiteral("signup"));
    EXPECT_EQ(e.id, QStringLiteral("s1"));
    EXPECT_EQ(e.userId, QStringLiteral("u1"));
    EXPECT_EQ(e.userName, QStringLiteral("Jo"));
    EXPECT_EQ(e.description, QStringLiteral("New supplier signed up"));
    EXPECT_EQ(e.role, QStringLiteral("supplier"));
    EXPECT_EQ(e.metadataJson, QStringLiteral(R"({"vendorType":"photographer","source":"google"})"));
}

TEST_P(Seed000Body, PaymentSuccess)
{
    const Result r = decodeSeed("payment_success", R"({"id":"p1","userId":"u2","userName":"Kim","value":149.99,
        "description":"Premium plan","metadata":{"userType":"couple"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Event);
    const auto &e = bodyOf<LiveEvent>(r);
    EXPECT_EQ(e.type, QStringLiteral("payment"));
    EXPECT_EQ(e.value, 149.99);
    EXPECT_EQ(e.role, QStringLiteral("couple"));
    EXPECT_EQ(r.message.tsMs, kReceivedMs);
}

TEST_P(Seed000Body, FormAndInvitationTypes)
{
    const std::pair<const char *, const char *> cases[] = {
        {"form_submission", "form_submission"}, {"form_submitted", "form_submission"},
        {"form_response", "form_submission"}, {"invitation_sent", "invitation"}, {"invitation", "invitation"}};
    for (const auto &[wire, canonical] : cases) {
        const Result r = decodeSeed(wire, R"({"id":"f1","userId":"u3","user_type":"couple"})");
        ASSERT_EQ(r.error, DecodeError::None) << wire;
        EXPECT_EQ(r.message.wireType, QLatin1String(wire));
        const auto &e = bodyOf<LiveEvent>(r);
        EXPECT_EQ(e.type, QLatin1String(canonical)) << wire;
        EXPECT_EQ(e.role, QStringLiteral("couple")) << wire;
    }
}

TEST_P(Seed000Body, SystemAlert)
{
    const Result r = decodeSeed("system_alert", R"({"id":"al-9","severity":"critical","message":"Queue stuck",
        "affectedUsers":33,"autoResolve":true,"timestamp":"2026-11-22T11:00:00Z"})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Alert);
    EXPECT_EQ(r.message.tsMs, rfc("2026-11-22T11:00:00Z"));
    const auto &a = bodyOf<AlertInfo>(r);
    EXPECT_EQ(a.id, QStringLiteral("al-9"));
    EXPECT_EQ(a.severity, Severity::Critical);
    EXPECT_EQ(a.message, QStringLiteral("Queue stuck"));
    EXPECT_EQ(a.affectedUsers, 33);
    EXPECT_TRUE(a.autoResolve);
}

TEST_P(Seed000Body, SystemMetricsUseCanonicalNames)
{
    const Result r = decodeSeed("system_metrics", R"({"requestsPerSecond":900,"avgResponseTime":130,
        "p95ResponseTime":410,"errorRate":2.5,"queueDepth":11,"cpu":72,"memoryUsage":64})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Metrics);
    const auto &m = bodyOf<MetricsSample>(r);
    ASSERT_EQ(m.gauges.size(), 7u);
    EXPECT_EQ(valueOf(m.gauges, "requests_per_second"), 900);
    EXPECT_EQ(valueOf(m.gauges, "avg_response_ms"), 130);
    EXPECT_EQ(valueOf(m.gauges, "p95_response_ms"), 410);
    EXPECT_EQ(valueOf(m.gauges, "error_rate"), 2.5);
    EXPECT_EQ(valueOf(m.gauges, "queue_depth"), 11);
    EXPECT_EQ(valueOf(m.gauges, "cpu_percent"), 72);
    EXPECT_EQ(valueOf(m.gauges, "memory_percent"), 64);
}

TEST_P(Seed000Body, ActiveUsers)
{
    const Result r = decodeSeed("active_users", R"({"current":57,"suppliers":20,"couples":37,
        "locations":[{"lat":52.52,"lng":13.4,"country":"DE","city":"Berlin"}],"trend":5})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::ActiveUsers);
    const auto &u = bodyOf<ActiveUsersUpdate>(r);
    EXPECT_EQ(u.current, 57);
    EXPECT_EQ(valueOf(u.byRole, "supplier"), 20);
    EXPECT_EQ(valueOf(u.byRole, "couple"), 37);
    ASSERT_EQ(u.locations.size(), 1u);
    EXPECT_EQ(u.locations[0].lon, 13.4);
    EXPECT_EQ(u.locations[0].city, QStringLiteral("Berlin"));
    EXPECT_EQ(u.trend, 5);
}

TEST_P(Seed000Body, AlertResolved)
{
    const Result r = decodeSeed("alert_resolved", R"({"id":"al-9"})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::AlertResolved);
    EXPECT_EQ(bodyOf<AlertResolvedInfo>(r).id, QStringLiteral("al-9"));
}

INSTANTIATE_TEST_SUITE_P(PayloadOrData, Seed000Body, ::testing::Values("payload", "data"));

TEST(Decoder, Seed002MetricsBecomeASnapshot)
{
    const Result r = decodeFrame(R"({"type":"metrics","data":{
        "revenue":{"total":125000.50,"today":5420.00,"thisWeek":32100.00,"thisMonth":98500.00},
        "activeUsers":{"current":42,"today":1250,"peak24h":89},
        "transactions":{"total":5420,"pending":12,"completed":5380,"failed":28},
        "content":{"totalViews":125000,"totalPurchases":5380,"conversionRate":4.30},
        "timestamp":"2025-11-04T10:30:00.000Z"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Snapshot);
    EXPECT_EQ(r.message.wireType, QStringLiteral("metrics"));
    EXPECT_EQ(r.message.tsMs, rfc("2025-11-04T10:30:00.000Z"));
    const auto &s = bodyOf<SnapshotInfo>(r);
    ASSERT_EQ(s.counters.size(), 2u);
    EXPECT_EQ(valueOf(s.counters, "revenue"), 5420.0);
    EXPECT_EQ(valueOf(s.counters, "active_users"), 42);
    EXPECT_EQ(s.activeUsers.current, 42);
    EXPECT_EQ(s.metrics.gauges.size(), 14u);
    EXPECT_EQ(valueOf(s.metrics.gauges, "revenue.total"), 125000.50);
    EXPECT_EQ(valueOf(s.metrics.gauges, "revenue.thisMonth"), 98500.0);
    EXPECT_EQ(valueOf(s.metrics.gauges, "activeUsers.peak24h"), 89);
    EXPECT_EQ(valueOf(s.metrics.gauges, "transactions.failed"), 28);
    EXPECT_EQ(valueOf(s.metrics.gauges, "content.conversionRate"), 4.30);
}

// Seed 003's SSE events, as SseSource wraps them ({"type":<event>,"data":<data>}), with the
// document's "..." placeholders filled in.
TEST(Decoder, Seed003ConnectedIsAHello)
{
    const Result r = decodeFrame(R"({"type":"connected","data":{"connectionId":"conn_1234567890_abc123",
        "workspaceId":"ws-1","timestamp":"2025-12-06T12:00:00.000Z"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Hello);
    EXPECT_EQ(r.message.wireType, QStringLiteral("connected"));
    EXPECT_EQ(r.message.seq, -1);
    EXPECT_EQ(r.message.tsMs, rfc("2025-12-06T12:00:00.000Z"));
    const auto &hello = bodyOf<HelloInfo>(r);
    EXPECT_EQ(hello.version, 1);
    EXPECT_TRUE(hello.epoch.isEmpty());
    EXPECT_EQ(hello.lastSeq, -1);
}

TEST(Decoder, Seed003StatsBecomeASnapshot)
{
    const Result r = decodeFrame(R"({"type":"stats","data":{"activeUsers":42,"onlineUsers":15,"activeSessions":8,
        "messagesLastHour":87,"messagesToday":380,"activeChannels":12,"activeOrchestrators":3,"tasksInProgress":15,
        "eventCounts":{"message.sent":380,"file.uploaded":25,"reaction.added":102},
        "timestamp":"2025-12-06T12:00:00.000Z"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Snapshot);
    EXPECT_EQ(r.message.wireType, QStringLiteral("stats"));
    EXPECT_EQ(r.message.tsMs, rfc("2025-12-06T12:00:00.000Z"));
    const auto &s = bodyOf<SnapshotInfo>(r);
    ASSERT_EQ(s.counters.size(), 1u);
    EXPECT_EQ(valueOf(s.counters, "active_users"), 42);
    EXPECT_EQ(s.activeUsers.current, 42);
    EXPECT_EQ(s.metrics.gauges.size(), 11u);
    EXPECT_EQ(valueOf(s.metrics.gauges, "activeUsers"), 42);
    EXPECT_EQ(valueOf(s.metrics.gauges, "onlineUsers"), 15);
    EXPECT_EQ(valueOf(s.metrics.gauges, "activeSessions"), 8);
    EXPECT_EQ(valueOf(s.metrics.gauges, "messagesLastHour"), 87);
    EXPECT_EQ(valueOf(s.metrics.gauges, "messagesToday"), 380);
    EXPECT_EQ(valueOf(s.metrics.gauges, "tasksInProgress"), 15);
    EXPECT_EQ(valueOf(s.metrics.gauges, "eventCounts.message.sent"), 380);
    EXPECT_EQ(valueOf(s.metrics.gauges, "eventCounts.reaction.added"), 102);
    EXPECT_TRUE(qIsNaN(valueOf(s.metrics.gauges, "timestamp")));
}

TEST(Decoder, Seed003ShortStatsAsTheStreamShowsThem)
{
    const Result r = decodeFrame(R"({"type":"stats","data":{"activeUsers":42,"onlineUsers":15,"messagesToday":380,
        "eventCounts":{"message.sent":380}}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Snapshot);
    EXPECT_EQ(r.message.tsMs, kReceivedMs);
    const auto &s = bodyOf<SnapshotInfo>(r);
    EXPECT_EQ(valueOf(s.counters, "active_users"), 42);
    EXPECT_EQ(s.activeUsers.current, 42);
    EXPECT_EQ(valueOf(s.metrics.gauges, "eventCounts.message.sent"), 380);
}

TEST(Decoder, Seed003EventTakesItsTypeFromEventType)
{
    const Result r = decodeFrame(R"({"type":"event","data":{"eventType":"message.sent","userId":"u-1",
        "timestamp":"2025-12-06T12:00:01.000Z"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Event);
    EXPECT_EQ(r.message.wireType, QStringLiteral("event"));
    EXPECT_EQ(r.message.tsMs, rfc("2025-12-06T12:00:01.000Z"));
    const auto &e = bodyOf<LiveEvent>(r);
    EXPECT_EQ(e.type, QStringLiteral("message.sent"));
    EXPECT_EQ(e.userId, QStringLiteral("u-1"));

    const Result snake = decodeFrame(R"({"type":"event","data":{"event_type":"file.uploaded"}})");
    ASSERT_EQ(snake.error, DecodeError::None);
    EXPECT_EQ(bodyOf<LiveEvent>(snake).type, QStringLiteral("file.uploaded"));
    // Without a type in the body, the event is named after the wire type.
    const Result bare = decodeFrame(R"({"type":"event","data":{"userId":"u-2"}})");
    ASSERT_EQ(bare.error, DecodeError::None);
    EXPECT_EQ(bodyOf<LiveEvent>(bare).type, QStringLiteral("event"));
}

TEST(Decoder, Seed003PingIsAHeartbeat)
{
    const Result r = decodeFrame(R"({"type":"ping","data":{"timestamp":1234567890}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Ping);
    const Result empty = decodeFrame(R"({"type":"ping","data":null})");
    ASSERT_EQ(empty.error, DecodeError::None);
    EXPECT_EQ(empty.message.kind, MessageKind::Ping);
}

TEST(Decoder, InvalidUtf8HasItsOwnReason)
{
    const QByteArray frames[] = {
        QByteArray("{\"type\":\"ping\",\"x\":\"\xff\"}"),
        QByteArray("{\"v\":1,\"type\":\"event\",\"data\":{\"user_name\":\"L\xc3\"}}"), // truncated sequence
        QByteArray("{\"v\":1,\"type\":\"event\",\"data\":{\"d\":\"\xed\xa0\x80\"}}"),  // UTF-16 surrogate
        QByteArray("{\"v\":1,\"type\":\"event\",\"data\":{\"d\":\"\xc0\xaf\"}}"),        // overlong '/'
        QByteArray("{\"type\":\"p\xfeng\"}"),
    };
    Decoder decoder;
    for (const QByteArray &frame : frames) {
        Message message;
        const DecodeError error = decoder.decode(frame, kReceivedMs, 0, message);
        EXPECT_EQ(error, DecodeError::InvalidUtf8) << frame.toHex().constData() << " gave " << decodeErrorName(error).data();
    }
    EXPECT_EQ(decodeErrorName(DecodeError::InvalidUtf8), QLatin1String("invalid_utf8"));
    // Valid multi-byte text is fine, and the decoder is still usable.
    Message message;
    EXPECT_EQ(decoder.decode(QByteArray("{\"type\":\"ping\",\"x\":\"Z\xc3\xbcrich \xf0\x9f\x98\x80\"}"), kReceivedMs, 0, message),
              DecodeError::None);
}

TEST(Decoder, V1MetricsWithVersionAreNotTheSeed002Snapshot)
{
    const Result r = decodeFrame(R"({"v":1,"type":"metrics","data":{"revenue":{"today":5}}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.kind, MessageKind::Metrics);
    EXPECT_EQ(valueOf(bodyOf<MetricsSample>(r).gauges, "revenue.today"), 5);
}

TEST(Decoder, UnknownTypesAreKeptAsGenericEvents)
{
    const Result plain = decodeFrame(R"({"type":"deploy_started","payload":{"id":"d1","description":"v2.3 rollout","type":"x"}})");
    ASSERT_EQ(plain.error, DecodeError::None);
    EXPECT_EQ(plain.message.kind, MessageKind::Event);
    EXPECT_EQ(plain.message.wireType, QStringLiteral("deploy_started"));
    EXPECT_EQ(bodyOf<LiveEvent>(plain).type, QStringLiteral("deploy_started"));
    EXPECT_EQ(bodyOf<LiveEvent>(plain).description, QStringLiteral("v2.3 rollout"));

    const Result versioned = decodeFrame(R"({"v":1,"type":"new_signup","data":{"id":"s"}})");
    ASSERT_EQ(versioned.error, DecodeError::None);
    EXPECT_EQ(versioned.message.kind, MessageKind::Event);
    EXPECT_EQ(bodyOf<LiveEvent>(versioned).type, QStringLiteral("new_signup"));

    const Result bare = decodeFrame(R"({"type":"heartbeat_custom"})");
    ASSERT_EQ(bare.error, DecodeError::None);
    EXPECT_EQ(bodyOf<LiveEvent>(bare).type, QStringLiteral("heartbeat_custom"));
}

TEST(Decoder, RoleSources)
{
    const auto roleOf = [](const char *body) {
        const QByteArray frame = QByteArray(R"({"v":1,"type":"event","data":)") + body + "}";
        const Result r = decodeFrame(frame);
        EXPECT_EQ(r.error, DecodeError::None) << body;
        return bodyOf<LiveEvent>(r).role;
    };
    EXPECT_EQ(roleOf(R"({"role":"couple"})"), QStringLiteral("couple"));
    EXPECT_EQ(roleOf(R"({"userType":"supplier"})"), QStringLiteral("supplier"));
    EXPECT_EQ(roleOf(R"({"user_type":"vendor"})"), QStringLiteral("supplier"));
    EXPECT_EQ(roleOf(R"({"metadata":{"user_type":"couple"}})"), QStringLiteral("couple"));
    EXPECT_EQ(roleOf(R"({"metadata":{"role":"couple","vendorType":"florist"}})"), QStringLiteral("couple"));
    EXPECT_EQ(roleOf(R"({"role":"couple","metadata":{"role":"supplier"}})"), QStringLiteral("couple"));
    EXPECT_EQ(roleOf(R"({"metadata":{"vendorType":"florist"}})"), QStringLiteral("supplier"));
    EXPECT_EQ(roleOf(R"({"metadata":{"vendorType":null}})"), QString());
    EXPECT_EQ(roleOf(R"({"metadata":{"source":"ads"}})"), QString());
}

TEST(Decoder, LocationDirectlyInTheBody)
{
    const Result r = decodeFrame(R"({"type":"new_signup","payload":{"country":"IT","city":"Rome","lat":41.9,"lng":12.5}})");
    ASSERT_EQ(r.error, DecodeError::None);
    const auto &e = bodyOf<LiveEvent>(r);
    EXPECT_EQ(e.location.country, QStringLiteral("IT"));
    EXPECT_EQ(e.location.city, QStringLiteral("Rome"));
    EXPECT_EQ(e.location.lat, 41.9);
    EXPECT_EQ(e.location.lon, 12.5);
}

TEST(Decoder, MetadataOtherThanAnObjectIsKeptRaw)
{
    const Result array = decodeFrame(R"({"v":1,"type":"event","data":{"metadata":[1, "two"] }})");
    ASSERT_EQ(array.error, DecodeError::None);
    EXPECT_EQ(bodyOf<LiveEvent>(array).metadataJson, QStringLiteral(R"([1, "two"])"));
    const Result scalar = decodeFrame(R"({"v":1,"type":"event","data":{"metadata":"note" , "id":"x"}})");
    ASSERT_EQ(scalar.error, DecodeError::None);
    EXPECT_EQ(bodyOf<LiveEvent>(scalar).metadataJson, QStringLiteral(R"("note")"));
    EXPECT_EQ(bodyOf<LiveEvent>(scalar).id, QStringLiteral("x"));
}

TEST(Decoder, UnicodeAndEscapes)
{
    const Result r = decodeFrame(R"({"v":1,"type":"event","data":{"user_name":"Ren\u00e9e \ud83d\ude00 \"Q\"","description":"a\\b\nc"}})");
    ASSERT_EQ(r.error, DecodeError::None);
    const auto &e = bodyOf<LiveEvent>(r);
    EXPECT_EQ(e.userName, QString::fromUtf8("Renée \xF0\x9F\x98\x80 \"Q\""));
    EXPECT_EQ(e.description, QStringLiteral("a\\b\nc"));
}

TEST(Decoder, NumericIdsKeepTheirText)
{
    const Result r = decodeFrame(R"({"type":"system_alert","payload":{"id":4711,"userId":12}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(bodyOf<AlertInfo>(r).id, QStringLiteral("4711"));
}

TEST(Decoder, Timestamps)
{
    const qint64 shift = 60'000;
    const auto timeOf = [](const char *frame, qint64 shiftMs) {
        const Result r = decodeFrame(frame, kReceivedMs, shiftMs);
        EXPECT_EQ(r.error, DecodeError::None) << frame;
        return r.message.tsMs;
    };
    const qint64 envelope = rfc("2026-11-22T20:03:10.123Z");
    EXPECT_EQ(timeOf(R"({"v":1,"type":"ping","ts":"2026-11-22T20:03:10.123Z"})", 0), envelope);
    EXPECT_EQ(timeOf(R"({"v":1,"type":"ping","ts":"2026-11-22T20:03:10.123Z"})", shift), envelope + shift);
    EXPECT_EQ(timeOf(R"({"v":1,"type":"ping","ts":"2026-11-22T21:03:10.123+01:00"})", 0), envelope);
    // The envelope wins over the body.
    EXPECT_EQ(timeOf(R"({"v":1,"type":"event","ts":"2026-11-22T20:03:10.123Z","data":{"timestamp":"2020-01-01T00:00:00Z"}})", 0), envelope);
    EXPECT_EQ(timeOf(R"({"type":"new_signup","payload":{"timestamp":"2026-11-22T20:03:10.123Z"}})", shift), envelope + shift);
    EXPECT_EQ(timeOf(R"({"type":"new_signup","payload":{"ts":"2026-11-22T20:03:10.123Z"}})", 0), envelope);
    EXPECT_EQ(timeOf(R"({"type":"new_signup","payload":{"timestamp":1700000000}})", 0), 1'700'000'000'000);
    EXPECT_EQ(timeOf(R"({"type":"new_signup","payload":{"timestamp":1700000000.25}})", 0), 1'700'000'000'250);
    EXPECT_EQ(timeOf(R"({"type":"new_signup","payload":{"timestamp":1700000000123}})", shift), 1'700'000'000'123 + shift);
    EXPECT_EQ(timeOf(R"({"v":1,"type":"ping","ts":1700000000123})", 0), 1'700'000'000'123);
    EXPECT_EQ(timeOf(R"({"type":"new_signup","payload":{"id":"x"}})", 0), kReceivedMs);
    EXPECT_EQ(timeOf(R"({"type":"new_signup","payload":{"id":"x"}})", shift), kReceivedMs + shift);
    // A time inside a snapshot's parts is not the snapshot's time.
    EXPECT_EQ(timeOf(R"({"v":1,"type":"snapshot","data":{"metrics":{"ts":"2020-01-01T00:00:00Z"}}})", 0), kReceivedMs);
}

TEST(Decoder, MalformedFramesGiveTheirReason)
{
    const std::pair<const char *, DecodeError> cases[] = {
        {"", DecodeError::EmptyFrame},
        {" \t\r\n ", DecodeError::EmptyFrame},
        {R"({"type":"ping")", DecodeError::InvalidJson},
        {R"({"type":"ping",})", DecodeError::InvalidJson},
        {R"({"type":"ping"} x)", DecodeError::InvalidJson},
        {R"({"type":"ping"}{})", DecodeError::InvalidJson},
        {R"({"type":"ping","data":{"a":[1,2,}})", DecodeError::InvalidJson},
        {R"({"type":"ping","data":{"a":tru}})", DecodeError::InvalidJson},
        {R"({"type":"ping","data":{"a":nul}})", DecodeError::InvalidJson},
        {R"({"type":"ping","data":{"a":"\x"}})", DecodeError::InvalidJson},
        {R"({"type":"ping","data":{"a":01}})", DecodeError::InvalidJson},
        {"[1,2]", DecodeError::NotAnObject},
        {"\"str\"", DecodeError::NotAnObject},
        {"42", DecodeError::NotAnObject},
        {"null", DecodeError::NotAnObject},
        {"[1,2", DecodeError::InvalidJson},
        {R"({"type":"ping","data":{"a":[{"x":1}{"y":2}]}})", DecodeError::InvalidJson},
        {R"({"type":"ping","data":{"a" 1}})", DecodeError::InvalidJson},
        {R"({"type":"ping" "data":{}})", DecodeError::InvalidJson},
        {"{\"type\":\"ping\",\"x\":\"\xff\"}", DecodeError::InvalidUtf8},
        {"{}", DecodeError::MissingType},
        {R"({"type":5})", DecodeError::MissingType},
        {R"({"type":""})", DecodeError::MissingType},
        {R"({"type":null})", DecodeError::MissingType},
        {R"({"v":2,"type":"event"})", DecodeError::UnsupportedVersion},
        {R"({"v":"1","type":"event"})", DecodeError::UnsupportedVersion},
        {R"({"v":1.5,"type":"event"})", DecodeError::UnsupportedVersion},
        {R"({"type":"event","seq":"x"})", DecodeError::BadField},
        {R"({"type":"event","seq":1.5})", DecodeError::BadField},
        {R"({"type":"event","seq":-3})", DecodeError::BadField},
        {R"({"type":"event","data":5})", DecodeError::BadField},
        {R"({"type":"event","data":[1]})", DecodeError::BadField},
        {R"({"type":"event","payload":"x"})", DecodeError::BadField},
        {R"({"type":"event","ts":"yesterday"})", DecodeError::BadField},
        {R"({"type":"event","ts":true})", DecodeError::BadField},
        {R"({"v":1,"type":"alert","data":{"severity":"error","message":"no id"}})", DecodeError::BadField},
        {R"({"v":1,"type":"alert"})", DecodeError::BadField},
        {R"({"type":"system_alert","payload":{"id":""}})", DecodeError::BadField},
        {R"({"v":1,"type":"alert_resolved","data":{"reason":"x"}})", DecodeError::BadField},
        {R"({"v":1,"type":"alert_ack","data":{"by":"anna"}})", DecodeError::BadField},
        {R"({"v":1,"type":"alert_ack"})", DecodeError::BadField},
        {R"({"v":1,"type":"alert","data":{"id":"a","auto_resolve":"yes"}})", DecodeError::BadField},
        {R"({"v":1,"type":"alert","data":{"id":"a","affected_users":"many"}})", DecodeError::BadField},
        {R"({"v":1,"type":"event","data":{"value":"12.50"}})", DecodeError::BadField},
        {R"({"v":1,"type":"event","data":{"location":{"lat":"north"}}})", DecodeError::BadField},
        {R"({"v":1,"type":"event","data":{"location":"Paris"}})", DecodeError::BadField},
        {R"({"v":1,"type":"metrics","data":{"cpu_percent":"high"}})", DecodeError::BadField},
        {R"({"v":1,"type":"metrics","data":{"cpu":[1]}})", DecodeError::BadField},
        {R"({"v":1,"type":"active_users","data":{"current":"42"}})", DecodeError::BadField},
        {R"({"v":1,"type":"active_users","data":{"locations":{"lat":1}}})", DecodeError::BadField},
        {R"({"v":1,"type":"progress","data":{"percent":"half"}})", DecodeError::BadField},
        {R"({"v":1,"type":"notification","data":{"read":1}})", DecodeError::BadField},
        {R"({"v":1,"type":"hello","data":{"heartbeat_ms":"15s"}})", DecodeError::BadField},
    };
    Decoder decoder;
    for (const auto &[frame, expected] : cases) {
        Message message;
        EXPECT_EQ(decoder.decode(QByteArrayView(frame), kReceivedMs, 0, message), expected)
            << frame << " gave " << decodeErrorName(decoder.decode(QByteArrayView(frame), kReceivedMs, 0, message)).data();
    }
}

TEST(Decoder, SnapshotKeepsItsGoodPartsAndCountsBadItems)
{
    const Result r = decodeFrame(R"({"v":1,"type":"snapshot","seq":9,"data":{
        "counters":{"signups":3},
        "alerts":[{"id":"a1","severity":"critical"},{"message":"no id"},{"id":"a2","severity":"info"}],
        "events":[5,{"id":"e1","type":"signup"},{"id":"e2","value":"not a number"}]}})");
    ASSERT_EQ(r.error, DecodeError::None);
    const auto &s = bodyOf<SnapshotInfo>(r);
    EXPECT_EQ(s.skippedItems, 3);
    ASSERT_EQ(s.alerts.size(), 2u);
    EXPECT_EQ(s.alerts[0].id, QStringLiteral("a1"));
    EXPECT_EQ(s.alerts[1].id, QStringLiteral("a2"));
    ASSERT_EQ(s.events.size(), 1u);
    EXPECT_EQ(s.events[0].id, QStringLiteral("e1"));
    EXPECT_EQ(valueOf(s.counters, "signups"), 3);
}

TEST(Decoder, NullsAreAbsentValues)
{
    const Result r = decodeFrame(R"({"v":1,"type":"event","seq":null,"ts":null,"data":{"id":"e","value":null,"user_name":null,"location":null,"metadata":null}})");
    ASSERT_EQ(r.error, DecodeError::None);
    EXPECT_EQ(r.message.seq, -1);
    EXPECT_EQ(r.message.tsMs, kReceivedMs);
    const auto &e = bodyOf<LiveEvent>(r);
    EXPECT_TRUE(qIsNaN(e.value));
    EXPECT_TRUE(e.userName.isEmpty());
    EXPECT_TRUE(e.metadataJson.isEmpty());
    EXPECT_TRUE(e.location.isEmpty());
}

TEST(Decoder, EveryTruncationIsRejected)
{
    const QByteArray frames[] = {
        R"({"v":1,"type":"event","seq":17,"ts":"2026-11-22T20:03:10.123Z","data":{"id":"ev-1","type":"payment","user_name":"L\u00e9a \"x\"","value":250.5,"location":{"lat":48.85,"lon":2.35},"metadata":{"a":[1,true,null]}}})",
        R"({"type":"metrics","data":{"revenue":{"total":125000.50,"today":5420},"activeUsers":{"current":42},"timestamp":"2025-11-04T10:30:00.000Z"}})",
        R"({"v":1,"type":"snapshot","data":{"counters":{"signups":1},"alerts":[{"id":"a","severity":"info"}],"events":[{"id":"e"}]}})",
    };
    Decoder decoder;
    for (const QByteArray &frame : frames) {
        Message message;
        ASSERT_EQ(decoder.decode(frame, kReceivedMs, 0, message), DecodeError::None) << frame.constData();
        for (qsizetype length = 0; length < frame.size(); ++length) {
            const DecodeError error = decoder.decode(QByteArrayView(frame.constData(), length), kReceivedMs, 0, message);
            EXPECT_TRUE(error == DecodeError::InvalidJson || (length == 0 && error == DecodeError::EmptyFrame))
                << "prefix " << length << " of " << frame.constData() << " gave " << decodeErrorName(error).data();
        }
        // The decoder is still usable after all those failures.
        EXPECT_EQ(decoder.decode(frame, kReceivedMs, 0, message), DecodeError::None);
    }
}

TEST(Decoder, RandomBytesAndMutationsNeverCrash)
{
    QRandomGenerator random(42);
    Decoder decoder;
    Message message;
    for (int i = 0; i < 2000; ++i) {
        QByteArray bytes(random.bounded(1, 200), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        EXPECT_NE(decoder.decode(bytes, kReceivedMs, 0, message), DecodeError::None);
    }
    const QByteArray valid = R"({"v":1,"type":"alert","seq":3,"data":{"id":"a","severity":"critical","message":"m","affected_users":4,"auto_resolve":true}})";
    for (int i = 0; i < 5000; ++i) {
        QByteArray mutated = valid;
        for (int flips = random.bounded(1, 4); flips > 0; --flips)
            mutated[random.bounded(mutated.size())] = char(random.bounded(256));
        const DecodeError error = decoder.decode(mutated, kReceivedMs, 0, message);
        EXPECT_LE(int(error), int(DecodeError::BadField));
    }
    EXPECT_EQ(decoder.decode(valid, kReceivedMs, 0, message), DecodeError::None);
}

TEST(Decoder, DeepNestingIsRejectedWithoutCrashing)
{
    const QByteArray deep = R"({"type":"event","data":{"metadata":)" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}}";
    EXPECT_EQ(decodeFrame(deep).error, DecodeError::InvalidJson);
}

TEST(Decoder, ReusesItsBufferAcrossFrameSizes)
{
    Decoder decoder;
    const QByteArray longText(100'000, 'x');
    const QByteArray bigFrame = R"({"v":1,"type":"event","data":{"description":")" + longText + "\"}}";
    const Result big = decodeFrame(decoder, bigFrame);
    ASSERT_EQ(big.error, DecodeError::None);
    EXPECT_EQ(bodyOf<LiveEvent>(big).description.size(), 100'000);
    const Result small = decodeFrame(decoder, R"({"v":1,"type":"event","data":{"description":"short"}})");
    ASSERT_EQ(small.error, DecodeError::None);
    EXPECT_EQ(bodyOf<LiveEvent>(small).description, QStringLiteral("short"));
}
