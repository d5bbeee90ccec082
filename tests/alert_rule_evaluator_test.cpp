#include "models/AlertRuleEvaluator.h"
#include "support/TestClock.h"

#include <gtest/gtest.h>

using vantage::AlertRule;
using vantage::AlertRuleEvaluator;
using vantage::MetricsSample;
using vantage::NamedValue;
using vantage::RuleStats;
using vantage::RuleTransition;
using vantage::Severity;
using vantage::test::TestClock;
using Kind = RuleTransition::Kind;
using Phase = AlertRuleEvaluator::Phase;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;

AlertRule cpuRule(qint64 forMs = 60'000, qint64 repeatAfterMs = 600'000)
{
    AlertRule rule;
    rule.id = QStringLiteral("cpu.high");
    rule.metric = QStringLiteral("cpu_percent");
    rule.fireAt = 70.0;
    rule.resolveAt = 63.0;
    rule.forMs = forMs;
    rule.repeatAfterMs = repeatAfterMs;
    rule.severity = Severity::Error;
    rule.message = QStringLiteral("CPU {value}% is above {threshold}%");
    rule.unit = QStringLiteral("%");
    return rule;
}

AlertRule renamed(AlertRule rule, const char *id, const char *metric)
{
    rule.id = QLatin1String(id);
    rule.metric = QLatin1String(metric);
    return rule;
}

MetricsSample sample(const char *metric, double value)
{
    return MetricsSample{{NamedValue{QLatin1String(metric), value}}};
}

MetricsSample cpu(double value)
{
    return sample("cpu_percent", value);
}

QString alertId(const char *ruleId, qint64 firedAtMs)
{
    return QStringLiteral("local.") + QLatin1String(ruleId) + u':' + QString::number(firedAtMs);
}

// Feeds `value` every `stepMs` from `fromMs` up to and including `toMs`; returns every transition.
std::vector<RuleTransition> feed(AlertRuleEvaluator &evaluator, qint64 fromMs, qint64 toMs, qint64 stepMs,
                                 double value)
{
    std::vector<RuleTransition> all;
    for (qint64 ts = fromMs; ts <= toMs; ts += stepMs) {
        for (RuleTransition &t : evaluator.onSample(ts, cpu(value)))
            all.push_back(std::move(t));
    }
    return all;
}

// Fires cpuRule (forMs 0) at `atMs`.
void fireAt(AlertRuleEvaluator &evaluator, qint64 atMs)
{
    const std::vector<RuleTransition> fired = evaluator.onSample(atMs, cpu(90.0));
    ASSERT_EQ(fired.size(), 1u);
    ASSERT_EQ(fired[0].kind, Kind::Fired);
}

} // namespace

TEST(AlertRuleEvaluator, BreachShorterThanForNeverFires)
{
    AlertRuleEvaluator evaluator({cpuRule()});
    EXPECT_TRUE(feed(evaluator, kStart, kStart + 59 * kSecond, kSecond, 85.0).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Pending);
    EXPECT_TRUE(evaluator.onSample(kStart + kMinute, cpu(40.0)).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Idle);
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")), RuleStats{});
}

