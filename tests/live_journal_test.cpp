#include "feed/LiveJournal.h"
#include "feed/ReceivedFrame.h"
#include "feed/ReplayFile.h"
#include "feed/ReplayIndexer.h"
#include "support/CollectingSink.h"
#include "support/FeedRun.h"
#include "support/LogFrames.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// The live journal keeps the live stream on disk in ten-minute gzip recordings, bounded by age
// and by bytes, and each segment replays as the frames that were received.

using namespace vantage;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kStartMs = test::kLogStartMs;

JournalOptions optionsIn(const QTemporaryDir &dir)
{
    JournalOptions options;
    options.dir = dir.filePath(QStringLiteral("journal"));
    return options;
}

RecordingHeader header()
{
    RecordingHeader h;
    h.source = QUrl(QStringLiteral("ws://127.0.0.1:1/stream?token=secret"));
    h.app = QStringLiteral("vantage test");
    return h;
}

bool recordAt(LiveJournal &journal, const QByteArray &frame, qint64 receivedMs)
{
    return journal.record(ReceivedFrame{frame, receivedMs, QLatin1String("websocket")});
}

// A segment's frames, replayed.
CollectingSink replayed(const QString &path)
{
    CollectingSink sink;
    test::playInto(sink, test::maxSpeedOptions(path));
    return sink;
}

// The folder replays as exactly `frames`, nothing skipped, and indexes them all with no bad line
// and no read error.
void expectReadWhole(const QString &folder, const QByteArrayList &frames)
{
    const CollectingSink sink = replayed(folder);
    EXPECT_EQ(QByteArrayList(sink.frames.begin(), sink.frames.end()), frames);
    EXPECT_TRUE(sink.skipped.empty());

    ReplayIndexer indexer(folder);
    std::atomic<bool> cancel{false};
    ASSERT_EQ(indexer.run(cancel), ReplayIndexer::Outcome::Finished) << indexer.error().toStdString();
    EXPECT_EQ(indexer.index().frames, frames.size());
    EXPECT_EQ(indexer.index().badLines, 0);
    EXPECT_TRUE(indexer.index().readError.isEmpty()) << indexer.index().readError.toStdString();
}

// An empty segment file named for `startMs`, `bytes` long.
void placeSegment(const QString &dir, qint64 startMs, qint64 bytes = 10)
{
    QDir().mkpath(dir);
    QFile file(QDir(dir).filePath(journalSegmentName(startMs)));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(bytes, 'x'));
}

// Journals a signup a minute for 25 minutes from kStartMs into a journal in `dir`; the frames.
QByteArrayList journalTwentyFiveMinutes(const QTemporaryDir &dir)
{
    LiveJournal journal(optionsIn(dir), header());
    EXPECT_TRUE(journal.open(kStartMs));
    QByteArrayList frames;
    for (int i = 0; i < 25; ++i) {
        frames << test::signupAt(qint64(i) * kMinuteMs, i + 1, test::userName(i));
        EXPECT_TRUE(recordAt(journal, frames.constLast(), kStartMs + qint64(i) * kMinuteMs));
    }
    journal.close();
    EXPECT_EQ(journal.framesJournaled(), 25u);
    return frames;
}

} // namespace

TEST(LiveJournal, SegmentsBeginEveryTenMinutesOfReceiveTimeAndReplayAsReceived)
{
    QTemporaryDir dir;
    const QByteArrayList frames = journalTwentyFiveMinutes(dir);

    const std::vector<JournalSegment> segments = listJournalSegments(optionsIn(dir).dir);
    ASSERT_EQ(segments.size(), 3u);
    EXPECT_EQ(segments[0].startMs, kStartMs);
    EXPECT_EQ(segments[1].startMs, kStartMs + 10 * kMinuteMs);
    EXPECT_EQ(segments[2].startMs, kStartMs + 20 * kMinuteMs);

    QByteArrayList back;
    for (const JournalSegment &segment : segments) {
        const CollectingSink sink = replayed(segment.path);
        EXPECT_TRUE(sink.skipped.empty());
        for (const QByteArray &frame : sink.frames)
            back << frame;
    }
    EXPECT_EQ(back, frames);
}

