#include "widgets/AfterFirstPaint.h"

#include <QEvent>
#include <QTest>
#include <QWidget>

#include <gtest/gtest.h>

#include <memory>

// widgets/AfterFirstPaint: what waits for a window's first frame runs once, after that frame's
// paint, and not at all once its context is gone.

using vantage::afterFirstPaint;

namespace {

constexpr int kWaitMs = 10'000;

// Counts the paints a window has received.
class PaintCounter final : public QObject
{
public:
    explicit PaintCounter(QWidget *window) { window->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

TEST(AfterFirstPaint, RunsOnceAfterTheFirstPaintAndNotBefore)
{
    QWidget window;
    window.resize(300, 200);
    PaintCounter counter(&window);
    QObject context;
    int calls = 0;
    int paintsSeen = -1;
    afterFirstPaint(&window, &context, [&] {
        ++calls;
        paintsSeen = counter.paints;
    });
    EXPECT_FALSE(QTest::qWaitFor([&] { return calls > 0; }, 200)) << "ran before the window was shown";

    window.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return calls == 1; }, kWaitMs));
    EXPECT_GE(paintsSeen, 1);
    window.update();
    ASSERT_TRUE(QTest::qWaitFor([&] { return counter.paints > paintsSeen; }, kWaitMs));
    QCoreApplication::processEvents();
    EXPECT_EQ(calls, 1);
}

TEST(AfterFirstPaint, AWindowShownButNotYetExposedStillWaitsForItsPaint)
{
    QWidget window;
    window.resize(300, 200);
    PaintCounter counter(&window);
    window.show();
    ASSERT_EQ(counter.paints, 0) << "the platform exposes the window from the event loop";
    QObject context;
    int paintsSeen = -1;
    afterFirstPaint(&window, &context, [&] { paintsSeen = counter.paints; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return paintsSeen >= 0; }, kWaitMs));
    EXPECT_GE(paintsSeen, 1);
}

TEST(AfterFirstPaint, AWindowAlreadyExposedRunsItNext)
{
    QWidget window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QObject context;
    bool called = false;
    afterFirstPaint(&window, &context, [&] { called = true; });
    EXPECT_FALSE(called) << "from the event loop, not within the call";
    EXPECT_TRUE(QTest::qWaitFor([&] { return called; }, kWaitMs));
}

TEST(AfterFirstPaint, NotCalledOnceTheContextIsGone)
{
    QWidget window;
    window.resize(300, 200);
    PaintCounter counter(&window);
    auto context = std::make_unique<QObject>();
    bool called = false;
    afterFirstPaint(&window, context.get(), [&] { called = true; });
    context.reset();
    window.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return counter.paints > 0; }, kWaitMs));
    QCoreApplication::processEvents();
    EXPECT_FALSE(called);
}
