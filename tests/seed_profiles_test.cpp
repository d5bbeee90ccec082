#include "feed/SeedProfiles.h"

#include <gtest/gtest.h>

using namespace vantage;

TEST(SeedProfiles, MapsSeed000EventTypesToCanonicalEvents)
{
    const std::pair<std::string_view, std::string_view> expected[] = {
        {"new_signup", "signup"},
        {"payment_success", "payment"},
        {"form_submission", "form_submission"},
        {"form_submitted", "form_submission"},
        {"form_response", "form_submission"},
        {"invitation_sent", "invitation"},
        {"invitation", "invitation"},
    };
    for (const auto &[wire, eventType] : expected) {
        const SeedProfile *profile = findSeedProfile(wire);
        ASSERT_NE(profile, nullptr) << wire;
        EXPECT_EQ(profile->kind, MessageKind::Event) << wire;
        EXPECT_EQ(profile->eventType, eventType) << wire;
        EXPECT_EQ(profile->shape, BodyShape::Standard) << wire;
    }
}

TEST(SeedProfiles, MapsSeed000StateTypesToTheirKinds)
{
    const std::pair<std::string_view, MessageKind> expected[] = {
        {"system_alert", MessageKind::Alert},
        {"system_metrics", MessageKind::Metrics},
        {"active_users", MessageKind::ActiveUsers},
        {"alert_resolved", MessageKind::AlertResolved},
    };
    for (const auto &[wire, kind] : expected) {
        const SeedProfile *profile = findSeedProfile(wire);
        ASSERT_NE(profile, nullptr) << wire;
        EXPECT_EQ(profile->kind, kind) << wire;
        EXPECT_TRUE(profile->eventType.empty()) << wire;
    }
}

TEST(SeedProfiles, MapsSeed002MetricsToANestedTotalsSnapshot)
{
    const SeedProfile *metrics = findSeedProfile("metrics");
    ASSERT_NE(metrics, nullptr);
    EXPECT_EQ(metrics->kind, MessageKind::Snapshot);
    EXPECT_EQ(metrics->shape, BodyShape::NestedTotals);
    ASSERT_NE(findSeedProfile("ping"), nullptr);
    EXPECT_EQ(findSeedProfile("ping")->kind, MessageKind::Ping);
    ASSERT_NE(findSeedProfile("pong"), nullptr);
    EXPECT_EQ(findSeedProfile("pong")->kind, MessageKind::Pong);
}

TEST(SeedProfiles, MapsSeed003SseEvents)
{
    const SeedProfile *connected = findSeedProfile("connected");
    ASSERT_NE(connected, nullptr);
    EXPECT_EQ(connected->kind, MessageKind::Hello);
    EXPECT_EQ(connected->shape, BodyShape::Standard);
    const SeedProfile *stats = findSeedProfile("stats");
    ASSERT_NE(stats, nullptr);
    EXPECT_EQ(stats->kind, MessageKind::Snapshot);
    EXPECT_EQ(stats->shape, BodyShape::NestedTotals);
    EXPECT_TRUE(stats->eventType.empty());
    // Seed 003's "event" is the protocol's own event (its type read from "eventType"), and its
    // "ping" is seed 002's.
    EXPECT_EQ(findSeedProfile("event"), nullptr);
    EXPECT_EQ(protocolKind("event"), MessageKind::Event);
    ASSERT_NE(findSeedProfile("ping"), nullptr);
    EXPECT_EQ(findSeedProfile("ping")->kind, MessageKind::Ping);
}

TEST(SeedProfiles, UnknownTypesHaveNoProfile)
{
    EXPECT_EQ(findSeedProfile("deploy_started"), nullptr);
    EXPECT_EQ(findSeedProfile(""), nullptr);
    EXPECT_EQ(findSeedProfile("NEW_SIGNUP"), nullptr);
}

TEST(SeedProfiles, ProtocolKindsMatchTheirNames)
{
    const MessageKind kinds[] = {MessageKind::Hello, MessageKind::Snapshot, MessageKind::Event,
                                 MessageKind::Metrics, MessageKind::ActiveUsers, MessageKind::Alert,
                                 MessageKind::AlertResolved, MessageKind::AlertAck, MessageKind::Progress,
                                 MessageKind::Notification, MessageKind::Ping, MessageKind::Pong};
    for (const MessageKind kind : kinds) {
        const QLatin1String name = messageKindName(kind);
        EXPECT_EQ(protocolKind(std::string_view(name.data(), size_t(name.size()))), kind) << name.data();
    }
    EXPECT_FALSE(protocolKind("new_signup"));
    EXPECT_FALSE(protocolKind("Event"));
}