TEST(LiveJournal, TheFolderReplaysAsOneLogAndIndexesWithoutBadLines)
{
    QTemporaryDir dir;
    const QByteArrayList frames = journalTwentyFiveMinutes(dir);
    const QString folder = optionsIn(dir).dir;
    ASSERT_EQ(listJournalSegments(folder).size(), 3u);

    const CollectingSink sink = replayed(folder);
    EXPECT_EQ(QByteArrayList(sink.frames.begin(), sink.frames.end()), frames);
    EXPECT_TRUE(sink.skipped.empty());
    EXPECT_TRUE(sink.rejected.empty());

    ReplayIndexer indexer(folder);
    std::atomic<bool> cancel{false};
    ASSERT_EQ(indexer.run(cancel), ReplayIndexer::Outcome::Finished) << indexer.error().toStdString();
    EXPECT_EQ(indexer.index().frames, 25);
    EXPECT_EQ(indexer.index().badLines, 0);
    EXPECT_EQ(indexer.index().lines, 28); // three headers
    EXPECT_EQ(indexer.index().format, ReplayIndex::Format::Recording);
    EXPECT_EQ(*indexer.index().lastTimeMs, kStartMs + 24 * kMinuteMs);
}

TEST(LiveJournal, AFolderWithoutSegmentsIsStillNoLog)
{
    QTemporaryDir dir;
    ReplayFile file(dir.path());
    EXPECT_FALSE(file.open());
    EXPECT_EQ(file.error(), QStringLiteral("Replay path %1 is a directory, not a log file").arg(dir.path()));
}

TEST(LiveJournal, TheHeaderNamesTheSourceWithoutItsToken)
{
    QTemporaryDir dir;
    LiveJournal journal(optionsIn(dir), header());
    ASSERT_TRUE(journal.open(kStartMs));
    ASSERT_TRUE(recordAt(journal, test::signupAt(0, 1, "Ana"), kStartMs));
    journal.close();

    const std::vector<JournalSegment> segments = listJournalSegments(journal.dir());
    ASSERT_EQ(segments.size(), 1u);
    ReplayFile file(segments[0].path);
    ASSERT_TRUE(file.open());
    ASSERT_TRUE(file.isGzip());
    const QByteArray content = file.content()->readAll();
    EXPECT_TRUE(content.startsWith(R"({"vantage_recording":1,"source":"ws://127.0.0.1:1/stream)"))
        << content.left(120).toStdString();
    EXPECT_EQ(replayed(segments[0].path).frames.size(), 1u);
    EXPECT_FALSE(QString::fromUtf8(content).contains(QStringLiteral("secret")));
}

TEST(LiveJournal, SegmentsWhollyOlderThanTheRetentionAreDeleted)
{
    QTemporaryDir dir;
    JournalOptions options = optionsIn(dir);
    options.retentionMs = 24 * 60 * kMinuteMs;
    const qint64 now = kStartMs + 30 * 60 * kMinuteMs;
    placeSegment(options.dir, now - 26 * 60 * kMinuteMs); // ended 25 h ago
    placeSegment(options.dir, now - 25 * 60 * kMinuteMs); // ended 23 h ago: still within the day
    placeSegment(options.dir, now - 23 * 60 * kMinuteMs);
    LiveJournal journal(options, header());
    ASSERT_TRUE(journal.open(now));

    const std::vector<JournalSegment> left = listJournalSegments(options.dir);
    ASSERT_EQ(left.size(), 2u);
    EXPECT_EQ(left[0].startMs, now - 25 * 60 * kMinuteMs);
}

TEST(LiveJournal, PastTheByteBudgetTheOldestGoFirstButNeverTheCurrentSegment)
{
    QTemporaryDir dir;
    JournalOptions options = optionsIn(dir);
    options.maxBytes = 1000;
    placeSegment(options.dir, kStartMs - 30 * kMinuteMs, 600);
    placeSegment(options.dir, kStartMs - 20 * kMinuteMs, 990);
    LiveJournal journal(options, header());
    ASSERT_TRUE(journal.open(kStartMs));
    std::vector<JournalSegment> left = listJournalSegments(options.dir);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].startMs, kStartMs - 20 * kMinuteMs);

    ASSERT_TRUE(recordAt(journal, test::signupAt(0, 1, "Ana"), kStartMs));
    left = listJournalSegments(options.dir);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].startMs, kStartMs);
    ASSERT_TRUE(recordAt(journal, test::signupAt(0, 2, "Ben"), kStartMs + 1));
    ASSERT_TRUE(journal.flush());
    EXPECT_EQ(journal.framesJournaled(), 2u);
}