TEST(AlertRuleEvaluator, FiresOnTheSampleAtExactlyForOfBreach)
{
    TestClock clock(kStart);
    AlertRuleEvaluator evaluator({cpuRule()});
    EXPECT_TRUE(evaluator.onSample(clock.now(), cpu(70.0)).empty());
    clock.advance(30 * kSecond);
    EXPECT_TRUE(evaluator.onSample(clock.now(), cpu(88.0)).empty());
    clock.advance(30 * kSecond - 1);
    EXPECT_TRUE(evaluator.onSample(clock.now(), cpu(88.0)).empty());
    clock.advance(1);
    const std::vector<RuleTransition> out = evaluator.onSample(clock.now(), cpu(91.26));
    ASSERT_EQ(out.size(), 1u);
    const RuleTransition &t = out[0];
    EXPECT_EQ(t.kind, Kind::Fired);
    EXPECT_EQ(t.ruleId, QStringLiteral("cpu.high"));
    EXPECT_EQ(t.tsMs, kStart + kMinute);
    EXPECT_DOUBLE_EQ(t.value, 91.26);
    EXPECT_EQ(t.alert.id, alertId("cpu.high", kStart + kMinute));
    EXPECT_EQ(t.alert.severity, Severity::Error);
    EXPECT_EQ(t.alert.message, QStringLiteral("CPU 91.3% is above 70%"));
    EXPECT_EQ(t.alert.affectedUsers, 0);
    EXPECT_TRUE(t.alert.autoResolve);
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Firing);
    EXPECT_EQ(evaluator.firingAlertId(QStringLiteral("cpu.high")), t.alert.id);
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).fired, 1u);
}

TEST(AlertRuleEvaluator, ZeroForFiresOnTheFirstBreachingSample)
{
    AlertRuleEvaluator evaluator({cpuRule(0)});
    EXPECT_TRUE(evaluator.onSample(kStart, cpu(69.9)).empty());
    const std::vector<RuleTransition> out = evaluator.onSample(kStart + 1, cpu(70.0));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].kind, Kind::Fired);
}

TEST(AlertRuleEvaluator, ValueBackUnderFireAtRestartsPendingEvenAboveResolveAt)
{
    AlertRuleEvaluator evaluator({cpuRule()});
    EXPECT_TRUE(feed(evaluator, kStart, kStart + 40 * kSecond, 10 * kSecond, 80.0).empty());
    // 65 is inside the hysteresis band, but hysteresis only holds a firing alert.
    EXPECT_TRUE(evaluator.onSample(kStart + 45 * kSecond, cpu(65.0)).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Idle);
    const qint64 restart = kStart + 50 * kSecond;
    EXPECT_TRUE(feed(evaluator, restart, restart + 50 * kSecond, 10 * kSecond, 80.0).empty());
    const std::vector<RuleTransition> out = evaluator.onSample(restart + kMinute, cpu(80.0));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].tsMs, restart + kMinute);
}

TEST(AlertRuleEvaluator, TimeAloneNeverCompletesAPendingBreach)
{
    AlertRuleEvaluator evaluator({cpuRule()});
    EXPECT_TRUE(evaluator.onSample(kStart, cpu(80.0)).empty());
    EXPECT_TRUE(evaluator.onSample(kStart + 30 * kSecond, cpu(80.0)).empty());
    EXPECT_TRUE(evaluator.advanceTo(kStart + 90 * kSecond).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Pending);
    EXPECT_EQ(evaluator.nowMs(), kStart + 90 * kSecond);
    // The next sample is within staleAfterMs of the last one, so the breach counts as continuous.
    const std::vector<RuleTransition> out = evaluator.onSample(kStart + 90 * kSecond, cpu(80.0));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].kind, Kind::Fired);
}

TEST(AlertRuleEvaluator, AGapInTheDataRestartsAPendingBreach)
{
    AlertRuleEvaluator evaluator({cpuRule()});
    evaluator.setStaleAfterMs(10 * kSecond);
    EXPECT_TRUE(evaluator.onSample(kStart, cpu(80.0)).empty());
    EXPECT_TRUE(evaluator.onSample(kStart + kMinute, cpu(80.0)).empty());
    EXPECT_TRUE(feed(evaluator, kStart + 70 * kSecond, kStart + 110 * kSecond, 10 * kSecond, 80.0).empty());
    const std::vector<RuleTransition> out = evaluator.onSample(kStart + 2 * kMinute, cpu(80.0));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].tsMs, kStart + 2 * kMinute);
}

