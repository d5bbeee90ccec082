#include "feed/FrameRecorder.h"
#include "support/CollectingSink.h"
#include "support/FeedRun.h"
#include "support/GzipFiles.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <tuple>

// Replaying gzip: streamed through zlib in chunks, bare logs and recordings alike, member after
// member; a stream cut short or corrupt ends the replay with an error naming the file, the byte
// and the line, after everything before it was played.

using namespace vantage;

namespace {

QByteArray ping(int seq)
{
    return QByteArrayLiteral(R"({"v":1,"type":"ping","seq":)") + QByteArray::number(seq) + '}';
}

// `count` lines of pings, from seq `first` on.
QByteArray pings(int first, int count)
{
    QByteArray text;
    for (int seq = first; seq < first + count; ++seq)
        text += ping(seq) + '\n';
    return text;
}

std::vector<QByteArray> pingFrames(int first, int count)
{
    std::vector<QByteArray> frames;
    for (int seq = first; seq < first + count; ++seq)
        frames.push_back(ping(seq));
    return frames;
}

class ReplayGzip : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // Plays the file as fast as possible to its end (or, looping, until `frames` frames).
    ConnectionStatus play(const QString &file, bool loop = false, std::size_t frames = 0)
    {
        ReplayOptions options = test::maxSpeedOptions(file);
        options.loop = loop;
        const test::ReplayResult result =
            test::playInto(m_sink, options, [&] { return loop && m_sink.frames.size() >= frames; });
        m_passes = result.passes;
        m_linesRead = result.linesRead;
        return result.status;
    }

    QTemporaryDir m_dir;
    CollectingSink m_sink;
    int m_passes = 0;
    quint64 m_linesRead = 0;
};

} // namespace

TEST_F(ReplayGzip, BareLogPlaysTheSameFramesAsThePlainFile)
{
    const QByteArray text = pings(1, 5000); // more than one 64 KiB chunk of compressed and plain data
    ASSERT_TRUE(test::writeBytes(path("log.ndjson"), text));
    ASSERT_TRUE(test::writeGzip(path("log.ndjson.gz"), text));

    ASSERT_EQ(play(path("log.ndjson")).state, ConnectionState::Finished);
    const std::vector<QByteArray> plainFrames = std::exchange(m_sink.frames, {});
    const std::vector<qint64> plainLines = std::exchange(m_sink.lines, {});
    ASSERT_EQ(play(path("log.ndjson.gz")).state, ConnectionState::Finished);

    EXPECT_EQ(plainFrames, pingFrames(1, 5000));
    EXPECT_EQ(m_sink.frames, plainFrames);
    EXPECT_EQ(m_sink.lines, plainLines);
    EXPECT_EQ(m_sink.lines.back(), 5000);
    EXPECT_TRUE(m_sink.skipped.empty());
}

TEST_F(ReplayGzip, RecordingWrittenAsGzipReplaysItsFrames)
{
    const QString recording = path("session.ndjson.gz");
    {
        FrameRecorder recorder(recording, RecordingHeader{QUrl(QStringLiteral("ws://127.0.0.1:9/stream")),
                                                          QStringLiteral("vantage test"), 0});
        ASSERT_TRUE(recorder.open());
        for (int seq = 1; seq <= 3; ++seq)
            ASSERT_TRUE(recorder.record({ping(seq), 1000 + seq, QLatin1String("websocket")}));
        ASSERT_TRUE(recorder.close());
    }
    ASSERT_TRUE(test::readBytes(recording).startsWith("\x1f\x8b"));

    const ConnectionStatus end = play(recording);
    EXPECT_EQ(m_sink.frames, pingFrames(1, 3));
    EXPECT_EQ(m_sink.lines, (std::vector<qint64>{2, 3, 4})); // the header is line 1
    EXPECT_TRUE(m_sink.skipped.empty());
    EXPECT_EQ(end.state, ConnectionState::Finished) << end.reason.toStdString();
}

TEST_F(ReplayGzip, ConcatenatedMembersPlayAsOneFile)
{
    const QString file = path("joined.gz");
    ASSERT_TRUE(test::writeGzip(file, pings(1, 3)));
    ASSERT_TRUE(test::writeGzip(file, pings(4, 2), true)); // gzip -c more >> joined.gz

    play(file);
    EXPECT_EQ(m_sink.frames, pingFrames(1, 5));
    EXPECT_EQ(m_sink.lines, (std::vector<qint64>{1, 2, 3, 4, 5}));
}

