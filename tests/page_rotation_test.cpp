#include "ui/PageRotation.h"

#include <gtest/gtest.h>

using namespace vantage;

namespace {

constexpr qint64 t0 = 1'700'000'000'000;
constexpr qint64 interval = 10'000;
constexpr qint64 hold = 60'000;

} // namespace

TEST(PageRotation, ShowsEachPageInOrderForItsInterval)
{
    PageRotation rotation(3, interval, hold);
    rotation.start(0, t0);
    EXPECT_EQ(rotation.advanceTo(t0), 0);
    EXPECT_EQ(rotation.advanceTo(t0 + interval - 1), 0);
    EXPECT_EQ(rotation.advanceTo(t0 + interval), 1); // exactly at the end of the interval
    EXPECT_EQ(rotation.advanceTo(t0 + 2 * interval - 1), 1);
    EXPECT_EQ(rotation.advanceTo(t0 + 2 * interval), 2);
    EXPECT_EQ(rotation.advanceTo(t0 + 3 * interval), 0); // and round again
    EXPECT_EQ(rotation.page(), 0);
}

TEST(PageRotation, StartsFromTheGivenPageWithAFullInterval)
{
    PageRotation rotation(2, interval, hold);
    rotation.start(1, t0 + 5'000);
    EXPECT_EQ(rotation.advanceTo(t0 + 5'000 + interval - 1), 1);
    EXPECT_EQ(rotation.advanceTo(t0 + 5'000 + interval), 0);
}

TEST(PageRotation, MovesOnePageAtATimeAfterAClockJump)
{
    PageRotation rotation(3, interval, hold);
    rotation.start(0, t0);
    // A suspended machine wakes an hour later: one step, then the normal interval from there.
    const qint64 woke = t0 + 3'600'000;
    EXPECT_EQ(rotation.advanceTo(woke), 1);
    EXPECT_EQ(rotation.advanceTo(woke), 1);
    EXPECT_EQ(rotation.advanceTo(woke + interval - 1), 1);
    EXPECT_EQ(rotation.advanceTo(woke + interval), 2);
}

TEST(PageRotation, InteractionHoldsUntilTheHoldAfterTheLastOne)
{
    PageRotation rotation(2, interval, hold);
    rotation.start(0, t0);
    EXPECT_FALSE(rotation.isHeld(t0));
    rotation.interact(t0 + 5'000);
    EXPECT_TRUE(rotation.isHeld(t0 + 5'000));
    EXPECT_EQ(rotation.advanceTo(t0 + interval), 0); // due, but held
    rotation.interact(t0 + 30'000);                  // a later touch extends the hold
    EXPECT_EQ(rotation.advanceTo(t0 + 5'000 + hold), 0);
    EXPECT_TRUE(rotation.isHeld(t0 + 30'000 + hold - 1));
    EXPECT_EQ(rotation.advanceTo(t0 + 30'000 + hold - 1), 0);
    EXPECT_FALSE(rotation.isHeld(t0 + 30'000 + hold));
    EXPECT_EQ(rotation.advanceTo(t0 + 30'000 + hold), 1); // exactly when the hold ends
}

TEST(PageRotation, ResumesTheNormalIntervalAfterAHold)
{
    PageRotation rotation(2, interval, hold);
    rotation.start(0, t0);
    rotation.interact(t0 + 1'000);
    const qint64 resumed = t0 + 1'000 + hold;
    ASSERT_EQ(rotation.advanceTo(resumed), 1);
    EXPECT_EQ(rotation.advanceTo(resumed + interval - 1), 1);
    EXPECT_EQ(rotation.advanceTo(resumed + interval), 0);
}

TEST(PageRotation, AHoldNeverShortensAPage)
{
    const qint64 longInterval = 120'000;
    PageRotation rotation(2, longInterval, hold);
    rotation.start(0, t0);
    rotation.interact(t0 + 1'000);
    EXPECT_EQ(rotation.advanceTo(t0 + 1'000 + hold), 0); // the hold is over, the interval is not
    EXPECT_EQ(rotation.advanceTo(t0 + longInterval - 1), 0);
    EXPECT_EQ(rotation.advanceTo(t0 + longInterval), 1);
}

TEST(PageRotation, ASinglePageNeverRotates)
{
    PageRotation rotation(1, interval, hold);
    rotation.start(0, t0);
    for (qint64 at = t0; at <= t0 + 10 * interval; at += interval / 2)
        EXPECT_EQ(rotation.advanceTo(at), 0) << "at +" << (at - t0);
    rotation.interact(t0 + 10 * interval);
    EXPECT_EQ(rotation.advanceTo(t0 + 100 * interval), 0);
}

TEST(PageRotation, StartClearsAHold)
{
    PageRotation rotation(2, interval, hold);
    rotation.start(0, t0);
    rotation.interact(t0);
    rotation.start(1, t0 + 1'000);
    EXPECT_FALSE(rotation.isHeld(t0 + 1'000));
    EXPECT_EQ(rotation.advanceTo(t0 + 1'000 + interval), 0);
}