TEST(SeedProfiles, FieldAliasesAcceptBothSpellings)
{
    EXPECT_EQ(fieldForKey("userId"), Field::UserId);
    EXPECT_EQ(fieldForKey("user_id"), Field::UserId);
    EXPECT_EQ(fieldForKey("userName"), Field::UserName);
    EXPECT_EQ(fieldForKey("user_name"), Field::UserName);
    EXPECT_EQ(fieldForKey("affectedUsers"), Field::AffectedUsers);
    EXPECT_EQ(fieldForKey("affected_users"), Field::AffectedUsers);
    EXPECT_EQ(fieldForKey("autoResolve"), Field::AutoResolve);
    EXPECT_EQ(fieldForKey("auto_resolve"), Field::AutoResolve);
    EXPECT_EQ(fieldForKey("lng"), Field::Lon);
    EXPECT_EQ(fieldForKey("lon"), Field::Lon);
    EXPECT_EQ(fieldForKey("role"), Field::Role);
    EXPECT_EQ(fieldForKey("userType"), Field::Role);
    EXPECT_EQ(fieldForKey("user_type"), Field::Role);
    EXPECT_EQ(fieldForKey("vendorType"), Field::VendorType);
    EXPECT_EQ(fieldForKey("timestamp"), Field::Timestamp);
    EXPECT_EQ(fieldForKey("ts"), Field::Timestamp);
    EXPECT_EQ(fieldForKey("lastSeq"), Field::LastSeq);
    EXPECT_EQ(fieldForKey("type"), Field::Type);
    EXPECT_EQ(fieldForKey("eventType"), Field::Type);
    EXPECT_EQ(fieldForKey("event_type"), Field::Type);
    EXPECT_EQ(fieldForKey("UserId"), Field::Unknown);
    EXPECT_EQ(fieldForKey("whatever"), Field::Unknown);
}

TEST(SeedProfiles, GaugeAliasesMapToCanonicalNames)
{
    const std::pair<std::string_view, std::string_view> expected[] = {
        {"requestsPerSecond", "requests_per_second"}, {"requests_per_second", "requests_per_second"},
        {"rps", "requests_per_second"}, {"avgResponseTime", "avg_response_ms"},
        {"avg_response_time", "avg_response_ms"}, {"avg_response_ms", "avg_response_ms"},
        {"p95ResponseTime", "p95_response_ms"}, {"p95_response_ms", "p95_response_ms"},
        {"errorRate", "error_rate"}, {"error_rate", "error_rate"}, {"queueDepth", "queue_depth"},
        {"queue_depth", "queue_depth"}, {"cpu", "cpu_percent"}, {"cpuUsage", "cpu_percent"},
        {"cpu_percent", "cpu_percent"}, {"memory", "memory_percent"}, {"memoryUsage", "memory_percent"},
        {"memory_percent", "memory_percent"}, {"p50ResponseTime", "p50_response_ms"},
        {"p50_response_time", "p50_response_ms"}, {"activeConnections", "active_connections"},
        {"active_connections", "active_connections"},
    };
    for (const auto &[alias, canonical] : expected)
        EXPECT_EQ(canonicalGaugeName(alias), canonical) << alias;
    EXPECT_FALSE(canonicalGaugeName("open_connections"));
    EXPECT_FALSE(canonicalGaugeName("revenue.total"));
}

TEST(SeedProfiles, RoleAliasesAndSeverities)
{
    EXPECT_EQ(canonicalRoleName("suppliers"), "supplier");
    EXPECT_EQ(canonicalRoleName("couples"), "couple");
    EXPECT_EQ(canonicalRoleName("vendor"), "supplier");
    EXPECT_FALSE(canonicalRoleName("admin"));

    EXPECT_EQ(severityForName("info"), Severity::Info);
    EXPECT_EQ(severityForName("warning"), Severity::Warning);
    EXPECT_EQ(severityForName("error"), Severity::Error);
    EXPECT_EQ(severityForName("critical"), Severity::Critical);
    EXPECT_EQ(severityForName("CRITICAL"), Severity::Critical);
    EXPECT_EQ(severityForName("catastrophic"), Severity::Warning);
    EXPECT_EQ(severityForName(""), Severity::Warning);
}

TEST(SeedProfiles, Seed002TotalsRules)
{
    const TotalsRule *revenue = findTotalsRule("revenue.today");
    ASSERT_NE(revenue, nullptr);
    EXPECT_EQ(revenue->counter, "revenue");
    EXPECT_FALSE(revenue->isActiveUsersCurrent);
    const TotalsRule *users = findTotalsRule("activeUsers.current");
    ASSERT_NE(users, nullptr);
    EXPECT_EQ(users->counter, "active_users");
    EXPECT_TRUE(users->isActiveUsersCurrent);
    EXPECT_EQ(findTotalsRule("revenue.total"), nullptr);
}

TEST(SeedProfiles, Seed003TotalsRules)
{
    // Seed 003's "stats" sends activeUsers as a number at the top, not as an object.
    const TotalsRule *users = findTotalsRule("activeUsers");
    ASSERT_NE(users, nullptr);
    EXPECT_EQ(users->counter, "active_users");
    EXPECT_TRUE(users->isActiveUsersCurrent);
    EXPECT_EQ(findTotalsRule("onlineUsers"), nullptr);
    EXPECT_EQ(findTotalsRule("messagesToday"), nullptr);
}
