#include "feed/FeedPipeline.h"
#include "feed/FrameRecorder.h"
#include "feed/LiveJournal.h"
#include "feed/ReplayIndexer.h"
#include "feed/WebSocketSource.h"
#include "relay/RelayServer.h"
#include "support/CollectingSink.h"
#include "support/FaultProxy.h"
#include "support/FeedRun.h"
#include "support/LogFrames.h"
#include "support/ReplayIndexLogs.h"
#include "support/TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

// A live connection that drops and comes back is marked in the recording and the journal
// ("connection" lines, docs/recording.md); the replay index turns the marks into gaps for the
// timeline, and the replay passes over them without counting a bad line.

using namespace vantage;

namespace {

constexpr int kWaitMs = 20'000;

std::atomic<bool> noCancel{false};

ReplayIndex indexOf(const QString &path)
{
    ReplayIndexer indexer(path);
    EXPECT_EQ(indexer.run(noCancel), ReplayIndexer::Outcome::Finished) << indexer.error().toStdString();
    return indexer.takeIndex();
}

QByteArray connectionLine(qint64 atMs, const char *change)
{
    return R"({"t":)" + QByteArray::number(atMs) + R"(,"connection":")" + change + R"("})";
}

// A recording of three signups 10 s apart, with `extra` connection lines put after frame `after`.
QByteArrayList recordingWith(const std::vector<std::pair<int, QByteArray>> &extra)
{
    const QByteArrayList frames = {test::signupAt(0, 1, "Ana"), test::signupAt(10'000, 2, "Ben"),
                                   test::signupAt(20'000, 3, "Cy")};
    const QByteArrayList recorded =
        test::recordingOf(frames, [](int i) { return test::kLogStartMs + qint64(i) * 10'000; });
    QByteArrayList lines{recorded[0]};
    for (int i = 0; i < frames.size(); ++i) {
        lines << recorded[i + 1];
        for (const auto &[after, line] : extra) {
            if (after == i)
                lines << line;
        }
    }
    return lines;
}

} // namespace

TEST(ConnectionGaps, MarksBecomeGapsAndTheReplayPassesOverThem)
{
    QTemporaryDir dir;
    const qint64 t0 = test::kLogStartMs;
    const QString path = dir.filePath(QStringLiteral("gaps.ndjson"));
    ASSERT_TRUE(test::writeLines(path, recordingWith({{0, connectionLine(t0 + 2'000, "down")},
                                                      {0, connectionLine(t0 + 3'000, "down")},
                                                      {0, connectionLine(t0 + 7'000, "up")},
                                                      {1, connectionLine(t0 + 15'000, "down")}})));

    const ReplayIndex index = indexOf(path);
    EXPECT_EQ(index.frames, 3);
    EXPECT_EQ(index.badLines, 0);
    ASSERT_EQ(index.gaps.size(), 2u);
    EXPECT_EQ(index.gaps[0].startMs, t0 + 2'000); // a second "down" while down changes nothing
    EXPECT_EQ(index.gaps[0].endMs, t0 + 7'000);
    EXPECT_EQ(index.gaps[1].startMs, t0 + 15'000);
    EXPECT_EQ(index.gaps[1].endMs, t0 + 20'000); // never came back: open to the end of the log

    CollectingSink sink;
    test::playInto(sink, test::maxSpeedOptions(path));
    EXPECT_EQ(sink.frames.size(), 3u);
    EXPECT_TRUE(sink.skipped.empty());
}

TEST(ConnectionGaps, AConnectionLineWithAnUnknownChangeIsABadLine)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.ndjson"));
    ASSERT_TRUE(
        test::writeLines(path, recordingWith({{1, connectionLine(test::kLogStartMs + 11'000, "sideways")}})));

    EXPECT_EQ(indexOf(path).badLines, 1);
    CollectingSink sink;
    test::playInto(sink, test::maxSpeedOptions(path));
    ASSERT_EQ(sink.skipped.size(), 1u);
    EXPECT_EQ(sink.skipped[0].line, 4);
    EXPECT_EQ(sink.skipped[0].reason, QStringLiteral("bad_recording_line"));
}

TEST(ConnectionGaps, ACutLiveConnectionIsMarkedInTheRecordingAndTheJournal)
{
    QTemporaryDir dir;
    RelayOptions relayOptions;
    relayOptions.heartbeatMs = 500;
    RelayServer relay(relayOptions);
    QString error;
    ASSERT_TRUE(relay.listen(&error)) << error.toStdString();
    test::FaultProxy proxy(relay.port());
    ASSERT_TRUE(proxy.listen());

    WebSocketOptions ws;
    ws.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(proxy.port()));
    ws.connectTimeoutMs = 2000;
    ws.reconnect.baseMs = 10;
    ws.reconnect.capMs = 100;
    FeedPipeline pipeline(std::make_unique<WebSocketSource>(ws), nullptr, 1);
    const QString recording = dir.filePath(QStringLiteral("session.ndjson"));
    pipeline.setRecorder(std::make_unique<FrameRecorder>(recording, RecordingHeader{ws.url, {}, 0}));
    JournalOptions journalOptions;
    journalOptions.dir = dir.filePath(QStringLiteral("journal"));
    pipeline.setJournal(std::make_unique<LiveJournal>(journalOptions, RecordingHeader{ws.url, {}, 0}));
    std::vector<ConnectionState> states;
    quint64 frames = 0;
    QObject::connect(&pipeline, &FeedPipeline::statusChanged, &pipeline,
                     [&](const ConnectionStatus &s) { states.push_back(s.state); });
    QObject::connect(&pipeline, &FeedPipeline::batchReady, &pipeline, [&](const FeedBatchPtr &batch) {
        frames = batch->stats.framesReceived;
        pipeline.batchConsumed();
    });
    pipeline.start();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !states.empty() && states.back() == ConnectionState::Live && frames > 0; }, kWaitMs));

    proxy.cutAll();
    ASSERT_TRUE(QTest::qWaitFor([&] { return states.back() != ConnectionState::Live; }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return states.back() == ConnectionState::Live; }, kWaitMs));
    const quint64 before = frames;
    ASSERT_TRUE(QTest::qWaitFor([&] { return frames > before; },
                                kWaitMs)); // a frame after the gap: the journal has a segment
    pipeline.stop();

    for (const QString &log : {recording, journalOptions.dir}) {
        const ReplayIndex index = indexOf(log);
        EXPECT_EQ(index.badLines, 0) << log.toStdString();
        ASSERT_EQ(index.gaps.size(), 1u) << log.toStdString();
        EXPECT_LE(index.gaps[0].startMs, index.gaps[0].endMs);
        EXPECT_GE(index.gaps[0].startMs, *index.firstTimeMs);
        EXPECT_LE(index.gaps[0].endMs, *index.lastTimeMs);
    }
}
