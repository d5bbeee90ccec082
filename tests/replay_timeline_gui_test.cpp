#include "support/LogFrames.h"
#include "models/DashboardModels.h"
#include "models/MetricSeriesStore.h"
#include "support/SessionFixture.h"
#include "ui/ChartPanel.h"
#include "ui/MainWindow.h"
#include "ui/MetricsPage.h"
#include "ui/IndexProgress.h"
#include "ui/PlaybackBar.h"
#include "widgets/ReplayTimeline.h"

#include <QComboBox>

#include <QSignalSpy>
#include <QToolButton>
#include <algorithm>

#include <QTest>

#include <gtest/gtest.h>

// Opening a log in the window indexes it in the background for the timeline, with progress and
// cancel, while it already plays; a click on the timeline seeks the replay there.

using namespace vantage;

namespace {

QString demoLog()
{
    return QStringLiteral(VANTAGE_BIN_DIR) + QStringLiteral("/../share/vantage/demo.ndjson");
}

void chooseMaxSpeed(PlaybackBar *bar)
{
    bar->speedCombo()->setCurrentIndex(bar->speedCombo()->count() - 1);
    ASSERT_LE(bar->speed(), 0.0);
}

} // namespace

TEST(ReplayTimelineGui, AClickOnTheTimelineSeeksThereOnceTheLogIsIndexed)
{
    test::SessionFixture f;
    PlaybackBar *bar = f.window.playbackBar();
    ASSERT_TRUE(f.controller.openLog(demoLog()));
    EXPECT_FALSE(bar->indexProgress()->isHidden());
    EXPECT_FALSE(f.controller.seek(1)) << "nothing is indexed yet";
    bar->togglePause();
    ASSERT_TRUE(QTest::qWaitFor([&] { return bar->indexProgress()->isHidden(); }, 20'000));

    ReplayTimeline *timeline = bar->timeline();
    QSignalSpy seeks(timeline, &ReplayTimeline::seekRequested);
    QTest::mouseClick(timeline, Qt::LeftButton, {},
                      QPoint(timeline->width() * 6 / 10, timeline->height() / 2));
    ASSERT_EQ(seeks.count(), 1);
    const qint64 target = seeks.first().first().toLongLong();

    ASSERT_TRUE(
        QTest::qWaitFor([&] { return f.models.stats().replay.playback.logTimeMs == target; }, 20'000));
    ASSERT_GT(f.models.feed()->rowCount(), 0);
    const qint64 newest = f.models.feed()->itemAt(0).tsMs;
    EXPECT_LE(newest, target);
    EXPECT_GT(newest, target - 60'000);
    EXPECT_EQ(timeline->position(), target);
    EXPECT_TRUE(bar->isPaused());
}

TEST(ReplayTimelineGui, AfterASeekTheMetricsChartsReachBackToTheLogsStart)
{
    test::SessionFixture f;
    f.window.show();
    f.window.showPage(MainWindow::Page::Metrics);
    PlaybackBar *bar = f.window.playbackBar();
    ASSERT_TRUE(f.controller.openLog(demoLog()));
    bar->togglePause();
    ASSERT_TRUE(QTest::qWaitFor([&] { return bar->indexProgress()->isHidden(); }, 20'000));
    const std::shared_ptr<const ReplayIndex> index = bar->timeline()->index();
    ASSERT_TRUE(index && index->firstTimeMs && index->lastTimeMs);
    const qint64 first = *index->firstTimeMs;
    const qint64 target = first + (*index->lastTimeMs - first) * 9 / 10;

    // The index's models handed the whole log's gauge histories to the window's.
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.models.series()->archive() != nullptr; }, 20'000));
    const GaugeArchivePtr archive = f.models.series()->archive();
    const auto requestsHistory = archive->constFind(QStringLiteral("requests_per_second"));
    ASSERT_NE(requestsHistory, archive->constEnd());
    EXPECT_LT(requestsHistory->firstMs(), first + 60'000); // the first minute's min and max
    EXPECT_GT(requestsHistory->points(first, *index->lastTimeMs).back().x(), double(target));

    ASSERT_TRUE(f.controller.seek(target));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return f.models.stats().replay.playback.logTimeMs == target; }, 20'000));
    EXPECT_EQ(f.models.series()->archive(), archive);
    MetricsPage *page = f.window.metricsPage();
    page->setPresetRange(QStringLiteral("1h")); // begins before the log does
    ChartPanel *requests = page->panels()[0];
    ASSERT_EQ(requests->spec().series, QStringList{QStringLiteral("requests_per_second")});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const std::vector<ChartLine> &lines = requests->lines();
            // Within the log's first minute (a pixel column holds a few seconds' min and max).
            return !lines.empty() && !lines[0].points.isEmpty() &&
                   lines[0].points.first().x() < double(first + 60'000);
        },
        20'000));
    // Nothing after the moment shown, though the archive holds the log's end.
    const QList<QPointF> &points = requests->lines()[0].points;
    EXPECT_LE(points.last().x(), double(target));
    EXPECT_EQ(requests->errorText(), QString());
}

TEST(ReplayTimelineGui, CancellingTheIndexSaysSoAndPlaybackGoesOn)
{
    test::SessionFixture f;
    PlaybackBar *bar = f.window.playbackBar();
    chooseMaxSpeed(bar);
    ASSERT_TRUE(f.controller.openLog(demoLog()));
    ASSERT_TRUE(bar->indexProgress()->cancelButton()->isVisibleTo(bar));
    QTest::mouseClick(bar->indexProgress()->cancelButton(), Qt::LeftButton);

    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return bar->indexProgress()->text().contains(QStringLiteral("cancelled")); }, 20'000));
    EXPECT_FALSE(bar->indexProgress()->cancelButton()->isVisibleTo(bar));
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.models.feed()->rowCount() > 1000; }, 20'000));
}

TEST(ReplayTimelineGui, ALogThatCannotBeIndexedSaysWhyInPlaceOfTheTimeline)
{
    test::SessionFixture f;
    PlaybackBar *bar = f.window.playbackBar();
    chooseMaxSpeed(bar);
    // A recording of another format version: the replay and the index both refuse it.
    const QString path = f.writeLog(QStringLiteral("future.ndjson"), {R"({"vantage_recording":99})"});
    ASSERT_TRUE(f.controller.openLog(path));

    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return bar->indexProgress()->text().startsWith(QStringLiteral("No timeline: ")); }, 20'000));
    EXPECT_TRUE(bar->indexProgress()->text().contains(QStringLiteral("format version 99")));
}

TEST(ReplayTimelineGui, AtTheEndOfTheLogPlayStartsItAgain)
{
    test::SessionFixture f;
    PlaybackBar *bar = f.window.playbackBar();
    QByteArrayList lines;
    for (int i = 0; i < 5; ++i)
        lines << test::signupAt(qint64(i) * 1000, i + 1, test::userName(i));
    f.play(f.writeLog(QStringLiteral("short.ndjson"), lines), 0);
    const auto finishedCount = [&] {
        return std::count_if(f.controller.session()->history().begin(),
                             f.controller.session()->history().end(),
                             [](const ConnectionStatus &s) { return s.state == ConnectionState::Finished; });
    };
    // The status and the last batch travel apart: wait for both.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return bar->isFinished() && f.models.feed()->rowCount() == 5; }, 20'000));
    EXPECT_TRUE(bar->isPaused());
    EXPECT_EQ(bar->playButton()->toolTip(), QStringLiteral("Play again from the start (Space)"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return bar->timeline()->index() && bar->timeline()->index()->complete; }, 20'000));

    bar->togglePause();

    EXPECT_FALSE(bar->isFinished());
    EXPECT_FALSE(bar->isPaused());
    ASSERT_TRUE(QTest::qWaitFor([&] { return finishedCount() == 2 && bar->isFinished(); }, 20'000));
    // Played again from the start: the second pass replaced the first, it did not add to it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.feedNames().size() == 5; }, 20'000)) << f.feedNames().size();
    EXPECT_EQ(f.feedNames().first(), QString::fromLatin1(test::userName(4)));
}
