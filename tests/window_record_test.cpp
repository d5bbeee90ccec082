#include "support/LogFrames.h"
#include "support/SessionFixture.h"
#include "ui/PlaybackBar.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QToolButton>

#include <gtest/gtest.h>

// File > Record... and Stop recording in the window: the recording starts on the feed thread and
// holds the header and every frame received in between.

using namespace vantage;

namespace {

QAction *action(const test::SessionFixture &f, const QString &name)
{
    return f.window.findChild<QAction *>(name);
}

QJsonObject jsonLine(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

bool waitFor(const std::function<bool()> &condition)
{
    return QTest::qWaitFor(condition, 20'000);
}

// A log of signups an hour apart, played at 1x: only the first is played until stepped.
QString startHourlyLog(test::SessionFixture &f, QByteArrayList &lines)
{
    lines = test::signupsEvery(3'600'000, 4);
    const QString path = f.writeLog(QStringLiteral("hourly.ndjson"), lines);
    f.play(path, 1.0);
    EXPECT_TRUE(waitFor([&] { return f.models.stats().replay.playback.line == 1; }));
    return path;
}

} // namespace

TEST(WindowRecord, RecordThenStopWritesTheHeaderAndTheFramesInBetween)
{
    test::SessionFixture f;
    QByteArrayList log;
    const QString logPath = startHourlyLog(f, log);
    const QString out = f.dir.filePath(QStringLiteral("session.ndjson"));
    EXPECT_FALSE(action(f, QStringLiteral("action.stopRecording"))->isEnabled());

    ASSERT_TRUE(f.controller.startRecording(out));
    EXPECT_FALSE(action(f, QStringLiteral("action.record"))->isEnabled());
    EXPECT_TRUE(action(f, QStringLiteral("action.stopRecording"))->isEnabled());
    PlaybackBar *bar = f.window.playbackBar();
    bar->playButton()->click();
    bar->stepButton()->click();
    bar->stepButton()->click();
    ASSERT_TRUE(waitFor([&] { return f.models.stats().replay.playback.line == 3; }));

    action(f, QStringLiteral("action.stopRecording"))->trigger();
    EXPECT_TRUE(action(f, QStringLiteral("action.record"))->isEnabled());
    const QByteArrayList recorded = test::readLines(out);
    ASSERT_EQ(recorded.size(), 3);
    const QJsonObject header = jsonLine(recorded[0]);
    EXPECT_EQ(header.value(QStringLiteral("vantage_recording")).toInt(), 1);
    EXPECT_EQ(header.value(QStringLiteral("source")).toString(), logPath);
    for (int i = 1; i <= 2; ++i) {
        const QJsonObject frame = jsonLine(recorded[i]);
        EXPECT_EQ(frame.value(QStringLiteral("transport")).toString(), QStringLiteral("replay"));
        EXPECT_EQ(frame.value(QStringLiteral("frame")).toString().toUtf8(), log[i]);
    }
    EXPECT_TRUE(
        waitFor([&] { return f.window.statusText().contains(QStringLiteral("Recorded: 2 frames")); }));

    // Stopped: what arrives next is not recorded.
    bar->stepButton()->click();
    ASSERT_TRUE(waitFor([&] { return f.models.stats().replay.playback.line == 4; }));
    EXPECT_EQ(test::readLines(out).size(), 3);
}

TEST(WindowRecord, ARecordingThatCannotStartIsReportedAndTheSessionGoesOn)
{
    test::SessionFixture f;
    QByteArrayList log;
    const QString logPath = startHourlyLog(f, log);

    EXPECT_FALSE(f.controller.startRecording(f.dir.path())); // a directory
    auto *box = f.window.findChild<QMessageBox *>(QStringLiteral("errorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains(f.dir.path())) << box->text().toStdString();
    EXPECT_TRUE(action(f, QStringLiteral("action.record"))->isEnabled());
    EXPECT_FALSE(action(f, QStringLiteral("action.stopRecording"))->isEnabled());

    EXPECT_EQ(f.window.sourceLabel(), logPath);
    f.window.playbackBar()->playButton()->click();
    f.window.playbackBar()->stepButton()->click();
    EXPECT_TRUE(waitFor([&] { return f.models.stats().replay.playback.line == 2; }));
}
