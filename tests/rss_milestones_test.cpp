#include "app/RssMilestones.h"

#include <gtest/gtest.h>

#include <QJsonObject>

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

TEST(RssMilestones, ResidentSetIsReadFromProc)
{
    EXPECT_GT(vantage::residentSetBytes(), 1024 * 1024);
}
