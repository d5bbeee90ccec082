#include "feed/ReplayIndexer.h"
#include "support/GzipFiles.h"
#include "support/ReplayIndexLogs.h"
#include "support/TestFiles.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <numeric>

// ReplayIndexer, synchronously: checkpoints that point at their lines, log times, density,
// alert markers, recordings and gzip, bad lines, failures, cancel, progress and partial indexes.

using namespace vantage;

namespace {

ReplayIndexOptions everyLines(qint64 lines)
{
    ReplayIndexOptions options;
    options.checkpointEveryLines = lines;
    return options;
}

quint64 sum(const std::vector<quint64> &counts)
{
    return std::accumulate(counts.begin(), counts.end(), quint64(0));
}

class ReplayIndexTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // Indexes the file to its end; the outcome is checked by the caller through m_outcome.
    ReplayIndex build(const QString &file, ReplayIndexOptions options = {})
    {
        ReplayIndexer indexer(file, options);
        m_outcome = indexer.run(m_cancel);
        m_error = indexer.error();
        return indexer.takeIndex();
    }

    QTemporaryDir m_dir;
    std::atomic<bool> m_cancel{false};
    ReplayIndexer::Outcome m_outcome = ReplayIndexer::Outcome::Failed;
    QString m_error;
};

} // namespace

TEST_F(ReplayIndexTest, PlainLogCountsLinesFramesAndTimes)
{
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), test::indexLog(5000)));

    const ReplayIndex index = build(path("log.ndjson"));

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    EXPECT_TRUE(index.complete);
    EXPECT_FALSE(index.gzip);
    EXPECT_EQ(index.format, ReplayIndex::Format::Bare);
    EXPECT_EQ(index.lines, 5000);
    EXPECT_EQ(index.frames, 5000);
    EXPECT_EQ(index.badLines, 0);
    EXPECT_EQ(index.firstTimeMs, test::indexLogTimeMs(0));
    EXPECT_EQ(index.lastTimeMs, test::indexLogTimeMs(4999));
    EXPECT_EQ(index.contentBytes, QFile(path("log.ndjson")).size());
    EXPECT_TRUE(index.readError.isEmpty());
}

TEST_F(ReplayIndexTest, CheckpointOffsetsPointAtTheStartOfTheirLines)
{
    const QByteArrayList lines = test::indexLog(2500);
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), lines));

    const ReplayIndex index = build(path("log.ndjson"), everyLines(100));

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    ASSERT_EQ(index.checkpoints.size(), 25u);
    QFile file(path("log.ndjson"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    for (std::size_t k = 0; k < index.checkpoints.size(); ++k) {
        const ReplayIndex::Checkpoint &checkpoint = index.checkpoints[k];
        const int i = int(k) * 100; // 0-based line index
        EXPECT_EQ(checkpoint.line, i + 1);
        EXPECT_EQ(checkpoint.frame, i);
        EXPECT_EQ(checkpoint.timeMs, test::indexLogTimeMs(i));
        ASSERT_TRUE(file.seek(checkpoint.offset));
        EXPECT_EQ(file.readLine().chopped(1), lines[i]) << "checkpoint " << k;
    }
}

TEST_F(ReplayIndexTest, SeekLookupFindsTheCheckpointAtOrBeforeATime)
{
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), test::indexLog(1000)));
    const ReplayIndex index = build(path("log.ndjson"), everyLines(100));
    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);

    EXPECT_EQ(index.checkpointAtOrBefore(test::indexLogTimeMs(0) - 1), nullptr);
    EXPECT_EQ(index.checkpointAtOrBefore(test::indexLogTimeMs(0))->line, 1);
    EXPECT_EQ(index.checkpointAtOrBefore(test::indexLogTimeMs(399))->line, 301);
    EXPECT_EQ(index.checkpointAtOrBefore(test::indexLogTimeMs(400))->line, 401);
    EXPECT_EQ(index.checkpointAtOrBefore(test::indexLogTimeMs(5000))->line, 901);
    EXPECT_EQ(index.checkpointAtOrBeforeLine(450)->line, 401);
    EXPECT_EQ(index.checkpointAtOrBeforeLine(0), nullptr);
}

