#include "support/LogFrames.h"
#include "support/SessionFixture.h"
#include "ui/FeedPanel.h"
#include "ui/PlaybackBar.h"

#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QMenuBar>
#include <QToolButton>

#include <gtest/gtest.h>

// The playback bar of a replay: its buttons, speed combo and keys reach the source on the feed
// thread, which reports back where it is in the log.

using namespace vantage;

namespace {

constexpr qint64 kHourMs = 3'600'000;

// Signups an hour apart: at 1x only the first is played within a test.
QString hourlyLog(test::SessionFixture &f)
{
    return f.writeLog(QStringLiteral("hourly.ndjson"), test::signupsEvery(kHourMs, 4));
}

const ReplayPlayback &reported(const test::SessionFixture &f)
{
    return f.models.stats().replay.playback;
}

bool waitFor(const std::function<bool()> &condition)
{
    return QTest::qWaitFor(condition, 20'000);
}

} // namespace

TEST(PlaybackGui, ShownForAReplayButNotForTheDemo)
{
    test::SessionFixture f;
    f.play(hourlyLog(f), 1.0);
    EXPECT_TRUE(f.window.playbackBar()->isVisible());

    f.controller.start(makeSource(AppOptions{}));
    EXPECT_TRUE(f.window.demoMode());
    EXPECT_FALSE(f.window.playbackBar()->isVisible());
}

TEST(PlaybackGui, PauseStepSpeedAndLoopReachTheSource)
{
    test::SessionFixture f;
    f.play(hourlyLog(f), 1.0);
    PlaybackBar *bar = f.window.playbackBar();
    ASSERT_TRUE(waitFor([&] { return reported(f).line == 1; }));
    EXPECT_FALSE(bar->stepButton()->isEnabled());

    bar->playButton()->click();
    EXPECT_TRUE(bar->isPaused());
    EXPECT_TRUE(bar->stepButton()->isEnabled());
    EXPECT_TRUE(waitFor([&] { return reported(f).paused; }));

    bar->speedCombo()->setCurrentIndex(bar->speedCombo()->findText(QStringLiteral("8\u00d7")));
    EXPECT_TRUE(waitFor([&] { return reported(f).speed == 8.0; }));

    bar->stepButton()->click();
    ASSERT_TRUE(waitFor([&] { return reported(f).line == 2 && f.feedNames().size() == 2; }));
    const QString secondFrameTime = QDateTime::fromMSecsSinceEpoch(test::kLogStartMs + kHourMs)
                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    EXPECT_EQ(bar->positionText(), secondFrameTime + QStringLiteral(" line 2"));

    bar->loopButton()->click();
    EXPECT_TRUE(waitFor([&] { return reported(f).loop; }));

    bar->playButton()->click();
    EXPECT_FALSE(bar->isPaused());
    EXPECT_TRUE(waitFor([&] { return !reported(f).paused; }));
}

TEST(PlaybackGui, KeysPlayPauseStepAndChangeSpeed)
{
    test::SessionFixture f;
    f.play(hourlyLog(f), 1.0);
    f.window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&f.window));
    PlaybackBar *bar = f.window.playbackBar();
    ASSERT_TRUE(waitFor([&] { return reported(f).line == 1; }));

    QTest::keyClick(&f.window, Qt::Key_Right); // playing: no step
    QTest::keyClick(&f.window, Qt::Key_Space);
    EXPECT_TRUE(bar->isPaused());
    QTest::keyClick(&f.window, Qt::Key_Right);
    EXPECT_TRUE(waitFor([&] { return reported(f).paused && reported(f).line == 2; }));

    QTest::keyClick(&f.window, Qt::Key_Plus);
    EXPECT_EQ(bar->speedCombo()->currentText(), QStringLiteral("2\u00d7"));
    EXPECT_TRUE(waitFor([&] { return reported(f).speed == 2.0; }));
    QTest::keyClick(&f.window, Qt::Key_Minus);
    QTest::keyClick(&f.window, Qt::Key_Minus);
    EXPECT_EQ(bar->speedCombo()->currentText(), QStringLiteral("0.5\u00d7"));
    EXPECT_TRUE(waitFor([&] { return reported(f).speed == 0.5; }));

    // In the feed's search box, Space is a space.
    QLineEdit *search = f.window.feedPanel()->searchEdit();
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Space);
    EXPECT_EQ(search->text(), QStringLiteral(" "));
    EXPECT_TRUE(bar->isPaused());
}

TEST(PlaybackGui, ASpeedNotListedIsAddedInItsPlace)
{
    test::SessionFixture f;
    f.play(hourlyLog(f), 3.0);
    QComboBox *speeds = f.window.playbackBar()->speedCombo();
    EXPECT_EQ(speeds->currentText(), QStringLiteral("3\u00d7"));
    EXPECT_EQ(speeds->itemText(speeds->currentIndex() - 1), QStringLiteral("2\u00d7"));
    EXPECT_EQ(speeds->itemText(speeds->currentIndex() + 1), QStringLiteral("4\u00d7"));

    f.play(hourlyLog(f), 0.0);
    EXPECT_EQ(speeds->currentText(), QStringLiteral("Max"));
}
