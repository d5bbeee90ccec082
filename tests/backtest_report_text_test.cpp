#include "models/BacktestReportText.h"
#include "models/BacktestTotals.h"
#include "support/LogFrames.h"

#include <gtest/gtest.h>

using namespace vantage;

namespace {

BacktestReport::Rule rule(const char *id, quint64 fired, qint64 firingMs, qint64 longestMs, bool openAtEnd)
{
    BacktestReport::Rule result;
    result.id = QLatin1String(id);
    result.stats.fired = fired;
    result.stats.flaps = fired / 2;
    result.stats.suppressed = fired % 2;
    result.stats.firingMs = firingMs;
    result.longestFiringMs = longestMs;
    result.firingAtEnd = openAtEnd;
    return result;
}

} // namespace

TEST(BacktestReportText, DurationsInWholeSecondsWithoutZeroParts)
{
    EXPECT_EQ(BacktestReportText::duration(0), QStringLiteral("0 s"));
    EXPECT_EQ(BacktestReportText::duration(999), QStringLiteral("0 s"));
    EXPECT_EQ(BacktestReportText::duration(45'000), QStringLiteral("45 s"));
    EXPECT_EQ(BacktestReportText::duration(240'000), QStringLiteral("4 min"));
    EXPECT_EQ(BacktestReportText::duration(750'000), QStringLiteral("12 min 30 s"));
    EXPECT_EQ(BacktestReportText::duration(3'900'000), QStringLiteral("1 h 5 min"));
    EXPECT_EQ(BacktestReportText::duration(7'200'000), QStringLiteral("2 h"));
    EXPECT_EQ(BacktestReportText::duration(3'601'000), QStringLiteral("1 h 1 s"));
}

TEST(BacktestReportText, RuleIdsInTheOrderTheSetsFirstNameThem)
{
    BacktestReport report;
    report.sets = {{QStringLiteral("a"), {rule("x", 0, 0, 0, false), rule("y", 0, 0, 0, false)}},
                   {QStringLiteral("b"), {rule("z", 0, 0, 0, false), rule("x", 0, 0, 0, false)}}};
    EXPECT_EQ(BacktestReportText::ruleIds(report),
              QStringList({QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}));
}

TEST(BacktestReportText, LogLineGivesTheSpanAndCounts)
{
    BacktestReport report;
    report.firstSampleMs = test::kLogStartMs;
    report.lastSampleMs = test::kLogStartMs + 1'690'000;
    report.samples = 170;
    report.framesRejected = 1;
    report.badLines = 2;
    EXPECT_EQ(
        BacktestReportText::logLine(QStringLiteral("cpu.ndjson"), report),
        QStringLiteral("cpu.ndjson: 2026-06-13T09:00:00.000Z to 2026-06-13T09:28:10.000Z (28 min 10 s), "
                       "170 samples, 1 frame rejected, 2 bad lines"));
    EXPECT_EQ(BacktestReportText::logLine(QStringLiteral("quiet.ndjson"), BacktestReport()),
              QStringLiteral("quiet.ndjson: no metrics samples, 0 frames rejected, 0 bad lines"));
}

TEST(BacktestTotals, SumsTheCountsAndTakesTheLongestFiring)
{
    const BacktestReport::Set set{QStringLiteral("current"),
                                  {rule("x", 3, 490'000, 240'000, true),
                                   rule("y", 2, 100'000, 300'000, false), rule("z", 0, 0, 0, false)}};
    const BacktestTotals totals = BacktestTotals::of(set);
    EXPECT_EQ(totals.fired, 5u);
    EXPECT_EQ(totals.flaps, 2u);
    EXPECT_EQ(totals.suppressed, 1u);
    EXPECT_EQ(totals.firingMs, 590'000);
    EXPECT_EQ(totals.longestFiringMs, 300'000);
    EXPECT_TRUE(totals.firingAtEnd);
    EXPECT_EQ(BacktestTotals::of({QStringLiteral("empty"), {}}), BacktestTotals());
}