TEST_F(ReplayIndexTest, DensityCountsSumToTheFramesWithinAFixedNumberOfBuckets)
{
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), test::indexLog(20'000)));
    ReplayIndexOptions options;
    options.densityBuckets = 500;

    const ReplayIndex index = build(path("log.ndjson"), options);

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    ASSERT_EQ(index.density.counts().size(), 500u);
    EXPECT_EQ(sum(index.density.counts()), quint64(index.frames));
    EXPECT_EQ(index.density.total(), quint64(index.frames));
    EXPECT_EQ(index.density.originMs(), index.firstTimeMs);
    // The span (5,000 s) fits, in the narrowest power-of-two width that holds it.
    const qint64 span = *index.lastTimeMs - *index.firstTimeMs;
    EXPECT_LT(span / index.density.bucketWidthMs(), 500);
    EXPECT_GE(span / (index.density.bucketWidthMs() / 2), 500);
    // A frame every 250 ms from the origin: the first bucket holds those in [0, width).
    const qint64 width = index.density.bucketWidthMs();
    EXPECT_EQ(index.density.counts()[0],
              quint64((width + test::kIndexLogStepMs - 1) / test::kIndexLogStepMs));
}

TEST_F(ReplayIndexTest, AlertMarkersAtTheirTimesWithTheirSeverities)
{
    QByteArrayList lines = test::indexLog(400);
    // A seed 000 alert (no "v", body under "payload") counts too; a v1 "system_alert" does not.
    lines.push_back(R"({"type":"system_alert","payload":{"id":"s1","severity":"critical","timestamp":"x"}})");
    lines.push_back(test::stampedFrame(999, "system_alert", test::indexLogTimeMs(401), R"({"id":"s2"})"));
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), lines));

    const ReplayIndex index = build(path("log.ndjson"));

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    const std::vector<ReplayIndex::AlertMarker> expected = {
        {test::indexLogTimeMs(50), ReplayIndex::AlertChange::Raised, Severity::Warning},
        {test::indexLogTimeMs(60), ReplayIndex::AlertChange::Resolved, Severity::Info},
        {test::indexLogTimeMs(150), ReplayIndex::AlertChange::Raised, Severity::Error},
        {test::indexLogTimeMs(160), ReplayIndex::AlertChange::Resolved, Severity::Info},
        {test::indexLogTimeMs(250), ReplayIndex::AlertChange::Raised, Severity::Critical},
        {test::indexLogTimeMs(260), ReplayIndex::AlertChange::Resolved, Severity::Info},
        {test::indexLogTimeMs(350), ReplayIndex::AlertChange::Raised, Severity::Info},
        {test::indexLogTimeMs(360), ReplayIndex::AlertChange::Resolved, Severity::Info},
        // No "ts": it goes out right after the frame before it.
        {test::indexLogTimeMs(399), ReplayIndex::AlertChange::Raised, Severity::Critical},
    };
    ASSERT_EQ(index.alerts.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(index.alerts[i].timeMs, expected[i].timeMs) << i;
        EXPECT_EQ(index.alerts[i].change, expected[i].change) << i;
        EXPECT_EQ(index.alerts[i].severity, expected[i].severity) << i;
    }
}

TEST_F(ReplayIndexTest, AlertMarkersAreCappedAndTheRestCounted)
{
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), test::indexLog(1000))); // 20 alert lines
    ReplayIndexOptions options;
    options.maxAlertMarkers = 15;

    const ReplayIndex index = build(path("log.ndjson"), options);

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    EXPECT_EQ(index.alerts.size(), 15u);
    EXPECT_EQ(index.alertMarkersDropped, 5);
}

