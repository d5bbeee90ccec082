#include "app/FrameProbe.h"
#include "support/TestClock.h"
#include "ui/FramePacer.h"

#include <QCoreApplication>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

#include <gtest/gtest.h>

using vantage::FramePacer;
using vantage::FrameProbe;
using vantage::test::TestClock;

namespace {

class PaintCounter final : public QWidget
{
public:
    using QWidget::QWidget;
    int paints = 0;

protected:
    void paintEvent(QPaintEvent *) override { ++paints; }
};

// A window whose one child counts its paints, paced by a clock the test moves. The frame probe is
// attached first, as a window's own filters may be, and still counts only the frames painted.
struct PacedWindow
{
    TestClock clock;
    QWidget window;
    PaintCounter *child = new PaintCounter(&window);
    FrameProbe *probe = new FrameProbe(&window);
    FramePacer *pacer = new FramePacer(&window, [this] { return clock.now(); });

    PacedWindow()
    {
        (new QVBoxLayout(&window))->addWidget(child);
        window.resize(240, 160);
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        EXPECT_TRUE(QTest::qWaitFor([this] { return child->paints > 0; }, 5000));
    }

    // Every event posted so far is handled, the repaint manager's requests among them.
    static void settle() { QCoreApplication::sendPostedEvents(); }

    // Time passes and the child asks to be repainted, not for a batch.
    void updateAfter(qint64 ms)
    {
        clock.advance(ms);
        child->update();
        settle();
    }

    // A batch applied that changes what the child shows.
    void batch()
    {
        child->update();
        pacer->batchApplied();
        settle();
    }
};

} // namespace

TEST(FramePacerGui, WithNoBatchesARepaintGoesAheadAtOnce)
{
    PacedWindow w;
    const int before = w.child->paints;
    w.child->update();
    PacedWindow::settle();
    EXPECT_EQ(w.child->paints, before + 1);

    // A stream that stopped: the last batch longer ago than a stream's gap.
    w.batch();
    w.updateAfter(FramePacer::kStreamGapMs);
    EXPECT_EQ(w.child->paints, before + 3);
}

TEST(FramePacerGui, WhileBatchesFlowARepaintBetweenThemIsPaintedWithTheNext)
{
    PacedWindow w;
    w.batch();
    const int afterBatch = w.child->paints;
    const quint64 framesAfterBatch = w.probe->frames();

    w.updateAfter(5);
    EXPECT_EQ(w.child->paints, afterBatch);
    EXPECT_EQ(w.probe->frames(), framesAfterBatch);

    w.clock.advance(11);
    w.batch();
    EXPECT_EQ(w.child->paints, afterBatch + 1);
    EXPECT_EQ(w.probe->frames(), framesAfterBatch + 1);
}

TEST(FramePacerGui, EvenARepaintAskedForBetweenBatchesWaitsForTheNext)
{
    PacedWindow w;
    w.batch();
    const int afterBatch = w.child->paints;

    w.clock.advance(5);
    w.child->repaint();
    EXPECT_EQ(w.child->paints, afterBatch);

    w.clock.advance(11);
    w.batch();
    EXPECT_EQ(w.child->paints, afterBatch + 1);
}

TEST(FramePacerGui, ABatchThatChangesNothingLetsNoLaterRepaintThrough)
{
    PacedWindow w;
    w.batch();
    const int afterBatch = w.child->paints;

    w.clock.advance(16);
    w.pacer->batchApplied();
    PacedWindow::settle();
    EXPECT_EQ(w.child->paints, afterBatch);

    w.updateAfter(5);
    EXPECT_EQ(w.child->paints, afterBatch);
}

TEST(FramePacerGui, ARepaintHeldForABatchThatDoesNotComeIsPaintedAnyway)
{
    PacedWindow w;
    w.batch();
    const int afterBatch = w.child->paints;

    w.updateAfter(5);
    ASSERT_EQ(w.child->paints, afterBatch);
    EXPECT_TRUE(QTest::qWaitFor([&] { return w.child->paints > afterBatch; }, 5000));
}

TEST(FramePacerGui, OnlyItsOwnWindowIsPaced)
{
    PacedWindow w;
    w.batch();
    QWidget other;
    auto *otherChild = new PaintCounter(&other);
    (new QVBoxLayout(&other))->addWidget(otherChild);
    other.resize(240, 160);
    other.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return otherChild->paints > 0; }, 5000));

    const int before = otherChild->paints;
    w.clock.advance(5);
    otherChild->update();
    PacedWindow::settle();
    EXPECT_EQ(otherChild->paints, before + 1);
}
