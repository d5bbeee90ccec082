#include "support/OverviewFixture.h"

#include <QLabel>

#include <gtest/gtest.h>

// The window's status bar says whether the feed is recorded (--record), how much, and why a
// recording stopped, from the stats the pipeline hands over with every batch.

using namespace vantage;

namespace {

// Applies a batch that carries `stats`; the status bar's recording label.
QLabel *recordLabelAfter(test::OverviewFixture &o, const FeedStats &stats)
{
    o.applyStats(stats);
    return o.window.findChild<QLabel *>(QStringLiteral("status.recording"));
}

} // namespace

TEST(RecordStatusGui, HiddenWithoutRecording)
{
    test::OverviewFixture o;
    QLabel *label = recordLabelAfter(o, FeedStats());
    ASSERT_NE(label, nullptr);
    EXPECT_FALSE(label->isVisible());
    EXPECT_FALSE(o.window.statusText().contains(QStringLiteral("Recording")));
}

TEST(RecordStatusGui, ShowsTheFramesRecordedThenWhyTheRecordingStopped)
{
    test::OverviewFixture o;
    FeedStats stats;
    stats.recordPath = QStringLiteral("/full/session.ndjson.gz");
    stats.framesRecorded = 42;
    QLabel *label = recordLabelAfter(o, stats);
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
    EXPECT_EQ(label->text(), QStringLiteral("Recording: 42 frames"));
    EXPECT_TRUE(label->toolTip().contains(stats.recordPath));
    EXPECT_TRUE(o.window.statusText().contains(QStringLiteral("Recording: 42 frames")));

    stats.recordError =
        QStringLiteral("Recording to /full/session.ndjson.gz stopped: No space left on device");
    recordLabelAfter(o, stats);
    EXPECT_TRUE(label->isVisible());
    EXPECT_EQ(label->text(), stats.recordError);
    EXPECT_EQ(label->textFormat(), Qt::PlainText);
}

TEST(RecordStatusGui, ShowsTheFramesJournaledThenWhyTheJournalStopped)
{
    test::OverviewFixture o;
    o.applyStats(FeedStats());
    auto *label = o.window.findChild<QLabel *>(QStringLiteral("status.journal"));
    ASSERT_NE(label, nullptr);
    EXPECT_FALSE(label->isVisible());

    FeedStats stats;
    stats.journalDir = QStringLiteral("/home/ops/.local/share/Vantage/vantage/journal");
    stats.framesJournaled = 1234;
    o.applyStats(stats);
    EXPECT_TRUE(label->isVisible());
    EXPECT_EQ(label->text(), QStringLiteral("Journal: 1,234 frames"));
    EXPECT_TRUE(label->toolTip().contains(stats.journalDir));
    EXPECT_TRUE(o.window.statusText().contains(QStringLiteral("Journal: 1,234 frames")));

    stats.journalError = QStringLiteral("Cannot record to /home/ops/x.ndjson.gz: No space left on device");
    o.applyStats(stats);
    EXPECT_EQ(label->text(), stats.journalError);
    EXPECT_EQ(label->textFormat(), Qt::PlainText);
}