TEST(LiveJournal, AFolderThatCannotBeMadeStopsTheJournalNamingIt)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("not-a-folder"));
    placeSegment(dir.path(), kStartMs); // any file will do as an obstacle
    ASSERT_TRUE(QFile::rename(QDir(dir.path()).filePath(journalSegmentName(kStartMs)), file));
    JournalOptions options;
    options.dir = file + QStringLiteral("/journal");
    LiveJournal journal(options, header());

    EXPECT_FALSE(journal.open(kStartMs));
    EXPECT_TRUE(journal.error().contains(options.dir)) << journal.error().toStdString();
    EXPECT_FALSE(recordAt(journal, test::signupAt(0, 1, "Ana"), kStartMs));
}

TEST(LiveJournal, OtherFilesInTheFolderAreLeftAlone)
{
    QTemporaryDir dir;
    JournalOptions options = optionsIn(dir);
    options.maxBytes = 1;
    QDir().mkpath(options.dir);
    QFile other(QDir(options.dir).filePath(QStringLiteral("notes.txt")));
    ASSERT_TRUE(other.open(QIODevice::WriteOnly));
    other.write("keep me");
    other.close();
    LiveJournal journal(options, header());
    ASSERT_TRUE(journal.open(kStartMs));
    ASSERT_TRUE(recordAt(journal, test::signupAt(0, 1, "Ana"), kStartMs));
    ASSERT_TRUE(recordAt(journal, test::signupAt(0, 2, "Ben"), kStartMs + 11 * kMinuteMs));

    EXPECT_TRUE(other.exists());
    EXPECT_EQ(listJournalSegments(options.dir).size(), 1u);
}

TEST(LiveJournal, ASegmentStillBeingWrittenReadsAsFarAsItWasFlushed)
{
    QTemporaryDir dir;
    LiveJournal journal(optionsIn(dir), header());
    ASSERT_TRUE(journal.open(kStartMs));
    QByteArrayList frames;
    for (int i = 0; i < 3; ++i) {
        frames << test::signupAt(qint64(i) * 1000, i + 1, test::userName(i));
        ASSERT_TRUE(recordAt(journal, frames.constLast(), kStartMs + qint64(i) * 1000));
    }
    ASSERT_TRUE(journal.flush());

    expectReadWhole(optionsIn(dir).dir, frames);
}

TEST(LiveJournal, ASegmentCutByACrashDoesNotSpoilTheSegmentsAfterIt)
{
    QTemporaryDir dir;
    const QString folder = optionsIn(dir).dir;
    QByteArrayList frames;
    {
        LiveJournal journal(optionsIn(dir), header());
        ASSERT_TRUE(journal.open(kStartMs));
        for (int i = 0; i < 3; ++i) {
            frames << test::signupAt(qint64(i) * 1000, i + 1, test::userName(i));
            ASSERT_TRUE(recordAt(journal, frames.constLast(), kStartMs + qint64(i) * 1000));
        }
        ASSERT_TRUE(journal.flush());
        // The process dies here: the segment keeps what was flushed and never gets its trailer.
        const QString segment = listJournalSegments(folder).at(0).path;
        QFile file(segment);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray flushed = file.readAll();
        file.close();
        journal.close();
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(flushed);
    }
    {
        LiveJournal restarted(optionsIn(dir), header());
        ASSERT_TRUE(restarted.open(kStartMs + 20 * kMinuteMs));
        for (int i = 3; i < 5; ++i) {
            frames << test::signupAt(20 * kMinuteMs + qint64(i) * 1000, i + 1, test::userName(i));
            ASSERT_TRUE(
                recordAt(restarted, frames.constLast(), kStartMs + 20 * kMinuteMs + qint64(i) * 1000));
        }
        restarted.close();
    }
    ASSERT_EQ(listJournalSegments(folder).size(), 2u);
    expectReadWhole(folder, frames);
}