TEST_F(ReplayIndexTest, RecordingIsTimedByReceiveTimeAndItsHeaderIsALineButNoFrame)
{
    const QByteArrayList frames = test::indexLog(300);
    // Received 1 s apart, whatever the frames' own "ts" says.
    const auto receivedMs = [](int i) { return test::kIndexLogBaseMs + 7'000 + qint64(i) * 1000; };
    QByteArrayList lines = test::recordingOf(frames, receivedMs);
    lines.push_back(R"({"t":1781341300000,"transport":"sse","sse":{"event":"message","id":"r:9","data":)"
                    R"("{\"v\":1,\"type\":\"alert\",\"data\":{\"id\":\"z\",\"severity\":\"error\"}}"}})");
    ASSERT_TRUE(test::writeLines(path("rec.ndjson"), lines));

    const ReplayIndex index = build(path("rec.ndjson"), everyLines(100));

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    EXPECT_EQ(index.format, ReplayIndex::Format::Recording);
    EXPECT_EQ(index.lines, 302);
    EXPECT_EQ(index.frames, 301);
    EXPECT_EQ(index.badLines, 0);
    EXPECT_EQ(index.firstTimeMs, receivedMs(0));
    EXPECT_EQ(index.lastTimeMs, receivedMs(299)); // the SSE line was received earlier than that
    ASSERT_EQ(index.checkpoints.size(), 4u);
    EXPECT_EQ(index.checkpoints[0].line, 2); // the first frame, after the header
    EXPECT_EQ(index.checkpoints[1].line, 102);
    EXPECT_EQ(index.checkpoints[1].timeMs, receivedMs(100));
    QFile file(path("rec.ndjson"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    ASSERT_TRUE(file.seek(index.checkpoints[1].offset));
    EXPECT_EQ(file.readLine().chopped(1), lines[101]);
    ASSERT_EQ(index.alerts.size(), 7u);
    EXPECT_EQ(index.alerts[0].timeMs, receivedMs(50));
    EXPECT_EQ(index.alerts.back().timeMs, 1781341300000);
    EXPECT_EQ(index.alerts.back().severity, Severity::Error);
    EXPECT_EQ(sum(index.density.counts()), 301u);
}

TEST_F(ReplayIndexTest, GzipGivesTheSameIndexAsThePlainFileWithDecompressedOffsets)
{
    const QByteArrayList lines = test::indexLog(30'000); // many 64 KiB chunks, compressed and plain
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), lines));
    ASSERT_TRUE(test::writeGzip(path("log.ndjson.gz"), test::joinLines(lines)));

    const ReplayIndex plain = build(path("log.ndjson"));
    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    const ReplayIndex gzip = build(path("log.ndjson.gz"));
    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);

    EXPECT_TRUE(gzip.gzip);
    EXPECT_EQ(gzip.lines, plain.lines);
    EXPECT_EQ(gzip.frames, plain.frames);
    EXPECT_EQ(gzip.badLines, plain.badLines);
    EXPECT_EQ(gzip.firstTimeMs, plain.firstTimeMs);
    EXPECT_EQ(gzip.lastTimeMs, plain.lastTimeMs);
    EXPECT_EQ(gzip.contentBytes, plain.contentBytes);
    EXPECT_EQ(gzip.density.counts(), plain.density.counts());
    EXPECT_EQ(gzip.alerts.size(), plain.alerts.size());
    ASSERT_EQ(gzip.checkpoints.size(), plain.checkpoints.size());
    for (std::size_t k = 0; k < plain.checkpoints.size(); ++k) {
        EXPECT_EQ(gzip.checkpoints[k].offset, plain.checkpoints[k].offset);
        EXPECT_EQ(gzip.checkpoints[k].timeMs, plain.checkpoints[k].timeMs);
    }
}

TEST_F(ReplayIndexTest, BadLinesAreCountedNotFatal)
{
    QByteArrayList lines = test::indexLog(10);
    lines.insert(2, "{\"v\":1,\"type\":\"event\",\"ts\":"); // corrupt: cut in the middle
    lines.insert(4, "not json at all");                     // not JSON
    lines.insert(5, "[1,2,3]");                             // not an object
    lines.insert(6, R"({"v":1,"seq":3})");                  // no type
    lines.insert(7, R"({"v":2,"type":"event"})");           // another protocol version
    lines.insert(8, "");                                    // blank: a line, not bad
    lines.insert(9, "   ");
    QByteArray text = test::joinLines(lines);
    text.replace(text.indexOf('\n'), 1, "\r\n");               // a CRLF line is fine
    text += R"({"v":1,"type":"event","ts":"2026-06-13T09:00)"; // the last line, cut short
    ASSERT_TRUE(test::writeBytes(path("log.ndjson"), text));

    const ReplayIndex index = build(path("log.ndjson"));

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    EXPECT_EQ(index.lines, 18);
    EXPECT_EQ(index.frames, 10);
    EXPECT_EQ(index.badLines, 6);
    EXPECT_EQ(index.lastTimeMs, test::indexLogTimeMs(9));
    EXPECT_EQ(sum(index.density.counts()), 10u);
}