TEST(AlertRuleEvaluator, HysteresisKeepsFiringUntilBelowResolveAt)
{
    AlertRuleEvaluator evaluator({cpuRule(0)});
    fireAt(evaluator, kStart);
    EXPECT_TRUE(evaluator.onSample(kStart + 10 * kSecond, cpu(69.0)).empty());
    EXPECT_TRUE(evaluator.onSample(kStart + 20 * kSecond, cpu(63.0)).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Firing);
    const std::vector<RuleTransition> out = evaluator.onSample(kStart + 30 * kSecond, cpu(62.9));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].kind, Kind::Resolved);
    EXPECT_EQ(out[0].tsMs, kStart + 30 * kSecond);
    EXPECT_DOUBLE_EQ(out[0].value, 62.9);
    EXPECT_EQ(out[0].resolved.id, alertId("cpu.high", kStart));
    EXPECT_EQ(out[0].resolved.reason, QStringLiteral("back below 63%"));
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Idle);
    EXPECT_EQ(evaluator.firingAlertId(QStringLiteral("cpu.high")), QString());
    const RuleStats stats = evaluator.stats(QStringLiteral("cpu.high"));
    EXPECT_EQ(stats.fired, 1u);
    EXPECT_EQ(stats.resolved, 1u);
    EXPECT_EQ(stats.firingMs, 30 * kSecond);
}

TEST(AlertRuleEvaluator, BelowRulesMirrorAboveRules)
{
    AlertRule rule = renamed(cpuRule(0), "rps.low", "requests_per_second");
    rule.direction = AlertRule::Direction::Below;
    rule.fireAt = 10.0;
    rule.resolveAt = 20.0;
    rule.unit = QStringLiteral("/s");
    AlertRuleEvaluator evaluator({rule});
    EXPECT_TRUE(evaluator.onSample(kStart, sample("requests_per_second", 11.0)).empty());
    ASSERT_EQ(evaluator.onSample(kStart + 1, sample("requests_per_second", 10.0)).size(), 1u);
    EXPECT_TRUE(evaluator.onSample(kStart + 2, sample("requests_per_second", 20.0)).empty());
    const std::vector<RuleTransition> out =
        evaluator.onSample(kStart + 3, sample("requests_per_second", 25.0));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].resolved.reason, QStringLiteral("back above 20 /s"));
}

TEST(AlertRuleEvaluator, MissingDataNeverResolvesAFiringRule)
{
    AlertRuleEvaluator evaluator({cpuRule(0)});
    fireAt(evaluator, kStart);
    EXPECT_FALSE(evaluator.isStale(QStringLiteral("cpu.high")));
    EXPECT_TRUE(evaluator.advanceTo(kStart + kMinute).empty());
    EXPECT_FALSE(evaluator.isStale(QStringLiteral("cpu.high")));
    EXPECT_TRUE(evaluator.advanceTo(kStart + 30 * kMinute).empty());
    EXPECT_TRUE(evaluator.onSample(kStart + 31 * kMinute, sample("memory_percent", 10.0)).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Firing);
    EXPECT_TRUE(evaluator.isStale(QStringLiteral("cpu.high")));
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).firingMs, 31 * kMinute);
    EXPECT_TRUE(evaluator.onSample(kStart + 32 * kMinute, cpu(66.0)).empty());
    EXPECT_FALSE(evaluator.isStale(QStringLiteral("cpu.high")));
    EXPECT_EQ(evaluator.onSample(kStart + 33 * kMinute, cpu(50.0)).size(), 1u);
}

TEST(AlertRuleEvaluator, SamplesWithoutTheMetricLeaveStateUnchanged)
{
    AlertRuleEvaluator evaluator({cpuRule()});
    EXPECT_TRUE(evaluator.onSample(kStart, cpu(80.0)).empty());
    EXPECT_TRUE(evaluator.onSample(kStart + 20 * kSecond, sample("memory_percent", 10.0)).empty());
    EXPECT_TRUE(evaluator.onSample(kStart + 40 * kSecond, MetricsSample{}).empty());
    EXPECT_TRUE(evaluator.onSample(kStart + 50 * kSecond, cpu(qQNaN())).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Pending);
    EXPECT_EQ(evaluator.onSample(kStart + kMinute, cpu(80.0)).size(), 1u);
}

