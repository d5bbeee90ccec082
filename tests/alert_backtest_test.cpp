#include "models/AlertBacktest.h"
#include "support/CpuBacktestLog.h"
#include "support/GzipFiles.h"
#include "support/LogFrames.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

// A backtest of the default cpu rule (fire at 70 for 60 s, resolve below 63, repeat after 10 min)
// and of a candidate over a log whose numbers are worked out by hand below.

using namespace vantage;

namespace {

AlertRule cpuRule(const char *id, double fireAt, double resolveAt)
{
    AlertRule rule;
    rule.id = QLatin1String(id);
    rule.metric = QStringLiteral("cpu_percent");
    rule.fireAt = fireAt;
    rule.resolveAt = resolveAt;
    rule.forMs = 60'000;
    rule.repeatAfterMs = 600'000;
    rule.message = QStringLiteral("CPU {value}%");
    return rule;
}

// Fires only on the last stretch (90 from 1300 s): at 1360, open for 330 s at the end.
std::vector<NamedRuleSet> defaultsAndCandidate()
{
    return {{QStringLiteral("defaults"), AlertRule::defaults()},
            {QStringLiteral("candidate"),
             {cpuRule("cpu_percent.high", 85, 80), cpuRule("cpu_percent.critical", 95, 90)}}};
}

const BacktestReport::Rule *findRule(const BacktestReport::Set &set, const char *id)
{
    for (const BacktestReport::Rule &rule : set.rules) {
        if (rule.id == QLatin1String(id))
            return &rule;
    }
    return nullptr;
}

void expectKnownAnswer(const BacktestReport &report)
{
    EXPECT_EQ(report.samples, 170u);
    ASSERT_TRUE(report.firstSampleMs && report.lastSampleMs);
    EXPECT_EQ(*report.firstSampleMs, test::kLogStartMs);
    EXPECT_EQ(*report.lastSampleMs, test::kLogStartMs + 1'690'000);
    ASSERT_EQ(report.sets.size(), 2u);

    const BacktestReport::Set &defaults = report.sets[0];
    EXPECT_EQ(defaults.name, QStringLiteral("defaults"));
    ASSERT_EQ(defaults.rules.size(), AlertRule::defaults().size());
    const BacktestReport::Rule *cpu = findRule(defaults, "cpu_percent.high");
    ASSERT_TRUE(cpu);
    EXPECT_EQ(cpu->stats.fired, 3u);
    EXPECT_EQ(cpu->stats.resolved, 2u);
    EXPECT_EQ(cpu->stats.suppressed, 2u);
    EXPECT_EQ(cpu->stats.flaps, 2u);
    EXPECT_EQ(cpu->stats.firingMs, 490'000);
    EXPECT_EQ(cpu->longestFiringMs, 240'000);
    EXPECT_TRUE(cpu->firingAtEnd);
    // No other gauge is in the log: the other defaults did nothing.
    for (const BacktestReport::Rule &rule : defaults.rules) {
        if (&rule != cpu) {
            EXPECT_EQ(rule.stats, RuleStats()) << rule.id.toStdString();
            EXPECT_FALSE(rule.firingAtEnd);
        }
    }

    const BacktestReport::Set &candidate = report.sets[1];
    EXPECT_EQ(candidate.name, QStringLiteral("candidate"));
    ASSERT_EQ(candidate.rules.size(), 2u);
    const BacktestReport::Rule *high = findRule(candidate, "cpu_percent.high");
    ASSERT_TRUE(high);
    EXPECT_EQ(high->stats.fired, 1u);
    EXPECT_EQ(high->stats.resolved, 0u);
    EXPECT_EQ(high->stats.suppressed, 0u);
    EXPECT_EQ(high->stats.flaps, 0u);
    EXPECT_EQ(high->stats.firingMs, 330'000);
    EXPECT_EQ(high->longestFiringMs, 330'000);
    EXPECT_TRUE(high->firingAtEnd);
    const BacktestReport::Rule *critical = findRule(candidate, "cpu_percent.critical");
    ASSERT_TRUE(critical);
    EXPECT_EQ(critical->stats, RuleStats());
    EXPECT_EQ(critical->longestFiringMs, 0);
    EXPECT_FALSE(critical->firingAtEnd);
}

class AlertBacktestTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(AlertBacktestTest, GivesTheHandWorkedAnswerForDefaultsAndCandidate)
{
    const QString log = path("cpu.ndjson");
    ASSERT_TRUE(test::writeBytes(log, test::cpuLog()));
    QString error;
    const auto report = runBacktest(log, defaultsAndCandidate(), &error);
    ASSERT_TRUE(report) << error.toStdString();
    expectKnownAnswer(*report);
    EXPECT_EQ(report->framesRejected, 0u);
    EXPECT_EQ(report->badLines, 0);
}

TEST_F(AlertBacktestTest, FramesFedByHandGiveTheSameAnswerOnFinish)
{
    AlertBacktest backtest(defaultsAndCandidate());
    qint64 line = 0;
    for (const QByteArray &frame : test::cpuLog().split('\n')) {
        if (!frame.isEmpty())
            backtest.onFrame(frame, ++line);
    }
    expectKnownAnswer(backtest.finish());
    // Finishing again changes nothing.
    expectKnownAnswer(backtest.finish());
}

TEST_F(AlertBacktestTest, BadLinesAreCountedAndSkipped)
{
    QByteArrayList lines = test::cpuLog().split('\n');
    lines.insert(40, QByteArrayLiteral("not json at all"));
    lines.insert(100, QByteArrayLiteral("[1,2,3]"));
    const QString log = path("bad.ndjson");
    ASSERT_TRUE(test::writeBytes(log, lines.join('\n')));
    QString error;
    const auto report = runBacktest(log, defaultsAndCandidate(), &error);
    ASSERT_TRUE(report) << error.toStdString();
    expectKnownAnswer(*report);
    EXPECT_EQ(report->framesRejected, 2u);
    EXPECT_EQ(report->badLines, 2);
}

TEST_F(AlertBacktestTest, GzipLogGivesTheSameAnswer)
{
    const QString log = path("cpu.ndjson.gz");
    ASSERT_TRUE(test::writeGzip(log, test::cpuLog()));
    QString error;
    const auto report = runBacktest(log, defaultsAndCandidate(), &error);
    ASSERT_TRUE(report) << error.toStdString();
    expectKnownAnswer(*report);
}

TEST_F(AlertBacktestTest, UnreadableLogIsAnErrorNamingIt)
{
    const QString missing = path("missing.ndjson");
    QString error;
    EXPECT_FALSE(runBacktest(missing, defaultsAndCandidate(), &error));
    EXPECT_TRUE(error.contains(missing)) << error.toStdString();
}

TEST_F(AlertBacktestTest, LogWithoutSamplesReportsNothingFired)
{
    const QString log = path("signups.ndjson");
    ASSERT_TRUE(test::writeBytes(log, test::signupsEvery(1000, 5).join('\n') + '\n'));
    QString error;
    const auto report = runBacktest(log, defaultsAndCandidate(), &error);
    ASSERT_TRUE(report) << error.toStdString();
    EXPECT_EQ(report->samples, 0u);
    EXPECT_FALSE(report->firstSampleMs);
    for (const BacktestReport::Set &set : report->sets) {
        for (const BacktestReport::Rule &rule : set.rules)
            EXPECT_EQ(rule.stats, RuleStats()) << rule.id.toStdString();
    }
}
