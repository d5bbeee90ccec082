#include "feed/TransportUrls.h"

#include <gtest/gtest.h>

using namespace vantage;

TEST(TransportUrls, RelayLayoutStreamBecomesEvents)
{
    EXPECT_EQ(sseUrlFor(QUrl(QStringLiteral("ws://127.0.0.1:8080/stream"))),
              QUrl(QStringLiteral("http://127.0.0.1:8080/events")));
    EXPECT_EQ(sseUrlFor(QUrl(QStringLiteral("wss://ops.example/api/v1/stream"))),
              QUrl(QStringLiteral("https://ops.example/api/v1/events")));
}

TEST(TransportUrls, OtherPathsAreKeptAndAnEmptyOneGetsEvents)
{
    EXPECT_EQ(sseUrlFor(QUrl(QStringLiteral("wss://h/api/workspaces/w1/analytics/realtime"))),
              QUrl(QStringLiteral("https://h/api/workspaces/w1/analytics/realtime")));
    EXPECT_EQ(sseUrlFor(QUrl(QStringLiteral("ws://h:9000"))), QUrl(QStringLiteral("http://h:9000/events")));
    EXPECT_EQ(sseUrlFor(QUrl(QStringLiteral("ws://h:9000/"))), QUrl(QStringLiteral("http://h:9000/events")));
}

TEST(TransportUrls, QueryAndUserInfoAreDropped)
{
    const QUrl url = sseUrlFor(QUrl(QStringLiteral("wss://user:pw@h/stream?since=4&epoch=e&token=x#frag")));
    EXPECT_EQ(url, QUrl(QStringLiteral("https://h/events")));
    EXPECT_TRUE(url.userInfo().isEmpty());
}
