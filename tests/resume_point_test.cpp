#include "feed/ResumePoint.h"

#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace vantage;

TEST(ResumePoint, EventIdRoundTrip)
{
    const ResumePoint point{QStringLiteral("r-5f3a"), 41};
    EXPECT_EQ(point.toEventId(), QByteArrayLiteral("r-5f3a:41"));
    const auto back = ResumePoint::fromEventId(point.toEventId());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, point);
}

TEST(ResumePoint, EpochMayHoldColonsTheLastOneSeparates)
{
    const auto point = ResumePoint::fromEventId("2026:11:22:7");
    ASSERT_TRUE(point.has_value());
    EXPECT_EQ(point->epoch, QStringLiteral("2026:11:22"));
    EXPECT_EQ(point->seq, 7);
}

TEST(ResumePoint, MalformedEventIdsAreRejected)
{
    for (const char *id : {"", "42", ":42", "e:", "e:-1", "e:4x", "e: 4", "e:99999999999999999999"})
        EXPECT_FALSE(ResumePoint::fromEventId(QByteArrayView(id)).has_value()) << id;
}

TEST(ResumePoint, QueryRoundTripReplacesEarlierValues)
{
    const QUrl base(QStringLiteral("ws://127.0.0.1:9000/stream?since=1&epoch=old&room=a"));
    const ResumePoint point{QStringLiteral("e&p=1 x"), 1234};
    const QUrl url = point.addedTo(base);
    const QUrlQuery query(url);
    EXPECT_EQ(query.allQueryItemValues(QStringLiteral("since")).size(), 1);
    EXPECT_EQ(query.queryItemValue(QStringLiteral("room")), QStringLiteral("a"));
    const auto back = ResumePoint::fromQuery(url);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, point);
}

TEST(ResumePoint, QueryWithoutBothPartsIsNoResume)
{
    EXPECT_FALSE(ResumePoint::fromQuery(QUrl(QStringLiteral("ws://h/s?since=3"))).has_value());
    EXPECT_FALSE(ResumePoint::fromQuery(QUrl(QStringLiteral("ws://h/s?epoch=e"))).has_value());
    EXPECT_FALSE(ResumePoint::fromQuery(QUrl(QStringLiteral("ws://h/s?since=x&epoch=e"))).has_value());
    EXPECT_FALSE(ResumePoint{}.isValid());
}
