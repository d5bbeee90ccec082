#include "models/AlertRule.h"

#include <gtest/gtest.h>

#include <limits>

using vantage::AlertRule;
using vantage::Severity;

namespace {

AlertRule cpuRule()
{
    AlertRule rule;
    rule.id = QStringLiteral("cpu.high");
    rule.metric = QStringLiteral("cpu_percent");
    rule.fireAt = 70.0;
    rule.resolveAt = 63.0;
    rule.forMs = 60'000;
    rule.repeatAfterMs = 600'000;
    rule.message = QStringLiteral("CPU {value}% is above {threshold}%");
    rule.unit = QStringLiteral("%");
    return rule;
}

const AlertRule *findRule(const std::vector<AlertRule> &rules, const char *id)
{
    for (const AlertRule &rule : rules) {
        if (rule.id == QLatin1String(id))
            return &rule;
    }
    return nullptr;
}

} // namespace

TEST(AlertRule, DefaultsAreValidAndFollowSeed000)
{
    const std::vector<AlertRule> rules = AlertRule::defaults();
    ASSERT_EQ(rules.size(), 4u);
    for (const AlertRule &rule : rules) {
        EXPECT_EQ(rule.validate(), QString()) << qPrintable(rule.id);
        EXPECT_TRUE(rule.enabled);
        EXPECT_EQ(rule.direction, AlertRule::Direction::Above);
        EXPECT_EQ(rule.forMs, 60'000);
        EXPECT_EQ(rule.repeatAfterMs, 600'000);
        EXPECT_DOUBLE_EQ(rule.resolveAt, rule.fireAt * 0.9) << qPrintable(rule.id);
    }
    struct Expected
    {
        const char *id;
        const char *metric;
        double fireAt;
        Severity severity;
    };
    // LoadMonitor.SCALE_THRESHOLDS: responseTime 2000, errorRate 2, cpu 70, memory 80.
    const Expected expected[] = {
        {"avg_response_ms.high", "avg_response_ms", 2000.0, Severity::Warning},
        {"error_rate.high", "error_rate", 2.0, Severity::Critical},
        {"cpu_percent.high", "cpu_percent", 70.0, Severity::Warning},
        {"memory_percent.high", "memory_percent", 80.0, Severity::Warning},
    };
    for (const Expected &e : expected) {
        const AlertRule *rule = findRule(rules, e.id);
        ASSERT_NE(rule, nullptr) << e.id;
        EXPECT_EQ(rule->metric, QLatin1String(e.metric));
        EXPECT_DOUBLE_EQ(rule->fireAt, e.fireAt);
        EXPECT_EQ(rule->severity, e.severity);
    }
}

TEST(AlertRule, DefaultMessagesReadWell)
{
    const std::vector<AlertRule> rules = AlertRule::defaults();
    EXPECT_EQ(findRule(rules, "avg_response_ms.high")->messageFor(2150.4),
              QStringLiteral("Average response time 2,150 ms is above 2,000 ms"));
    EXPECT_EQ(findRule(rules, "error_rate.high")->messageFor(2.35),
              QStringLiteral("Error rate 2.35% is above 2%"));
    EXPECT_EQ(findRule(rules, "avg_response_ms.high")->resolveReason(),
              QStringLiteral("back below 1,800 ms"));
    EXPECT_EQ(findRule(rules, "error_rate.high")->resolveReason(), QStringLiteral("back below 1.8%"));
}

TEST(AlertRule, ValidRuleHasNoMessage)
{
    EXPECT_EQ(cpuRule().validate(), QString());
    AlertRule noHysteresis = cpuRule();
    noHysteresis.resolveAt = noHysteresis.fireAt;
    noHysteresis.forMs = 0;
    noHysteresis.repeatAfterMs = 0;
    EXPECT_EQ(noHysteresis.validate(), QString());
}

TEST(AlertRule, ValidateNamesTheFault)
{
    const auto messageFor = [](auto change) {
        AlertRule rule = cpuRule();
        change(rule);
        return rule.validate();
    };
    EXPECT_EQ(messageFor([](AlertRule &r) { r.id.clear(); }), QStringLiteral("id is empty"));
    EXPECT_EQ(messageFor([](AlertRule &r) { r.metric.clear(); }), QStringLiteral("metric is empty"));
    EXPECT_EQ(messageFor([](AlertRule &r) { r.fireAt = qQNaN(); }),
              QStringLiteral("fireAt is not a finite number"));
    EXPECT_EQ(messageFor([](AlertRule &r) { r.resolveAt = std::numeric_limits<double>::infinity(); }),
              QStringLiteral("resolveAt is not a finite number"));
    EXPECT_EQ(
        messageFor([](AlertRule &r) { r.resolveAt = 70.5; }),
        QStringLiteral("resolveAt (70.5) is above fireAt (70): an \"above\" rule must resolve at or below "
                       "where it fires"));
    EXPECT_EQ(
        messageFor([](AlertRule &r) {
            r.direction = AlertRule::Direction::Below;
            r.fireAt = 20;
            r.resolveAt = 19.99;
        }),
        QStringLiteral("resolveAt (19.99) is below fireAt (20): a \"below\" rule must resolve at or above "
                       "where it fires"));
    EXPECT_EQ(messageFor([](AlertRule &r) { r.forMs = -1; }), QStringLiteral("forMs is negative (-1)"));
    EXPECT_EQ(messageFor([](AlertRule &r) { r.repeatAfterMs = -600; }),
              QStringLiteral("repeatAfterMs is negative (-600)"));
    EXPECT_EQ(messageFor([](AlertRule &r) { r.message.clear(); }), QStringLiteral("message is empty"));
}

TEST(AlertRule, ThresholdsAreInclusiveForFiringAndStrictForResolving)
{
    const AlertRule above = cpuRule();
    EXPECT_TRUE(above.breaches(70.0));
    EXPECT_FALSE(above.breaches(69.99));
    EXPECT_FALSE(above.clears(63.0));
    EXPECT_TRUE(above.clears(62.99));

    AlertRule below = cpuRule();
    below.direction = AlertRule::Direction::Below;
    below.fireAt = 10.0;
    below.resolveAt = 15.0;
    EXPECT_TRUE(below.breaches(10.0));
    EXPECT_FALSE(below.breaches(10.01));
    EXPECT_FALSE(below.clears(15.0));
    EXPECT_TRUE(below.clears(15.01));
    below.unit.clear();
    EXPECT_EQ(below.resolveReason(), QStringLiteral("back above 15"));
}

TEST(AlertRule, MessageTemplateIsPlainTextWithPlaceholders)
{
    AlertRule rule = cpuRule();
    rule.message = QStringLiteral("<b>{value}</b> vs {threshold}, again {value}");
    EXPECT_EQ(rule.messageFor(91.0), QStringLiteral("<b>91</b> vs 70, again 91"));
    rule.message = QStringLiteral("CPU is busy");
    EXPECT_EQ(rule.messageFor(91.0), QStringLiteral("CPU is busy"));
}

TEST(AlertRule, NumbersUseFewerDecimalsTheLargerTheyAre)
{
    EXPECT_EQ(AlertRule::formatNumber(12345.6), QStringLiteral("12,346"));
    EXPECT_EQ(AlertRule::formatNumber(150.0), QStringLiteral("150"));
    EXPECT_EQ(AlertRule::formatNumber(71.3), QStringLiteral("71.3"));
    EXPECT_EQ(AlertRule::formatNumber(12.0), QStringLiteral("12"));
    EXPECT_EQ(AlertRule::formatNumber(2.5), QStringLiteral("2.5"));
    EXPECT_EQ(AlertRule::formatNumber(0.27), QStringLiteral("0.27"));
    EXPECT_EQ(AlertRule::formatNumber(-3.5), QStringLiteral("-3.5"));
    EXPECT_EQ(AlertRule::formatNumber(0.0), QStringLiteral("0"));
    EXPECT_EQ(AlertRule::formatNumber(qQNaN()), QStringLiteral("\u2014"));
}
