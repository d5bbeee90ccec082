#include "feed/SeedProfiles.h"

namespace vantage {

namespace {

using namespace std::string_view_literals;

constexpr SeedProfile kSeedProfiles[] = {
    // Seed 000 (RealtimeMonitor): {type, payload} or {type, data}.
    {"new_signup"sv, MessageKind::Event, "signup"sv, BodyShape::Standard},
    {"payment_success"sv, MessageKind::Event, "payment"sv, BodyShape::Standard},
    {"form_submission"sv, MessageKind::Event, "form_submission"sv, BodyShape::Standard},
    {"form_submitted"sv, MessageKind::Event, "form_submission"sv, BodyShape::Standard},
    {"form_response"sv, MessageKind::Event, "form_submission"sv, BodyShape::Standard},
    {"invitation_sent"sv, MessageKind::Event, "invitation"sv, BodyShape::Standard},
    {"invitation"sv, MessageKind::Event, "invitation"sv, BodyShape::Standard},
    {"system_alert"sv, MessageKind::Alert, {}, BodyShape::Standard},
    {"system_metrics"sv, MessageKind::Metrics, {}, BodyShape::Standard},
    {"active_users"sv, MessageKind::ActiveUsers, {}, BodyShape::Standard},
    {"alert_resolved"sv, MessageKind::AlertResolved, {}, BodyShape::Standard},
    // Seed 002 (realtime metrics): a whole-state update and JSON heartbeats.
    {"metrics"sv, MessageKind::Snapshot, {}, BodyShape::NestedTotals},
    {"ping"sv, MessageKind::Ping, {}, BodyShape::Standard},
    {"pong"sv, MessageKind::Pong, {}, BodyShape::Standard},
    // Seed 003 (workspace analytics over SSE): SseSource wraps each named event as {type, data}.
    // Its "event" is the v1 "event" (the type comes from "eventType") and its "ping" is the one
    // above; its JSON snapshot endpoint arrives as "stats" through SnapshotPollSource.
    {"connected"sv, MessageKind::Hello, {}, BodyShape::Standard},
    {"stats"sv, MessageKind::Snapshot, {}, BodyShape::NestedTotals},
};

struct FieldSpelling
{
    std::string_view key;
    Field field;
};

constexpr FieldSpelling kFieldSpellings[] = {
    {"id"sv, Field::Id},
    {"type"sv, Field::Type}, {"eventType"sv, Field::Type}, {"event_type"sv, Field::Type},
    {"user_id"sv, Field::UserId}, {"userId"sv, Field::UserId},
    {"user_name"sv, Field::UserName}, {"userName"sv, Field::UserName},
    {"role"sv, Field::Role}, {"user_type"sv, Field::Role}, {"userType"sv, Field::Role},
    {"vendor_type"sv, Field::VendorType}, {"vendorType"sv, Field::VendorType},
    {"description"sv, Field::Description},
    {"value"sv, Field::Value},
    {"currency"sv, Field::Currency},
    {"location"sv, Field::Location},
    {"lat"sv, Field::Lat}, {"latitude"sv, Field::Lat},
    {"lon"sv, Field::Lon}, {"lng"sv, Field::Lon}, {"longitude"sv, Field::Lon},
    {"country"sv, Field::Country},
    {"city"sv, Field::City},
    {"metadata"sv, Field::Metadata},
    {"timestamp"sv, Field::Timestamp}, {"ts"sv, Field::Timestamp},
    {"severity"sv, Field::Severity},
    {"message"sv, Field::Message},
    {"affected_users"sv, Field::AffectedUsers}, {"affectedUsers"sv, Field::AffectedUsers},
    {"auto_resolve"sv, Field::AutoResolve}, {"autoResolve"sv, Field::AutoResolve},
    {"reason"sv, Field::Reason},
    {"job_id"sv, Field::JobId}, {"jobId"sv, Field::JobId},
    {"label"sv, Field::Label},
    {"status"sv, Field::Status},
    {"percent"sv, Field::Percent},
    {"completed"sv, Field::Completed},
    {"total"sv, Field::Total},
    {"title"sv, Field::Title},
    {"body"sv, Field::Body},
    {"read"sv, Field::Read},
    {"protocol"sv, Field::Protocol},
    {"epoch"sv, Field::Epoch},
    {"last_seq"sv, Field::LastSeq}, {"lastSeq"sv, Field::LastSeq},
    {"heartbeat_ms"sv, Field::HeartbeatMs}, {"heartbeatMs"sv, Field::HeartbeatMs},
    {"server"sv, Field::Server},
    {"accepts"sv, Field::Accepts},
    {"by"sv, Field::By}, {"acknowledged_by"sv, Field::By}, {"acknowledgedBy"sv, Field::By},
    {"comment"sv, Field::Comment},
    {"current"sv, Field::Current},
    {"by_role"sv, Field::ByRole}, {"byRole"sv, Field::ByRole},
    {"locations"sv, Field::Locations},
    {"trend"sv, Field::Trend},
    {"counters"sv, Field::Counters},
    {"metrics"sv, Field::Metrics}, {"systemLoad"sv, Field::Metrics}, {"system_load"sv, Field::Metrics},
    {"active_users"sv, Field::ActiveUsers}, {"activeUsers"sv, Field::ActiveUsers},
    {"alerts"sv, Field::Alerts},
    {"events"sv, Field::Events},
};

struct NameAlias
{
    std::string_view alias;
    std::string_view canonical;
};

constexpr NameAlias kGaugeAliases[] = {
    {"requests_per_second"sv, "requests_per_second"sv},
    {"requestsPerSecond"sv, "requests_per_second"sv},
    {"rps"sv, "requests_per_second"sv},
    {"request_rate"sv, "requests_per_second"sv}, // seed 004
    {"avg_response_ms"sv, "avg_response_ms"sv},
    {"avg_response_time"sv, "avg_response_ms"sv},
    {"avgResponseTime"sv, "avg_response_ms"sv},
    {"p50_response_ms"sv, "p50_response_ms"sv},
    {"p50_response_time"sv, "p50_response_ms"sv},
    {"p50ResponseTime"sv, "p50_response_ms"sv},
    {"p95_response_ms"sv, "p95_response_ms"sv},
    {"p95_response_time"sv, "p95_response_ms"sv},
    {"p95ResponseTime"sv, "p95_response_ms"sv},
    {"error_rate"sv, "error_rate"sv},
    {"errorRate"sv, "error_rate"sv},
    {"queue_depth"sv, "queue_depth"sv},
    {"queueDepth"sv, "queue_depth"sv},
    {"cpu_percent"sv, "cpu_percent"sv},
    {"cpu"sv, "cpu_percent"sv},
    {"cpuUsage"sv, "cpu_percent"sv},
    {"memory_percent"sv, "memory_percent"sv},
    {"memory"sv, "memory_percent"sv},
    {"memoryUsage"sv, "memory_percent"sv},
    {"active_connections"sv, "active_connections"sv}, // seed 004
    {"activeConnections"sv, "active_connections"sv},
};

constexpr NameAlias kRoleAliases[] = {
    {"supplier"sv, "supplier"sv},
    {"suppliers"sv, "supplier"sv},
    {"vendor"sv, "supplier"sv}, // vendors are the marketplace's suppliers
    {"vendors"sv, "supplier"sv},
    {"couple"sv, "couple"sv},
    {"couples"sv, "couple"sv},
};

struct SeverityName
{
    std::string_view name;
    Severity severity;
};

constexpr SeverityName kSeverityNames[] = {
    {"info"sv, Severity::Info},
    {"warning"sv, Severity::Warning},
    {"warn"sv, Severity::Warning},
    {"error"sv, Severity::Error},
    {"critical"sv, Severity::Critical},
};

constexpr TotalsRule kNestedTotals[] = {
    {"revenue.today"sv, "revenue"sv, false},             // seed 002 "metrics"
    {"activeUsers.current"sv, "active_users"sv, true},   // seed 002 "metrics"
    {"activeUsers"sv, "active_users"sv, true},           // seed 003 "stats": a number at the top
};

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

// Every table here is small and read by one key: a linear scan over `keyOf(entry) == key`.
template<typename Entry, std::size_t N, typename KeyOf>
const Entry *findEntry(const Entry (&table)[N], std::string_view key, KeyOf keyOf)
{
    for (const Entry &entry : table) {
        if (keyOf(entry) == key)
            return &entry;
    }
    return nullptr;
}

std::optional<std::string_view> findAlias(const auto &table, std::string_view name)
{
    if (const auto *entry = findEntry(table, name, [](const NameAlias &e) { return e.alias; }))
        return entry->canonical;
    return std::nullopt;
}

} // namespace

const SeedProfile *findSeedProfile(std::string_view wireType)
{
    return findEntry(kSeedProfiles, wireType, [](const SeedProfile &p) { return p.wireType; });
}

std::optional<MessageKind> protocolKind(std::string_view wireType)
{
    // The protocol's names are those of messageKindName(), so there is one table, not two.
    for (int k = int(MessageKind::Hello); k <= int(MessageKind::Pong); ++k) {
        const auto kind = MessageKind(k);
        const QLatin1String name = messageKindName(kind);
        if (std::string_view(name.data(), std::size_t(name.size())) == wireType)
            return kind;
    }
    return std::nullopt;
}

Field fieldForKey(std::string_view key)
{
    const auto *entry = findEntry(kFieldSpellings, key, [](const FieldSpelling &e) { return e.key; });
    return entry ? entry->field : Field::Unknown;
}

std::optional<std::string_view> canonicalGaugeName(std::string_view key)
{
    return findAlias(kGaugeAliases, key);
}

std::optional<std::string_view> canonicalRoleName(std::string_view name)
{
    return findAlias(kRoleAliases, name);
}

Severity severityForName(std::string_view name)
{
    for (const SeverityName &entry : kSeverityNames) {
        if (equalsIgnoringAsciiCase(entry.name, name))
            return entry.severity;
    }
    return Severity::Warning;
}

const TotalsRule *findTotalsRule(std::string_view path)
{
    return findEntry(kNestedTotals, path, [](const TotalsRule &r) { return r.path; });
}

} // namespace vantage