TEST(AlertRuleEvaluator, RepeatInsideTheWindowIsSuppressedAndCounted)
{
    AlertRuleEvaluator evaluator({cpuRule(0, 10 * kMinute)});
    fireAt(evaluator, kStart);
    ASSERT_EQ(evaluator.onSample(kStart + kMinute, cpu(50.0)).size(), 1u);

    const std::vector<RuleTransition> again = evaluator.onSample(kStart + 2 * kMinute, cpu(95.0));
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].kind, Kind::Suppressed);
    EXPECT_EQ(again[0].ruleId, QStringLiteral("cpu.high"));
    EXPECT_EQ(again[0].tsMs, kStart + 2 * kMinute);
    EXPECT_DOUBLE_EQ(again[0].value, 95.0);
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Suppressed);
    // One breach is suppressed once, however many samples it spans.
    EXPECT_TRUE(feed(evaluator, kStart + 2 * kMinute + 10 * kSecond, kStart + 3 * kMinute, 10 * kSecond, 95.0)
                    .empty());
    EXPECT_TRUE(evaluator.onSample(kStart + 3 * kMinute + 10 * kSecond, cpu(50.0)).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Idle);
    ASSERT_EQ(evaluator.onSample(kStart + 4 * kMinute, cpu(95.0)).size(), 1u);
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).suppressed, 2u);
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).fired, 1u);
}

TEST(AlertRuleEvaluator, ABreachOutlastingTheWindowFiresWithANewId)
{
    AlertRuleEvaluator evaluator({cpuRule(0, 10 * kMinute)});
    fireAt(evaluator, kStart);
    ASSERT_EQ(evaluator.onSample(kStart + kMinute, cpu(50.0)).size(), 1u);
    ASSERT_EQ(evaluator.onSample(kStart + 9 * kMinute, cpu(95.0)).size(), 1u);
    EXPECT_TRUE(evaluator.onSample(kStart + 10 * kMinute - 1, cpu(95.0)).empty());
    const std::vector<RuleTransition> out = evaluator.onSample(kStart + 10 * kMinute, cpu(95.0));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].kind, Kind::Fired);
    EXPECT_EQ(out[0].alert.id, alertId("cpu.high", kStart + 10 * kMinute));
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).fired, 2u);
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).suppressed, 1u);
}

TEST(AlertRuleEvaluator, ANewBreachAfterTheWindowFiresWithANewId)
{
    AlertRuleEvaluator evaluator({cpuRule(0, 10 * kMinute)});
    fireAt(evaluator, kStart);
    ASSERT_EQ(evaluator.onSample(kStart + kMinute, cpu(50.0)).size(), 1u);
    const std::vector<RuleTransition> out = evaluator.onSample(kStart + 11 * kMinute, cpu(95.0));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].kind, Kind::Fired);
    EXPECT_EQ(out[0].alert.id, alertId("cpu.high", kStart + 11 * kMinute));
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).suppressed, 0u);
}

