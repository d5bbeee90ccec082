#include "widgets/HealthThresholds.h"

#include <QtNumeric>

#include <gtest/gtest.h>

using vantage::HealthLevel;
using vantage::HealthThresholds;

TEST(HealthThresholds, HigherIsWorseAtTheBoundaries)
{
    const HealthThresholds t = HealthThresholds::responseTimeMs();
    EXPECT_EQ(t.levelFor(0.0), HealthLevel::Ok);
    EXPECT_EQ(t.levelFor(499.9), HealthLevel::Ok);
    EXPECT_EQ(t.levelFor(500.0), HealthLevel::Warning);
    EXPECT_EQ(t.levelFor(800.0), HealthLevel::Warning);
    EXPECT_EQ(t.levelFor(1999.9), HealthLevel::Warning);
    EXPECT_EQ(t.levelFor(2000.0), HealthLevel::Critical);
    EXPECT_EQ(t.levelFor(1e9), HealthLevel::Critical);
}

TEST(HealthThresholds, LowerIsWorseAtTheBoundaries)
{
    // e.g. a cache hit ratio: below 20 % warn, below 10 % critical.
    const HealthThresholds t{20.0, 10.0, HealthThresholds::Direction::LowerIsWorse};
    EXPECT_EQ(t.levelFor(95.0), HealthLevel::Ok);
    EXPECT_EQ(t.levelFor(20.1), HealthLevel::Ok);
    EXPECT_EQ(t.levelFor(20.0), HealthLevel::Warning);
    EXPECT_EQ(t.levelFor(10.1), HealthLevel::Warning);
    EXPECT_EQ(t.levelFor(10.0), HealthLevel::Critical);
    EXPECT_EQ(t.levelFor(-1.0), HealthLevel::Critical);
}

TEST(HealthThresholds, NoSampleIsUnknown)
{
    EXPECT_EQ(HealthThresholds::cpuPercent().levelFor(qQNaN()), HealthLevel::Unknown);
    EXPECT_EQ(HealthThresholds::cpuPercent().levelFor(qInf()), HealthLevel::Unknown);
}

TEST(HealthThresholds, SeedDefaults)
{
    EXPECT_EQ(HealthThresholds::errorRatePercent().levelFor(0.99), HealthLevel::Ok);
    EXPECT_EQ(HealthThresholds::errorRatePercent().levelFor(1.0), HealthLevel::Warning);
    EXPECT_EQ(HealthThresholds::errorRatePercent().levelFor(2.0), HealthLevel::Critical);
    EXPECT_EQ(HealthThresholds::cpuPercent().levelFor(69.0), HealthLevel::Ok);
    EXPECT_EQ(HealthThresholds::cpuPercent().levelFor(70.0), HealthLevel::Warning);
    EXPECT_EQ(HealthThresholds::cpuPercent().levelFor(90.0), HealthLevel::Critical);
    EXPECT_EQ(HealthThresholds::memoryPercent().levelFor(79.0), HealthLevel::Ok);
    EXPECT_EQ(HealthThresholds::memoryPercent().levelFor(80.0), HealthLevel::Warning);
    EXPECT_EQ(HealthThresholds::memoryPercent().levelFor(95.0), HealthLevel::Critical);
    EXPECT_EQ(HealthThresholds::queueDepth().levelFor(99.0), HealthLevel::Ok);
    EXPECT_EQ(HealthThresholds::queueDepth().levelFor(100.0), HealthLevel::Warning);
    EXPECT_EQ(HealthThresholds::queueDepth().levelFor(1000.0), HealthLevel::Critical);
}

TEST(HealthThresholds, ForMetricByGaugeName)
{
    ASSERT_TRUE(HealthThresholds::forMetric(QStringLiteral("avg_response_ms")).has_value());
    EXPECT_EQ(HealthThresholds::forMetric(QStringLiteral("avg_response_ms"))->levelFor(800.0), HealthLevel::Warning);
    ASSERT_TRUE(HealthThresholds::forMetric(QStringLiteral("error_rate")).has_value());
    EXPECT_EQ(HealthThresholds::forMetric(QStringLiteral("error_rate"))->levelFor(2.5), HealthLevel::Critical);
    EXPECT_TRUE(HealthThresholds::forMetric(QStringLiteral("queue_depth")).has_value());
    EXPECT_FALSE(HealthThresholds::forMetric(QStringLiteral("requests_per_second")).has_value());
    EXPECT_FALSE(HealthThresholds::forMetric(QStringLiteral("no_such_gauge")).has_value());
}

TEST(HealthThresholds, Labels)
{
    EXPECT_EQ(vantage::healthLevelLabel(HealthLevel::Ok), QStringLiteral("OK"));
    EXPECT_EQ(vantage::healthLevelLabel(HealthLevel::Warning), QStringLiteral("WARN"));
    EXPECT_EQ(vantage::healthLevelLabel(HealthLevel::Critical), QStringLiteral("CRITICAL"));
    EXPECT_EQ(vantage::healthLevelLabel(HealthLevel::Unknown), QStringLiteral("NO DATA"));
}