TEST_F(ReplayIndexTest, FramesWithoutATimeTakeTheTimeOfTheFrameBefore)
{
    const QByteArrayList lines = {
        R"({"v":1,"type":"ping"})", // before any time: at the first time
        test::stampedFrame(1, "event", test::kIndexLogBaseMs + 1000, "{}"),
        R"({"v":1,"type":"alert","data":{"id":"a","severity":"error"}})",
        test::stampedFrame(2, "event", test::kIndexLogBaseMs + 3000, "{}"),
        test::stampedFrame(3, "event", test::kIndexLogBaseMs + 2000, "{}"), // out of order
        R"({"v":1,"type":"ping"})",
    };
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), lines));

    const ReplayIndex index = build(path("log.ndjson"), everyLines(1));

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    EXPECT_EQ(index.frames, 6);
    EXPECT_EQ(index.firstTimeMs, test::kIndexLogBaseMs + 1000);
    EXPECT_EQ(index.lastTimeMs, test::kIndexLogBaseMs + 3000);
    std::vector<qint64> checkpointTimes;
    for (const ReplayIndex::Checkpoint &checkpoint : index.checkpoints)
        checkpointTimes.push_back(checkpoint.timeMs - test::kIndexLogBaseMs);
    EXPECT_EQ(checkpointTimes, (std::vector<qint64>{1000, 1000, 1000, 3000, 3000, 3000}));
    ASSERT_EQ(index.alerts.size(), 1u);
    EXPECT_EQ(index.alerts[0].timeMs, test::kIndexLogBaseMs + 1000);
    EXPECT_EQ(sum(index.density.counts()), 6u);
}

TEST_F(ReplayIndexTest, FilesThatCannotBeReplayedFailWithTheReplayMessages)
{
    ASSERT_TRUE(test::writeBytes(path("empty.ndjson"), {}));
    ASSERT_TRUE(test::writeBytes(path("blank.ndjson"), "\n  \n\n"));
    ASSERT_TRUE(test::writeGzip(path("empty.ndjson.gz"), {}));
    ASSERT_TRUE(
        test::writeLines(path("v2.ndjson"), {R"({"vantage_recording":2})", R"({"t":1,"frame":"{}"})"}));

    const std::pair<QString, QString> cases[] = {
        {path("missing.ndjson"), QStringLiteral("Replay file %1 does not exist")},
        {m_dir.path(), QStringLiteral("Replay path %1 is a directory, not a log file")},
        {path("empty.ndjson"), QStringLiteral("Replay file %1 is empty")},
        {path("blank.ndjson"), QStringLiteral("Replay file %1 holds only blank lines")},
        {path("empty.ndjson.gz"), QStringLiteral("Replay file %1 is empty once decompressed (gzip)")},
        {path("v2.ndjson"),
         QStringLiteral("Replay file %1 is a recording of format version 2; this Vantage reads version 1")},
    };
    for (const auto &[file, message] : cases) {
        build(file);
        EXPECT_EQ(m_outcome, ReplayIndexer::Outcome::Failed) << file.toStdString();
        EXPECT_EQ(m_error, message.arg(file));
    }
}

