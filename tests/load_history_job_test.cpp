#include "app/LoadHistoryJob.h"
#include "feed/JournalSegment.h"
#include "support/GzipFiles.h"
#include "support/ReplayIndexLogs.h"
#include "support/TestFiles.h"

#include <QDateTime>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

// Reading the load history of a real log, and of a journal folder, off the GUI thread.

using namespace vantage;

namespace {

constexpr qint64 kHour = HourlyLoad::kHourMs;
constexpr int kHours = 4 * 24;

const QTimeZone kZone(3600);

// Monday 1 June 2026, 00:00 an hour ahead of UTC.
qint64 baseMs()
{
    return QDateTime(QDate(2026, 6, 1), QTime(0, 0), kZone).toMSecsSinceEpoch();
}

// When the history is read: well after the log, so no frame of it is at that time.
qint64 readMs()
{
    return baseMs() + 10 * 24 * kHour;
}

qint64 eventsIn(int hour)
{
    return hour * 7 % 11;
}

struct Log
{
    QByteArrayList frames;
    std::vector<qint64> receivedMs; // for a recording of it
};

// Four days: each hour a ping at its start and 30 s before its end, eventsIn(hour) signups in
// between. Then frames the history leaves out: a repeated signup (a duplicate), one without a
// time, one far ahead of the reading time.
Log fourDays()
{
    Log log;
    int seq = 0;
    const auto add = [&](const QByteArray &frame, qint64 atMs) {
        log.frames << frame;
        log.receivedMs.push_back(atMs);
    };
    const QByteArray signup = R"({"id":"e","type":"signup","user_name":"Ana"})";
    for (int hour = 0; hour < kHours; ++hour) {
        const qint64 start = baseMs() + hour * kHour;
        add(test::stampedFrame(++seq, "ping", start, "{}"), start);
        for (qint64 k = 0; k < eventsIn(hour); ++k)
            add(test::stampedFrame(++seq, "event", start + 60'000 * (k + 1), signup),
                start + 60'000 * (k + 1));
        add(test::stampedFrame(++seq, "ping", start + kHour - 30'000, "{}"), start + kHour - 30'000);
    }
    const qint64 lastMs = log.receivedMs.back();
    add(log.frames[1], lastMs);
    add(R"({"v":1,"type":"event","seq":)" + QByteArray::number(++seq) + R"(,"data":)" + signup + '}', lastMs);
    add(test::stampedFrame(++seq, "event", readMs() + 24 * kHour, signup), lastMs);
    return log;
}

struct Outcome
{
    std::optional<HourlyLoad> history;
    QString error;
};

Outcome readHistory(const QString &path)
{
    Outcome outcome;
    LoadHistoryJob job(path, nullptr, kZone, [] { return readMs(); });
    bool ended = false;
    QObject::connect(&job, &LoadHistoryJob::finished, [&](const HourlyLoad &history) {
        outcome.history = history;
        ended = true;
    });
    QObject::connect(&job, &LoadHistoryJob::failed, [&](const QString &error) {
        outcome.error = error;
        ended = true;
    });
    job.start();
    EXPECT_TRUE(QTest::qWaitFor([&] { return ended; }, 5000));
    return outcome;
}

void expectFourDays(const HourlyLoad &history)
{
    const std::vector<HourlyLoad::CoveredHour> hours = history.coveredHours();
    ASSERT_EQ(hours.size(), std::size_t(kHours));
    for (int hour = 0; hour < kHours; ++hour) {
        EXPECT_EQ(hours[std::size_t(hour)].slot.startMs, baseMs() + hour * kHour) << "hour " << hour;
        EXPECT_EQ(hours[std::size_t(hour)].slot.hourOfDay, hour % 24) << "hour " << hour;
        EXPECT_EQ(hours[std::size_t(hour)].events, eventsIn(hour)) << "hour " << hour;
    }
    EXPECT_EQ(history.firstFrameMs(), baseMs());
    EXPECT_EQ(history.lastFrameMs(), baseMs() + kHours * kHour - 30'000);
}

} // namespace

TEST(LoadHistoryJob, ReadsALogIntoHoursOfItsZone)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("history.ndjson"));
    ASSERT_TRUE(test::writeLines(path, fourDays().frames));

    const Outcome outcome = readHistory(path);
    ASSERT_TRUE(outcome.history) << outcome.error.toStdString();
    EXPECT_EQ(outcome.history->zone(), kZone);
    expectFourDays(*outcome.history);
}

TEST(LoadHistoryJob, ReadsAJournalFolderAsOneLog)
{
    // The recording split in three gzip segments, as the live journal writes them.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Log log = fourDays();
    const qsizetype third = log.frames.size() / 3;
    for (qsizetype from = 0; from < log.frames.size(); from += third) {
        const QByteArrayList part = log.frames.mid(from, third);
        const auto receivedMs = [&](int i) { return log.receivedMs[std::size_t(from + i)]; };
        const QString segment = QDir(dir.path()).filePath(journalSegmentName(receivedMs(0)));
        ASSERT_TRUE(test::writeGzip(segment, test::joinLines(test::recordingOf(part, receivedMs))));
    }
    ASSERT_GE(listJournalSegments(dir.path()).size(), 3u);

    const Outcome outcome = readHistory(dir.path());
    ASSERT_TRUE(outcome.history) << outcome.error.toStdString();
    expectFourDays(*outcome.history);
}

TEST(LoadHistoryJob, ReportsProgressToTheEnd)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("history.ndjson"));
    ASSERT_TRUE(test::writeLines(path, fourDays().frames));

    LoadHistoryJob job(path, nullptr, kZone, [] { return readMs(); });
    QSignalSpy progress(&job, &LoadHistoryJob::progress);
    QSignalSpy finished(&job, &LoadHistoryJob::finished);
    job.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, 5000));
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last().first().toInt(), 1000);
}

TEST(LoadHistoryJob, FailsNamingAFileItCannotRead)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing.ndjson"));
    const Outcome outcome = readHistory(missing);
    EXPECT_FALSE(outcome.history);
    EXPECT_TRUE(outcome.error.contains(missing)) << outcome.error.toStdString();

    const Outcome folder = readHistory(dir.path());
    EXPECT_FALSE(folder.history);
    EXPECT_TRUE(folder.error.contains(QStringLiteral("is a directory, not a log file")))
        << folder.error.toStdString();
}

TEST(LoadHistoryJob, DestroyedWhileReadingSaysNothing)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("history.ndjson"));
    ASSERT_TRUE(test::writeLines(path, fourDays().frames));

    int emitted = 0;
    auto job = std::make_unique<LoadHistoryJob>(path, nullptr, kZone, [] { return readMs(); });
    QObject::connect(job.get(), &LoadHistoryJob::finished, [&] { ++emitted; });
    QObject::connect(job.get(), &LoadHistoryJob::failed, [&] { ++emitted; });
    job->start();
    job.reset();
    QCoreApplication::processEvents();
    EXPECT_EQ(emitted, 0);
}