TEST(AlertRuleEvaluator, AFlapIsAResolutionFollowedByABreachWithinTheWindow)
{
    AlertRuleEvaluator evaluator({cpuRule(0, 10 * kMinute)});
    fireAt(evaluator, kStart);
    ASSERT_EQ(evaluator.onSample(kStart + 10 * kSecond, cpu(50.0)).size(), 1u);
    // Two breaches after one resolution: one flap.
    EXPECT_EQ(evaluator.onSample(kStart + 20 * kSecond, cpu(95.0)).size(), 1u);
    EXPECT_TRUE(evaluator.onSample(kStart + 30 * kSecond, cpu(50.0)).empty());
    EXPECT_EQ(evaluator.onSample(kStart + 40 * kSecond, cpu(95.0)).size(), 1u);
    EXPECT_TRUE(evaluator.onSample(kStart + 50 * kSecond, cpu(50.0)).empty());
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).flaps, 1u);

    // Fires again after the window, resolves, and stays calm for the whole window: no flap.
    const qint64 later = kStart + 20 * kMinute;
    fireAt(evaluator, later);
    ASSERT_EQ(evaluator.onSample(later + kSecond, cpu(50.0)).size(), 1u);
    EXPECT_EQ(evaluator.onSample(later + kSecond + 10 * kMinute, cpu(95.0)).size(), 1u);
    const RuleStats stats = evaluator.stats(QStringLiteral("cpu.high"));
    EXPECT_EQ(stats.flaps, 1u);
    EXPECT_EQ(stats.fired, 3u);
    EXPECT_EQ(stats.suppressed, 2u);
}

TEST(AlertRuleEvaluator, DisabledAndInvalidRulesDoNothing)
{
    AlertRule disabled = cpuRule(0);
    disabled.enabled = false;
    AlertRule invalid = renamed(cpuRule(0), "bad", "cpu_percent");
    invalid.resolveAt = 90.0;
    AlertRuleEvaluator evaluator({disabled, invalid});
    EXPECT_TRUE(feed(evaluator, kStart, kStart + 10 * kMinute, kMinute, 99.0).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Idle);
    EXPECT_EQ(evaluator.phase(QStringLiteral("bad")), Phase::Idle);
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")), RuleStats{});
}

TEST(AlertRuleEvaluator, SetRulesKeepsStateOfUnchangedIds)
{
    AlertRuleEvaluator evaluator({cpuRule()});
    EXPECT_TRUE(feed(evaluator, kStart, kStart + 30 * kSecond, 10 * kSecond, 80.0).empty());
    AlertRule stricter = cpuRule();
    stricter.fireAt = 75.0;
    evaluator.setRules({renamed(cpuRule(), "memory.high", "memory_percent"), stricter});
    EXPECT_EQ(evaluator.rules().size(), 2u);
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Pending);
    EXPECT_TRUE(feed(evaluator, kStart + 40 * kSecond, kStart + 50 * kSecond, 10 * kSecond, 80.0).empty());
    const std::vector<RuleTransition> out = evaluator.onSample(kStart + kMinute, cpu(80.0));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].alert.message, QStringLiteral("CPU 80% is above 75%"));
}

TEST(AlertRuleEvaluator, RemovingAFiringRuleResolvesItOnTheNextCall)
{
    AlertRuleEvaluator evaluator({cpuRule(0), renamed(cpuRule(0), "memory.high", "memory_percent")});
    fireAt(evaluator, kStart);
    const QString firedId = evaluator.firingAlertId(QStringLiteral("cpu.high"));
    evaluator.setRules({renamed(cpuRule(0), "memory.high", "memory_percent")});
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Idle);
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")), RuleStats{});

    const std::vector<RuleTransition> out = evaluator.advanceTo(kStart + kMinute);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].kind, Kind::Resolved);
    EXPECT_EQ(out[0].ruleId, QStringLiteral("cpu.high"));
    EXPECT_EQ(out[0].tsMs, kStart + kMinute);
    EXPECT_TRUE(qIsNaN(out[0].value));
    EXPECT_EQ(out[0].resolved.id, firedId);
    EXPECT_EQ(out[0].resolved.reason, QStringLiteral("rule removed"));
    EXPECT_TRUE(evaluator.advanceTo(kStart + 2 * kMinute).empty());
    EXPECT_TRUE(evaluator.onSample(kStart + 3 * kMinute, cpu(99.0)).empty());
}

