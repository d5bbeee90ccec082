#include "support/FeedRun.h"
#include "support/TestFiles.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <tuple>

// The pipeline's recorder tap: every received frame is recorded before decoding, on the feed
// thread, and a recorder that fails leaves the feed running.

using namespace vantage;
using test::replayAtMaxSpeed;
using test::runToEnd;

namespace {

const QByteArrayList kLog = {
    QByteArrayLiteral(
        R"({"v":1,"type":"event","seq":1,"ts":"2026-06-13T09:00:00.000Z","data":{"id":"e1","type":"signup","user_name":"Ana"}})"),
    QByteArrayLiteral("{not json"),
    QByteArrayLiteral(
        R"({"v":1,"type":"event","seq":3,"ts":"2026-06-13T09:00:01.000Z","data":{"id":"e3","type":"signup","user_name":"Sam \"K\""}})"),
    QByteArrayLiteral(
        R"({"v":1,"type":"event","seq":3,"ts":"2026-06-13T09:00:02.000Z","data":{"id":"e3","type":"signup","user_name":"Sam"}})"),
};

// What a replay of a recording must reproduce.
auto replayedPart(const FeedStats &s)
{
    return std::tie(s.framesReceived, s.bytesReceived, s.messagesDecoded, s.byType, s.decodeErrors,
                    s.errorsByReason, s.duplicatesDropped, s.gapsDetected, s.messagesMissed);
}

class FeedRecording : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(test::writeLines(m_input, kLog));
    }

    // Plays the input log through a worker that records it to `path`.
    FeedStats recordInputTo(const QString &path)
    {
        return runToEnd(
            replayAtMaxSpeed(m_input),
            std::make_unique<FrameRecorder>(
                path, RecordingHeader{QUrl::fromLocalFile(m_input), QStringLiteral("vantage test"), 0}));
    }

    QTemporaryDir m_dir;
    const QString m_input = m_dir.filePath(QStringLiteral("input.ndjson"));
    const QString m_recording = m_dir.filePath(QStringLiteral("recording.ndjson"));
};

} // namespace

TEST_F(FeedRecording, RecordsEveryReceivedFrameBeforeDecoding)
{
    const FeedStats stats = recordInputTo(m_recording);

    EXPECT_EQ(stats.framesReceived, quint64(kLog.size()));
    EXPECT_EQ(stats.framesRecorded, quint64(kLog.size())); // the frame that does not decode too
    EXPECT_EQ(stats.recordPath, m_recording);
    EXPECT_TRUE(stats.recordError.isEmpty()) << stats.recordError.toStdString();
    const QByteArrayList lines = test::readLines(m_recording);
    ASSERT_EQ(lines.size(), kLog.size() + 1);
    EXPECT_TRUE(lines[0].startsWith(R"({"vantage_recording":1,)"));
    EXPECT_TRUE(lines[2].endsWith(R"(,"transport":"replay","frame":"{not json"})")) << lines[2].toStdString();
}

TEST_F(FeedRecording, ReplayingTheRecordingGivesTheSameStats)
{
    const FeedStats live = recordInputTo(m_recording);
    const FeedStats replayed = runToEnd(replayAtMaxSpeed(m_recording));

    EXPECT_TRUE(replayedPart(replayed) == replayedPart(live));
    EXPECT_EQ(replayed.framesReceived, quint64(kLog.size()));
    EXPECT_EQ(replayed.decodeErrors, 1u);
    EXPECT_EQ(replayed.duplicatesDropped, 1u);
    EXPECT_EQ(replayed.gapsDetected, 1u);
}

TEST_F(FeedRecording, RecorderThatCannotOpenLeavesTheFeedRunning)
{
    const FeedStats stats = recordInputTo(m_dir.path()); // a directory

    EXPECT_EQ(stats.recordPath, m_dir.path());
    EXPECT_TRUE(stats.recordError.contains(m_dir.path())) << stats.recordError.toStdString();
    EXPECT_EQ(stats.framesRecorded, 0u);
    EXPECT_EQ(stats.framesReceived, quint64(kLog.size()));
    EXPECT_EQ(stats.messagesDecoded, 3u); // the duplicate is decoded, then dropped
}

TEST_F(FeedRecording, WithoutRecorderNothingIsRecorded)
{
    const FeedStats stats = runToEnd(replayAtMaxSpeed(m_input));
    EXPECT_TRUE(stats.recordPath.isEmpty());
    EXPECT_TRUE(stats.recordError.isEmpty());
    EXPECT_EQ(stats.framesRecorded, 0u);
}
