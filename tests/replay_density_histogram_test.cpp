#include "feed/ReplayDensityHistogram.h"

#include <gtest/gtest.h>

#include <numeric>

// The timeline's density: a fixed number of buckets whose width doubles as the span grows.

using namespace vantage;

TEST(ReplayDensityHistogram, StartsAtTheFirstTimeInMillisecondBuckets)
{
    ReplayDensityHistogram histogram(4);
    EXPECT_FALSE(histogram.originMs());
    histogram.add(1000);
    histogram.add(1003);
    histogram.add(1003);

    EXPECT_EQ(histogram.originMs(), 1000);
    EXPECT_EQ(histogram.bucketWidthMs(), 1);
    EXPECT_EQ(histogram.counts(), (std::vector<quint64>{1, 0, 0, 2}));
}

TEST(ReplayDensityHistogram, DoublesTheWidthAndMergesNeighboursWhenATimeFallsPastTheEnd)
{
    ReplayDensityHistogram histogram(4);
    for (qint64 t : {0, 1, 2, 3})
        histogram.add(t);
    histogram.add(4); // [0,2) [2,4) [4,6) [6,8)
    EXPECT_EQ(histogram.bucketWidthMs(), 2);
    EXPECT_EQ(histogram.counts(), (std::vector<quint64>{2, 2, 1, 0}));

    histogram.add(20, 3); // width 8: [0,8) [8,16) [16,24) [24,32)
    EXPECT_EQ(histogram.bucketWidthMs(), 8);
    EXPECT_EQ(histogram.counts(), (std::vector<quint64>{5, 0, 3, 0}));
    EXPECT_EQ(histogram.total(), 8u);
}

TEST(ReplayDensityHistogram, AnOddBucketCountKeepsEveryFrame)
{
    ReplayDensityHistogram histogram(3);
    for (qint64 t : {0, 1, 2, 3, 9})
        histogram.add(t);
    EXPECT_EQ(histogram.bucketWidthMs(), 4);
    EXPECT_EQ(histogram.counts(), (std::vector<quint64>{4, 0, 1}));
}

TEST(ReplayDensityHistogram, TimesBeforeTheOriginCountInTheFirstBucket)
{
    ReplayDensityHistogram histogram(10);
    histogram.add(5000);
    histogram.add(4000);
    EXPECT_EQ(histogram.counts()[0], 2u);
    EXPECT_EQ(histogram.originMs(), 5000);
}

TEST(ReplayDensityHistogram, ADayInAThousandBucketsStaysAThousandBuckets)
{
    ReplayDensityHistogram histogram(1000);
    const qint64 day = 24 * 3600 * 1000;
    for (qint64 t = 0; t <= day; t += 60'000)
        histogram.add(t);
    EXPECT_EQ(histogram.counts().size(), 1000u);
    EXPECT_LT(day / histogram.bucketWidthMs(), 1000);
    EXPECT_EQ(std::accumulate(histogram.counts().begin(), histogram.counts().end(), quint64(0)), 1441u);
}