TEST(AlertRuleEvaluator, DisablingAFiringRuleResolvesItAndKeepsItsStats)
{
    AlertRuleEvaluator evaluator({cpuRule(0)});
    fireAt(evaluator, kStart);
    AlertRule disabled = cpuRule(0);
    disabled.enabled = false;
    evaluator.setRules({disabled});
    const std::vector<RuleTransition> out = evaluator.onSample(kStart + kMinute, cpu(99.0));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].resolved.reason, QStringLiteral("rule disabled"));
    const RuleStats stats = evaluator.stats(QStringLiteral("cpu.high"));
    EXPECT_EQ(stats.fired, 1u);
    EXPECT_EQ(stats.resolved, 1u);
    EXPECT_EQ(stats.firingMs, kMinute);

    // Re-enabled, it obeys the repeat window of its earlier firing.
    evaluator.setRules({cpuRule(0)});
    const std::vector<RuleTransition> again = evaluator.onSample(kStart + 2 * kMinute, cpu(99.0));
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].kind, Kind::Suppressed);
}

TEST(AlertRuleEvaluator, OutOfOrderSamplesAreIgnoredAndCounted)
{
    AlertRuleEvaluator evaluator({cpuRule(0)});
    EXPECT_TRUE(evaluator.onSample(kStart + 10 * kSecond, cpu(50.0)).empty());
    EXPECT_TRUE(evaluator.onSample(kStart + 5 * kSecond, cpu(99.0)).empty());
    EXPECT_EQ(evaluator.phase(QStringLiteral("cpu.high")), Phase::Idle);
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).outOfOrder, 1u);
    // A sample at the same time as the last one is in order.
    EXPECT_EQ(evaluator.onSample(kStart + 10 * kSecond, cpu(99.0)).size(), 1u);
    EXPECT_EQ(evaluator.stats(QStringLiteral("cpu.high")).outOfOrder, 1u);
}

TEST(AlertRuleEvaluator, TransitionsFollowRuleOrder)
{
    AlertRuleEvaluator evaluator({renamed(cpuRule(0), "memory.high", "memory_percent"), cpuRule(0)});
    const MetricsSample both{{NamedValue{QStringLiteral("cpu_percent"), 90.0},
                              NamedValue{QStringLiteral("memory_percent"), 90.0}}};
    const std::vector<RuleTransition> out = evaluator.onSample(kStart, both);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].ruleId, QStringLiteral("memory.high"));
    EXPECT_EQ(out[1].ruleId, QStringLiteral("cpu.high"));
}

TEST(AlertRuleEvaluator, FirstOfDuplicateIdsWins)
{
    AlertRule second = cpuRule(0);
    second.fireAt = 10.0;
    second.resolveAt = 5.0;
    AlertRuleEvaluator evaluator({cpuRule(0), second});
    EXPECT_EQ(evaluator.rules().size(), 1u);
    EXPECT_TRUE(evaluator.onSample(kStart, cpu(50.0)).empty());
}

TEST(AlertRuleEvaluator, DefaultsRaiseSeed000Alerts)
{
    AlertRuleEvaluator evaluator(AlertRule::defaults());
    std::vector<RuleTransition> fired;
    for (qint64 ts = kStart; ts <= kStart + kMinute; ts += kSecond) {
        const MetricsSample m{{NamedValue{QStringLiteral("avg_response_ms"), 2450.0},
                               NamedValue{QStringLiteral("error_rate"), 0.27},
                               NamedValue{QStringLiteral("cpu_percent"), 55.0},
                               NamedValue{QStringLiteral("memory_percent"), 61.0}}};
        for (RuleTransition &t : evaluator.onSample(ts, m))
            fired.push_back(std::move(t));
    }
    ASSERT_EQ(fired.size(), 1u);
    EXPECT_EQ(fired[0].alert.id, alertId("avg_response_ms.high", kStart + kMinute));
    EXPECT_EQ(fired[0].alert.severity, Severity::Warning);
    EXPECT_EQ(fired[0].alert.message, QStringLiteral("Average response time 2,450 ms is above 2,000 ms"));
}
