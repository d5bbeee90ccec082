#pragma once

#include "feed/Message.h"

#include <optional>
#include <string_view>

namespace vantage {

// Declarative tables that map the wire vocabulary (protocol v1 and the accepted seed shapes,
// docs/protocol.md "Accepted seed shapes") onto Message. The decoder holds no spellings of its own.

// How a body is read once its kind is known.
enum class BodyShape : quint8 {
    Standard,       // the v1 body of the kind, with field aliases
    NestedTotals,   // seed 002 "metrics", seed 003 "stats": every numeric leaf is a dotted gauge, some are counters
};

// A wire type sent without "v", e.g. {"type":"new_signup","payload":{...}}.
struct SeedProfile
{
    std::string_view wireType;
    MessageKind kind;
    std::string_view eventType; // LiveEvent::type for Event kinds; empty otherwise
    BodyShape shape;
};

// The seed profile of a wire type, or nullptr when no seed sends it.
const SeedProfile *findSeedProfile(std::string_view wireType);

// The kind of a protocol v1 type name ("hello", "alert_resolved", ...).
std::optional<MessageKind> protocolKind(std::string_view wireType);

// A body field, whatever its spelling on the wire (camelCase, snake_case, seed names).
enum class Field : quint8 {
    Unknown,
    Id, Type, UserId, UserName, Role, VendorType, Description, Value, Currency,
    Location, Lat, Lon, Country, City, Metadata, Timestamp,
    Severity, Message, AffectedUsers, AutoResolve, Reason,
    JobId, Label, Status, Percent, Completed, Total,
    Title, Body, Read,
    Protocol, Epoch, LastSeq, HeartbeatMs, Server, Accepts,
    By, Comment,
    Current, ByRole, Locations, Trend,
    Counters, Metrics, ActiveUsers, Alerts, Events,
};

Field fieldForKey(std::string_view key);

// The canonical gauge name of a metrics key ("avgResponseTime" -> "avg_response_ms"), or
// nullopt when the key is not one of the canonical gauges (it then keeps its own name).
std::optional<std::string_view> canonicalGaugeName(std::string_view key);

// The canonical role of a per-role count or role name ("suppliers" -> "supplier"), or nullopt.
std::optional<std::string_view> canonicalRoleName(std::string_view name);

// The severity of an alert's "severity" text, case-insensitive; unknown names are a Warning.
Severity severityForName(std::string_view name);

// A NestedTotals leaf (by its dotted path) that is also a snapshot counter.
struct TotalsRule
{
    std::string_view path;       // "revenue.today" (seed 002), "activeUsers" (seed 003)
    std::string_view counter;    // "revenue"
    bool isActiveUsersCurrent;   // also ActiveUsersUpdate::current
};

const TotalsRule *findTotalsRule(std::string_view path);

} // namespace vantage
