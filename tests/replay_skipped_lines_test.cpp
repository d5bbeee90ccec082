#include "support/FeedRun.h"
#include "support/GzipFiles.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

// The pipeline keeps what a replay skipped, with the line numbers the source knows: counted by
// reason (alongside the decode errors), with the first messages naming the file and the line.

using namespace vantage;

namespace {

QByteArray ping(int seq)
{
    return QByteArrayLiteral(R"({"v":1,"type":"ping","seq":)") + QByteArray::number(seq) + '}';
}

class ReplaySkippedLines : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString write(const QByteArray &content)
    {
        EXPECT_TRUE(test::writeBytes(m_path, content));
        return m_path;
    }

    QTemporaryDir m_dir;
    const QString m_path = m_dir.filePath(QStringLiteral("log.ndjson"));
};

} // namespace

TEST_F(ReplaySkippedLines, CountsEachSkippedLineByReasonWithAMessageNamingFileAndLine)
{
    const FeedStats stats = test::runToEnd(test::replayAtMaxSpeed(
        write(ping(1) + "\nnot json\n\n[1,2,3]\n" + R"({"v":1})" + '\n' + ping(2) + '\n' + R"({"v":1,"ty)")));

    const ReplayStats &replay = stats.replay;
    EXPECT_EQ(replay.file, m_path);
    EXPECT_EQ(replay.linesRead, 7u);
    EXPECT_EQ(replay.eventsReplayed, 2u);
    EXPECT_EQ(replay.skippedLines, 4u);
    EXPECT_EQ(replay.skippedByReason, (QHash<QString, quint64>{{QStringLiteral("invalid_json"), 1},
                                                               {QStringLiteral("not_an_object"), 1},
                                                               {QStringLiteral("missing_type"), 1},
                                                               {QStringLiteral("truncated_line"), 1}}));
    ASSERT_EQ(replay.skippedExamples.size(), 4);
    const QString prefix = QStringLiteral("Replay file %1, line ").arg(m_path);
    EXPECT_EQ(replay.skippedExamples[0].line, 2);
    EXPECT_EQ(replay.skippedExamples[0].message, prefix + QStringLiteral("2 skipped: not valid JSON"));
    EXPECT_EQ(replay.skippedExamples[1].line, 4);
    EXPECT_EQ(replay.skippedExamples[1].message,
              prefix + QStringLiteral("4 skipped: valid JSON, but not an object, so not a protocol frame"));
    EXPECT_EQ(replay.skippedExamples[2].line, 5);
    EXPECT_EQ(replay.skippedExamples[2].message,
              prefix + QStringLiteral("5 skipped: no \"type\" string, so not a protocol frame"));
    EXPECT_EQ(replay.skippedExamples[3].line, 7);
    EXPECT_EQ(replay.skippedExamples[3].reason, QStringLiteral("truncated_line"));

    // Skipped lines are decode errors too, under the same reasons: nothing is counted twice.
    EXPECT_EQ(stats.decodeErrors, 4u);
    EXPECT_EQ(stats.errorsByReason, replay.skippedByReason);
    EXPECT_EQ(stats.framesReceived, 6u);
    EXPECT_EQ(stats.messagesDecoded, 2u);
}

TEST_F(ReplaySkippedLines, KeepsTheFirstTwentyMessagesAndCountsTheRest)
{
    QByteArray content;
    for (int line = 1; line <= 25; ++line)
        content += "bad " + QByteArray::number(line) + '\n';
    content += ping(1) + '\n';

    const FeedStats stats = test::runToEnd(test::replayAtMaxSpeed(write(content)));
    EXPECT_EQ(stats.replay.skippedLines, 25u);
    EXPECT_EQ(stats.replay.eventsReplayed, 1u);
    ASSERT_EQ(stats.replay.skippedExamples.size(), ReplayStats::kMaxExamples);
    for (qsizetype i = 0; i < stats.replay.skippedExamples.size(); ++i)
        EXPECT_EQ(stats.replay.skippedExamples[i].line, i + 1);
}

TEST_F(ReplaySkippedLines, LiveSourcesHaveNoReplayStats)
{
    FeedStats live;
    EXPECT_TRUE(live.replay.file.isEmpty());
    const FeedStats stats = test::runToEnd(test::replayAtMaxSpeed(write(ping(1) + '\n')));
    EXPECT_EQ(stats.replay.file, m_path);
    EXPECT_EQ(stats.replay.skippedLines, 0u);
    EXPECT_TRUE(stats.replay.skippedExamples.isEmpty());
}
