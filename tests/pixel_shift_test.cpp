#include "ui/PixelShift.h"

#include "support/TestClock.h"

#include <QLabel>
#include <QLayout>
#include <QMainWindow>
#include <QSet>
#include <QStatusBar>

#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

using namespace vantage;
using vantage::test::TestClock;

namespace {

// The offsets of one whole cycle, read off a clock that moves a step at a time.
std::vector<QPoint> oneCycle(const PixelShift &shift, TestClock &clock)
{
    std::vector<QPoint> offsets;
    for (int i = 0; i < shift.cycleLength(); ++i) {
        offsets.push_back(shift.offsetAt(clock.now()));
        clock.advance(shift.stepMs());
    }
    return offsets;
}

int chebyshev(QPoint a, QPoint b)
{
    return std::max(std::abs(a.x() - b.x()), std::abs(a.y() - b.y()));
}

} // namespace

TEST(PixelShift, DefaultsToFourPixelsEveryThreeMinutes)
{
    const PixelShift shift;
    EXPECT_EQ(shift.maxPx(), 4);
    EXPECT_EQ(shift.stepMs(), 180'000);
    EXPECT_EQ(shift.cycleLength(), 81); // 9 x 9 offsets
}

TEST(PixelShift, MovesExactlyAtEachStep)
{
    const PixelShift shift(4, 1'000);
    TestClock clock(1'700'000'000'000); // a multiple of the step
    for (int step = 0; step < 20; ++step) {
        const QPoint offset = shift.offsetAt(clock.now());
        EXPECT_EQ(shift.offsetAt(clock.now() + 999), offset) << "step " << step;
        clock.advance(1'000);
        EXPECT_NE(shift.offsetAt(clock.now()), offset) << "step " << step;
    }
}

TEST(PixelShift, VisitsEveryOffsetOncePerCycle)
{
    for (const int maxPx : {1, 2, 4, 7}) {
        const PixelShift shift(maxPx, 180'000);
        TestClock clock;
        const std::vector<QPoint> offsets = oneCycle(shift, clock);
        const int side = 2 * maxPx + 1;
        ASSERT_EQ(int(offsets.size()), side * side) << "maxPx " << maxPx;
        QSet<QPoint> seen;
        for (const QPoint offset : offsets) {
            EXPECT_LE(std::abs(offset.x()), maxPx) << "maxPx " << maxPx;
            EXPECT_LE(std::abs(offset.y()), maxPx) << "maxPx " << maxPx;
            seen.insert(offset);
        }
        EXPECT_EQ(int(seen.size()), side * side) << "maxPx " << maxPx;
    }
}

TEST(PixelShift, MovesOnePixelAtATimeRoundTheWholeCycle)
{
    for (const int maxPx : {1, 2, 4, 7}) {
        const PixelShift shift(maxPx, 180'000);
        TestClock clock;
        const std::vector<QPoint> offsets = oneCycle(shift, clock);
        int diagonalSteps = 0;
        for (size_t i = 0; i < offsets.size(); ++i) {
            const QPoint from = offsets[i];
            const QPoint to = offsets[(i + 1) % offsets.size()]; // including the step back to the start
            EXPECT_EQ(chebyshev(from, to), 1) << "maxPx " << maxPx << ", step " << i;
            if (from.x() != to.x() && from.y() != to.y())
                ++diagonalSteps;
        }
        EXPECT_EQ(diagonalSteps, 1) << "maxPx " << maxPx;
    }
}

TEST(PixelShift, RepeatsEveryCycleAndDependsOnTheClockAlone)
{
    const PixelShift shift;
    const PixelShift sameSettings;
    TestClock clock;
    const qint64 cycleMs = shift.cycleLength() * shift.stepMs();
    for (int i = 0; i < 200; ++i) {
        EXPECT_EQ(shift.offsetAt(clock.now() + cycleMs), shift.offsetAt(clock.now()));
        EXPECT_EQ(sameSettings.offsetAt(clock.now()), shift.offsetAt(clock.now()));
        clock.advance(61'000);
    }
}

TEST(PixelShift, StepsAcrossTheEpochLikeAnywhereElse)
{
    const PixelShift shift(4, 1'000);
    EXPECT_EQ(shift.offsetAt(-1), shift.offsetAt(-1'000));
    EXPECT_EQ(chebyshev(shift.offsetAt(-1), shift.offsetAt(0)), 1);
}

TEST(PixelShift, ZeroPixelsNeverMoves)
{
    const PixelShift shift(0, 1'000);
    EXPECT_EQ(shift.cycleLength(), 1);
    TestClock clock;
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(shift.offsetAt(clock.now()), QPoint(0, 0));
        clock.advance(1'000);
    }
}

TEST(PixelShift, ShiftsTheWholeContentInsideTheWindow)
{
    QMainWindow window;
    auto *central = new QLabel(QStringLiteral("content"));
    window.setCentralWidget(central);
    window.statusBar()->showMessage(QStringLiteral("status"));
    window.resize(640, 480);
    const auto layOut = [&](QPoint offset) {
        applyPixelShift(&window, offset, 4);
        window.layout()->activate();
    };

    layOut({0, 0});
    const QRect centred = central->geometry();
    const QRect statusCentred = window.statusBar()->geometry();
    EXPECT_EQ(centred.topLeft(), QPoint(4, 4));
    EXPECT_EQ(statusCentred.bottom(), window.height() - 1 - 4);

    for (const QPoint offset : {QPoint(4, 4), QPoint(-4, -4), QPoint(3, -2), QPoint(-1, 4)}) {
        layOut(offset);
        EXPECT_EQ(central->geometry(), centred.translated(offset)) << offset.x() << "," << offset.y();
        EXPECT_EQ(window.statusBar()->geometry(), statusCentred.translated(offset))
            << offset.x() << "," << offset.y();
        EXPECT_TRUE(window.rect().contains(window.statusBar()->geometry()));
        EXPECT_TRUE(window.rect().contains(central->geometry()));
    }
}

TEST(PixelShift, NeverShiftsFurtherThanTheBorder)
{
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("content")));
    applyPixelShift(&window, {9, -9}, 4);
    EXPECT_EQ(window.contentsMargins(), QMargins(8, 0, 0, 8));
    applyPixelShift(&window, {1, 2}, 4);
    EXPECT_EQ(window.contentsMargins(), QMargins(5, 6, 3, 2));
}
