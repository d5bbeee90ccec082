#include "app/RssMilestones.h"

#include <gtest/gtest.h>

#include <QJsonObject>

#include <vector>

using vantage::RssMilestones;

TEST(RssMilestones, NothingBeforeTheFirstHundredThousandFrames)
{
    RssMilestones rss;
    rss.update(0);
    rss.update(99'999);
    EXPECT_TRUE(rss.toJson().isEmpty());
}

TEST(RssMilestones, EachPowerOfTenIsTakenOnceWithThisProcessSize)
{
    RssMilestones rss;
    rss.update(100'000);
    const QJsonObject first = rss.toJson();
    ASSERT_EQ(first.size(), 1);
    EXPECT_GT(first.value(QStringLiteral("100000")).toDouble(), 1.0); // a test process is megabytes
    rss.update(150'000);
    EXPECT_EQ(rss.toJson(), first);

    // One batch may cross several.
    rss.update(12'000'000);
    const QJsonObject all = rss.toJson();
    EXPECT_EQ(all.keys(), (QStringList{QStringLiteral("100000"), QStringLiteral("1000000"),
                                       QStringLiteral("10000000")}));
    EXPECT_EQ(all.value(QStringLiteral("100000")), first.value(QStringLiteral("100000")));
}

TEST(RssMilestones, EachIsTheMedianOverTheNextTwoAndAHalfPercentOfFrames)
{
    const std::vector<double> readings{100.0, 130.0, 101.0, 99.0, 500.0};
    size_t reads = 0;
    RssMilestones rss([&] { return readings.at(reads++); });
    rss.update(99'999);
    EXPECT_EQ(reads, 0u);
    rss.update(100'000);
    rss.update(101'000);
    rss.update(102'000);
    rss.update(102'500); // the window's last frame
    rss.update(103'000); // past it: not read
    rss.update(900'000);
    EXPECT_EQ(reads, 4u);
    EXPECT_EQ(rss.toJson().value(QStringLiteral("100000")).toDouble(), 100.5); // not the 130 spike

    rss.update(1'000'000);
    EXPECT_EQ(reads, 5u);
    EXPECT_EQ(rss.toJson().value(QStringLiteral("1000000")).toDouble(), 500.0);
    EXPECT_EQ(rss.toJson().value(QStringLiteral("100000")).toDouble(), 100.5);
}

TEST(RssMilestones, ResidentSetIsReadFromProc)
{
    EXPECT_GT(vantage::residentSetBytes(), 1024 * 1024);
}
