#include "app/FrameProbe.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

#include <gtest/gtest.h>

using vantage::FrameProbe;

TEST(FrameProbeGui, TheFirstFrameIsSignalledOnceAndLaterRepaintsCount)
{
    QWidget window;
    auto *label = new QLabel(QStringLiteral("0"), &window);
    (new QVBoxLayout(&window))->addWidget(label);
    window.resize(320, 200);
    auto *probe = new FrameProbe(&window);
    QSignalSpy first(probe, &FrameProbe::firstFramePainted);
    EXPECT_EQ(probe->frames(), 0u);

    window.show();
    ASSERT_TRUE(first.wait(5000));
    const quint64 shown = probe->frames();
    EXPECT_GE(shown, 1u);

    // A child's change is a new frame of the window, and the interval before it is counted.
    label->setText(QStringLiteral("1"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe->frames() > shown; }, 5000));
    EXPECT_EQ(probe->intervals().count(), probe->frames() - 1);
    EXPECT_EQ(first.count(), 1);
}
