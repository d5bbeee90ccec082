#include "models/EventRing.h"

#include <gtest/gtest.h>

#include <QString>

using vantage::EventRing;

TEST(EventRing, NewestFirstBeforeWrapping)
{
    EventRing<int> ring(4);
    EXPECT_EQ(ring.capacity(), 4);
    EXPECT_EQ(ring.size(), 0);
    ring.push(1);
    ring.push(2);
    ring.push(3);
    ASSERT_EQ(ring.size(), 3);
    EXPECT_EQ(ring.newest(0), 3);
    EXPECT_EQ(ring.newest(1), 2);
    EXPECT_EQ(ring.newest(2), 1);
    EXPECT_EQ(ring.totalPushed(), 3u);
}

TEST(EventRing, WrapAroundDropsOldest)
{
    EventRing<int> ring(3);
    for (int i = 1; i <= 8; ++i)
        ring.push(i);
    ASSERT_EQ(ring.size(), 3);
    EXPECT_EQ(ring.newest(0), 8);
    EXPECT_EQ(ring.newest(1), 7);
    EXPECT_EQ(ring.newest(2), 6);
    EXPECT_EQ(ring.totalPushed(), 8u);
}

TEST(EventRing, CapacityOneKeepsOnlyNewest)
{
    EventRing<QString> ring(1);
    ring.push(QStringLiteral("a"));
    ring.push(QStringLiteral("b"));
    ASSERT_EQ(ring.size(), 1);
    EXPECT_EQ(ring.newest(0), QStringLiteral("b"));
    ring.push(QStringLiteral("c"));
    EXPECT_EQ(ring.newest(0), QStringLiteral("c"));
    EXPECT_EQ(ring.totalPushed(), 3u);
}

TEST(EventRing, DoesNotReallocateWhenWrapping)
{
    EventRing<int> ring(5);
    ring.push(0);
    const int *first = &ring.newest(0);
    for (int i = 1; i < 12; ++i)
        ring.push(i);
    // Slot of item 10 is the slot item 0 had: storage never moved.
    EXPECT_EQ(&ring.newest(1), first);
    EXPECT_EQ(ring.newest(1), 10);
}

TEST(EventRing, ClearEmptiesAndRestarts)
{
    EventRing<int> ring(2);
    ring.push(1);
    ring.push(2);
    ring.push(3);
    ring.clear();
    EXPECT_EQ(ring.size(), 0);
    EXPECT_EQ(ring.totalPushed(), 0u);
    ring.push(9);
    ASSERT_EQ(ring.size(), 1);
    EXPECT_EQ(ring.newest(0), 9);
}