TEST_F(ReplayIndexTest, GzipCutShortKeepsTheIndexOfWhatCameBefore)
{
    const QByteArrayList lines = test::indexLog(20'000);
    ASSERT_TRUE(test::writeGzip(path("log.ndjson.gz"), test::joinLines(lines)));
    const QByteArray whole = test::readBytes(path("log.ndjson.gz"));
    ASSERT_TRUE(test::writeBytes(path("cut.ndjson.gz"), whole.left(whole.size() / 2)));

    const ReplayIndex index = build(path("cut.ndjson.gz"));

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    EXPECT_GT(index.frames, 0);
    EXPECT_LT(index.lines, 20'000);
    EXPECT_TRUE(index.readError.contains(QLatin1String("the gzip stream is cut short at byte")))
        << index.readError.toStdString();
    EXPECT_EQ(sum(index.density.counts()), quint64(index.frames));
}

TEST_F(ReplayIndexTest, ProgressRisesToAThousandAndPartialIndexesComeBeforeTheEnd)
{
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), test::indexLog(20'000))); // about 3 MB
    ReplayIndexer indexer(path("log.ndjson"));
    std::vector<int> progress;
    std::vector<qint64> partialBytes;
    ReplayIndexer::Callbacks callbacks;
    callbacks.progress = [&](int permille) { progress.push_back(permille); };
    callbacks.partial = [&](const ReplayIndex &soFar) {
        EXPECT_FALSE(soFar.complete);
        EXPECT_EQ(sum(soFar.density.counts()), quint64(soFar.frames));
        partialBytes.push_back(soFar.contentBytes);
    };

    ASSERT_EQ(indexer.run(m_cancel, callbacks), ReplayIndexer::Outcome::Finished);

    ASSERT_GE(progress.size(), 2u);
    EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
    EXPECT_EQ(std::adjacent_find(progress.begin(), progress.end()), progress.end()); // rising
    EXPECT_EQ(progress.back(), 1000);
    EXPECT_LE(progress.size(), 101u);
    ASSERT_FALSE(partialBytes.empty());
    EXPECT_TRUE(std::is_sorted(partialBytes.begin(), partialBytes.end()));
    EXPECT_LT(partialBytes.back(), indexer.index().contentBytes);
}

TEST_F(ReplayIndexTest, CancelStopsWithinAChunk)
{
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), test::indexLog(20'000)));
    ReplayIndexer indexer(path("log.ndjson"));
    ReplayIndexer::Callbacks callbacks;
    callbacks.progress = [&](int) { m_cancel.store(true); };

    EXPECT_EQ(indexer.run(m_cancel, callbacks), ReplayIndexer::Outcome::Cancelled);
    EXPECT_LT(indexer.index().lines, 20'000);
    EXPECT_FALSE(indexer.index().complete);
}

TEST_F(ReplayIndexTest, CheckpointsOfA200000LineLogFollowTheSpacing)
{
    const qint64 every = ReplayIndexOptions{}.checkpointEveryLines;
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), test::indexLog(200'000)));

    const ReplayIndex index = build(path("log.ndjson"));

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    // One checkpoint per `every` lines: ceil(lines / every), whatever else the index holds.
    EXPECT_EQ(qint64(index.checkpoints.size()), (index.lines + every - 1) / every);
    EXPECT_EQ(index.checkpoints.size(), 200u);
    EXPECT_EQ(index.density.counts().size(), std::size_t(ReplayIndexOptions{}.densityBuckets));
}

TEST_F(ReplayIndexTest, ABadLineMovesACheckpointToTheNextFrameAndNeverAddsOne)
{
    QByteArrayList lines = test::indexLog(10'000);
    for (int i = 700; i < lines.size(); i += 700)
        lines[i] = "garbage";
    lines.insert(3000, "");
    ASSERT_TRUE(test::writeLines(path("log.ndjson"), lines));

    const ReplayIndex index = build(path("log.ndjson"), everyLines(100));

    ASSERT_EQ(m_outcome, ReplayIndexer::Outcome::Finished);
    EXPECT_EQ(index.badLines, 14);
    EXPECT_LE(qint64(index.checkpoints.size()), (index.lines + 99) / 100);
    EXPECT_EQ(index.checkpoints[7].line, 702); // line 701 is bad
    EXPECT_EQ(index.checkpoints[8].line, 802);
    QFile file(path("log.ndjson"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    for (std::size_t k = 1; k < index.checkpoints.size(); ++k) {
        const ReplayIndex::Checkpoint &checkpoint = index.checkpoints[k];
        EXPECT_GE(checkpoint.line - index.checkpoints[k - 1].line, 100);
        ASSERT_TRUE(file.seek(checkpoint.offset));
        EXPECT_EQ(file.readLine().chopped(1), lines[checkpoint.line - 1]) << "checkpoint " << k;
    }
}
