#include "feed/DurationHistogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

using vantage::DurationHistogram;

TEST(DurationHistogram, EmptyHasNoPercentiles)
{
    const DurationHistogram histogram;
    EXPECT_EQ(histogram.count(), 0u);
    EXPECT_EQ(histogram.maxUs(), 0);
    EXPECT_EQ(histogram.percentileUs(0.5), 0);
}

TEST(DurationHistogram, SmallDurationsAreExact)
{
    DurationHistogram histogram;
    for (int us = 1; us <= 50; ++us)
        histogram.add(us);
    EXPECT_EQ(histogram.count(), 50u);
    EXPECT_EQ(histogram.percentileUs(0.5), 25);
    EXPECT_EQ(histogram.percentileUs(0.99), 50);
    EXPECT_EQ(histogram.percentileUs(1.0), 50);
    EXPECT_EQ(histogram.maxUs(), 50);
}

TEST(DurationHistogram, NegativeCountsAsZero)
{
    DurationHistogram histogram;
    histogram.add(-5000);
    histogram.add(-1);
    histogram.add(7);
    EXPECT_EQ(histogram.count(), 3u);
    EXPECT_EQ(histogram.percentileUs(0.5), 0);
    EXPECT_EQ(histogram.maxUs(), 7);
}

TEST(DurationHistogram, PercentilesStayWithinThreePercentAtEveryScale)
{
    std::mt19937_64 random(42);
    std::lognormal_distribution<double> spread(9.0, 2.5); // median about 8 ms, tails to minutes
    std::vector<qint64> values(100'000);
    DurationHistogram histogram;
    for (qint64 &value : values) {
        value = qint64(spread(random));
        histogram.add(value);
    }
    std::sort(values.begin(), values.end());
    for (const double fraction : {0.01, 0.25, 0.5, 0.9, 0.99, 0.999}) {
        const auto exact = double(values[size_t(fraction * double(values.size())) - 1]);
        const auto estimate = double(histogram.percentileUs(fraction));
        EXPECT_GE(estimate, exact) << fraction;
        EXPECT_LE(estimate, exact * 1.032 + 1) << fraction;
    }
    EXPECT_EQ(histogram.maxUs(), values.back());
    EXPECT_EQ(histogram.percentileUs(1.0), values.back());
}

TEST(DurationHistogram, TheTailIsNotHiddenByTheBulk)
{
    DurationHistogram histogram;
    for (int i = 0; i < 990; ++i)
        histogram.add(2'000);
    for (int i = 0; i < 10; ++i)
        histogram.add(40'000);
    EXPECT_LE(histogram.percentileUs(0.99), 2'063);
    EXPECT_GE(histogram.percentileUs(0.991), 40'000);
    EXPECT_EQ(histogram.maxUs(), 40'000);
}

TEST(DurationHistogram, BeyondTheLastOctaveStillCountsAndKeepsTheMaximum)
{
    DurationHistogram histogram;
    const qint64 huge = qint64(1) << 60;
    histogram.add(huge);
    EXPECT_EQ(histogram.count(), 1u);
    EXPECT_EQ(histogram.maxUs(), huge);
    EXPECT_EQ(histogram.percentileUs(0.5), huge);
}
