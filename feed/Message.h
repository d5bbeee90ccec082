#pragma once

#include <QMetaType>
#include <QString>
#include <QtNumeric>

#include <variant>
#include <vector>

namespace vantage {

// Protocol v1 message kinds (docs/protocol.md). Seed shapes are mapped onto these by profiles.
// Hello stays first and Pong last: lookups by name iterate over that range.
enum class MessageKind : quint8 {
    Hello,
    Snapshot,
    Event,
    Metrics,
    ActiveUsers,
    Alert,
    AlertResolved,
    AlertAck,
    Progress,
    Notification,
    Ping,
    Pong,
};

// The protocol's name of a kind ("hello", "event", "alert_resolved", ...).
QLatin1String messageKindName(MessageKind kind);

enum class Severity : quint8 { Info, Warning, Error, Critical };

QLatin1String severityName(Severity severity);

// Equality of a number that is NaN when absent: two absent numbers are equal, so a value
// compares equal to its copy.
inline bool sameNumber(double a, double b)
{
    return a == b || (qIsNaN(a) && qIsNaN(b));
}

struct GeoLocation
{
    double lat = qQNaN();
    double lon = qQNaN();
    QString country; // ISO 3166-1 alpha-2 where the backend sends one, else as sent
    QString city;

    bool hasCoordinates() const { return !qIsNaN(lat) && !qIsNaN(lon); }
    bool isEmpty() const { return !hasCoordinates() && country.isEmpty() && city.isEmpty(); }

    // Not defaulted: coordinates are NaN when absent.
    friend bool operator==(const GeoLocation &a, const GeoLocation &b)
    {
        return sameNumber(a.lat, b.lat) && sameNumber(a.lon, b.lon) && a.country == b.country
            && a.city == b.city;
    }
};

// A named number: a gauge ("requests_per_second"), a counter ("revenue") or a per-role count ("supplier").
struct NamedValue
{
    QString name;
    double value = 0.0;

    friend bool operator==(const NamedValue &a, const NamedValue &b)
    {
        return a.name == b.name && sameNumber(a.value, b.value);
    }
};

// A feed event. Canonical types: "signup", "payment", "form_submission", "invitation";
// any other type is kept as sent and shown as a generic feed event.
struct LiveEvent
{
    QString id;
    QString type;
    QString userId;
    QString userName;
    QString role;        // e.g. "supplier" or "couple" for signups; empty when unknown
    QString description;
    double value = qQNaN(); // amount for payments; NaN when absent
    QString currency;
    GeoLocation location;
    QString metadataJson; // the raw JSON text of "metadata", kept for display and later re-decoding

    // Not defaulted: value is NaN when absent. Every member is compared.
    friend bool operator==(const LiveEvent &a, const LiveEvent &b)
    {
        return a.id == b.id && a.type == b.type && a.userId == b.userId && a.userName == b.userName
            && a.role == b.role && a.description == b.description && sameNumber(a.value, b.value)
            && a.currency == b.currency && a.location == b.location && a.metadataJson == b.metadataJson;
    }
};

// A system-load sample. Canonical gauge names: requests_per_second, avg_response_ms,
// p50_response_ms, p95_response_ms, error_rate (percent), queue_depth, cpu_percent,
// memory_percent, active_connections; any further numeric field arrives under its own name.
struct MetricsSample
{
    std::vector<NamedValue> gauges;

    friend bool operator==(const MetricsSample &, const MetricsSample &) = default;
};

struct ActiveUsersUpdate
{
    double current = qQNaN();
    std::vector<NamedValue> byRole; // {"supplier", 12}, {"couple", 30}
    std::vector<GeoLocation> locations;
    double trend = qQNaN(); // change against one hour ago, as sent
};

struct AlertInfo
{
    QString id;
    Severity severity = Severity::Warning;
    QString message;
    int affectedUsers = 0;
    bool autoResolve = false;
    bool local = false; // raised by a client-side rule (models/AlertRuleEvaluator), not by the server

    friend bool operator==(const AlertInfo &, const AlertInfo &) = default;
};

struct AlertResolvedInfo
{
    QString id;
    QString reason;

    friend bool operator==(const AlertResolvedInfo &, const AlertResolvedInfo &) = default;
};

// An operator's acknowledgement of an alert, as the server shares it with every client
// (docs/protocol.md, "alert_ack"); its time is the message's.
struct AlertAckInfo
{
    QString id;
    QString by;
    QString comment;

    friend bool operator==(const AlertAckInfo &, const AlertAckInfo &) = default;
};

struct ProgressInfo
{
    QString jobId;
    QString label;
    QString status; // "running", "completed", "failed", ...
    double percent = qQNaN();
    qint64 completed = -1;
    qint64 total = -1;
};

struct NotificationInfo
{
    QString id;
    QString userId;
    QString title;
    QString body;
    bool read = false;
};

struct HelloInfo
{
    int version = 1;
    QString epoch;
    qint64 lastSeq = -1;
    int heartbeatMs = 0;
    QString server;
    std::vector<QString> accepts; // message types the server takes from clients, e.g. "alert_ack"
};

// Full dashboard state. Canonical counter names: signups, signups.supplier, signups.couple,
// payments, revenue, form_submissions, invitations, active_users; others arrive under their own name.
struct SnapshotInfo
{
    std::vector<NamedValue> counters;
    MetricsSample metrics;
    ActiveUsersUpdate activeUsers;
    std::vector<AlertInfo> alerts;
    std::vector<LiveEvent> events;
    int skippedItems = 0; // malformed alerts or events left out (counted as "bad_snapshot_item")
};

using MessageBody = std::variant<std::monostate, HelloInfo, SnapshotInfo, LiveEvent, MetricsSample,
                                 ActiveUsersUpdate, AlertInfo, AlertResolvedInfo, AlertAckInfo, ProgressInfo,
                                 NotificationInfo>;

struct Message
{
    MessageKind kind = MessageKind::Event;
    qint64 seq = -1;     // -1 when the frame carried none (seed shapes)
    qint64 tsMs = 0;     // event time, ms since the Unix epoch (receive time when the frame had none)
    QString wireType;    // the "type" as it arrived, e.g. "new_signup"
    MessageBody body;
};

} // namespace vantage