TEST_F(ReplayGzip, StreamCutShortIsAnErrorNamingFileByteAndLineAfterPlayingWhatItHeld)
{
    const QString whole = path("whole.gz");
    ASSERT_TRUE(test::writeGzip(whole, pings(1, 3000)));
    const QByteArray compressed = test::readBytes(whole);
    const QString cut = path("cut.gz");
    ASSERT_TRUE(test::writeBytes(cut, compressed.left(compressed.size() / 2)));

    const ConnectionStatus end = play(cut);
    ASSERT_EQ(end.state, ConnectionState::Error);
    const auto played = qint64(m_sink.frames.size());
    ASSERT_GT(played, 100);
    EXPECT_EQ(m_sink.frames, pingFrames(1, int(played))); // everything before the cut, in order
    // What the stream held of the line it broke off in is skipped as cut short.
    ASSERT_EQ(m_sink.skipped.size(), 1u);
    EXPECT_EQ(m_sink.skipped[0].line, played + 1);
    EXPECT_EQ(m_sink.skipped[0].reason, QStringLiteral("truncated_line"));
    EXPECT_EQ(
        end.reason,
        QStringLiteral("Cannot read replay file %1 past line %2: the gzip stream is cut short at byte %3")
            .arg(cut)
            .arg(played + 1)
            .arg(compressed.size() / 2));
    EXPECT_EQ(m_linesRead, quint64(played + 1));
}

TEST_F(ReplayGzip, CorruptStreamIsAnErrorNamingFileAndByte)
{
    const QString file = path("corrupt.gz");
    ASSERT_TRUE(test::writeGzip(file, pings(1, 10)));
    QByteArray compressed = test::readBytes(file);
    compressed[3] = char(0xe0); // header flags no gzip reader knows
    ASSERT_TRUE(test::writeBytes(file, compressed));

    const ConnectionStatus end = play(file);
    EXPECT_EQ(end.state, ConnectionState::Error);
    EXPECT_TRUE(end.reason.startsWith(
        QStringLiteral("Cannot read replay file %1: the gzip data is corrupt at byte ").arg(file)))
        << end.reason.toStdString();
    EXPECT_TRUE(m_sink.frames.empty());
}

TEST_F(ReplayGzip, LoopRestartsTheInflaterOnEveryPass)
{
    const QString file = path("loop.gz");
    ASSERT_TRUE(test::writeGzip(file, pings(1, 2)));
    ASSERT_TRUE(test::writeGzip(file, pings(3, 1), true));

    play(file, true, 9);
    EXPECT_GE(m_passes, 3);
    ASSERT_GE(m_sink.frames.size(), 9u);
    for (std::size_t i = 0; i < m_sink.frames.size(); ++i) {
        EXPECT_EQ(m_sink.frames[i], ping(int(i % 3) + 1)) << "frame " << i;
        EXPECT_EQ(m_sink.lines[i], qint64(i % 3) + 1) << "frame " << i;
    }
    EXPECT_TRUE(m_sink.skipped.empty());
}

TEST_F(ReplayGzip, RecordThenReplayPlainAndGzipGiveTheSameStats)
{
    const QString input = path("input.ndjson");
    ASSERT_TRUE(test::writeBytes(input, pings(1, 3) + "not json\n" + ping(3) + "\n[4]\n" + ping(7) + '\n'));

    FeedStats replayed[2];
    const QString recordings[2] = {path("session.ndjson"), path("session.ndjson.gz")};
    for (int i = 0; i < 2; ++i) {
        const FeedStats live =
            test::runToEnd(test::replayAtMaxSpeed(input),
                           std::make_unique<FrameRecorder>(
                               recordings[i], RecordingHeader{QUrl::fromLocalFile(input),
                                                              QStringLiteral("vantage test"), 0}));
        ASSERT_TRUE(live.recordError.isEmpty()) << live.recordError.toStdString();
        replayed[i] = test::runToEnd(test::replayAtMaxSpeed(recordings[i]));
    }

    const auto same = [](const FeedStats &s) {
        return std::tie(s.framesReceived, s.bytesReceived, s.messagesDecoded, s.byType, s.decodeErrors,
                        s.errorsByReason, s.duplicatesDropped, s.gapsDetected, s.messagesMissed,
                        s.replay.linesRead, s.replay.eventsReplayed, s.replay.skippedLines,
                        s.replay.skippedByReason);
    };
    EXPECT_TRUE(same(replayed[0]) == same(replayed[1]));
    EXPECT_EQ(replayed[1].replay.file, recordings[1]);
    EXPECT_EQ(replayed[1].replay.eventsReplayed, 5u);
    EXPECT_EQ(replayed[1].replay.skippedLines, 2u);
    EXPECT_EQ(replayed[1].duplicatesDropped, 1u);
    ASSERT_EQ(replayed[0].replay.skippedExamples.size(), replayed[1].replay.skippedExamples.size());
    for (qsizetype i = 0; i < replayed[0].replay.skippedExamples.size(); ++i) {
        EXPECT_EQ(replayed[0].replay.skippedExamples[i].line, replayed[1].replay.skippedExamples[i].line);
        EXPECT_EQ(replayed[0].replay.skippedExamples[i].reason, replayed[1].replay.skippedExamples[i].reason);
    }
}
