#include "feed/FrameRecorder.h"
#include "feed/ReplaySource.h"
#include "feed/Rfc3339.h"
#include "feed/SseEvent.h"
#include "feed/SseFrame.h"
#include "support/CollectingSink.h"
#include "support/FeedRun.h"
#include "support/TestClock.h"
#include "support/TestFiles.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <optional>
#include <vector>

// Recordings (docs/recording.md) written by FrameRecorder and read back by ReplaySource: the
// frames delivered are the frames received, paced by their receive times.

using namespace vantage;

namespace {

constexpr qint64 kBaseMs = 1'781'341'200'000; // 2026-06-13T09:00:00Z
constexpr int kWaitMs = 20'000;

// A frame whose own "ts" runs backwards, so pacing by it and pacing by receive time differ.
QByteArray frameStamped(int seq, qint64 tsOffsetMs)
{
    return QByteArrayLiteral(R"({"v":1,"type":"ping","seq":)") + QByteArray::number(seq) + R"(,"ts":")" +
           formatRfc3339Ms(kBaseMs + tsOffsetMs) + R"(","data":{}})";
}

SseEvent sseEvent(const QByteArray &type, const QByteArray &data, const QByteArray &id)
{
    SseEvent event;
    event.type = type;
    event.data = data;
    event.lastEventId = id;
    return event;
}

// What a live session received: WebSocket frames and SSE events, with their receive times.
struct Received
{
    qint64 receivedMs = 0;
    QByteArray frame;            // a WebSocket or polling frame
    std::optional<SseEvent> sse; // or an SSE event
};

std::vector<Received> liveSession()
{
    return {
        {kBaseMs, frameStamped(1, 5000), {}},
        {kBaseMs + 40, {}, sseEvent("message", frameStamped(2, 4000), "r-1:2")},
        {kBaseMs + 40, {}, sseEvent("stats", "{\"activeUsers\":4}", "r-1:2")},
        {kBaseMs + 300, {}, sseEvent("odd\"type", "line one\nline \"two\"", "")},
        {kBaseMs + 1000, frameStamped(3, 0), {}},
    };
}

// The frame the pipeline saw live: for SSE, the frame the event stands for.
QByteArray liveFrame(const Received &received)
{
    QByteArray scratch;
    return received.sse ? sseEventFrame(*received.sse, scratch).toByteArray() : received.frame;
}

// Records the session as the sources deliver it; the file's path, or empty on failure.
QString record(const QString &path, const std::vector<Received> &session)
{
    FrameRecorder recorder(path, RecordingHeader{QUrl(QStringLiteral("http://127.0.0.1:9/events")),
                                                 QStringLiteral("vantage test"), kBaseMs});
    if (!recorder.open())
        return {};
    for (const Received &received : session) {
        QByteArray scratch;
        if (received.sse)
            recorder.record({sseEventFrame(*received.sse, scratch), received.receivedMs, QLatin1String("sse"),
                             0, &*received.sse});
        else
            recorder.record({received.frame, received.receivedMs, QLatin1String("websocket")});
    }
    return recorder.close() ? path : QString();
}

QByteArray headerLine(int version = 1)
{
    return QByteArrayLiteral(R"({"vantage_recording":)") + QByteArray::number(version) +
           R"(,"source":"ws://127.0.0.1:9/stream","app":"vantage test","started":"2026-06-13T09:00:00.000Z"})";
}

QByteArray pingFrame(int seq)
{
    return QByteArrayLiteral(R"({"v":1,"type":"ping","seq":)") + QByteArray::number(seq) + '}';
}

QByteArray frameLine(qint64 t, int seq)
{
    return QByteArrayLiteral(R"({"t":)") + QByteArray::number(t) +
           R"(,"transport":"websocket","frame":"{\"v\":1,\"type\":\"ping\",\"seq\":)" +
           QByteArray::number(seq) + R"(}"})";
}

// Plays the file as fast as possible to its end (finished or failed); its last status.
ConnectionStatus playToEnd(const QString &path, CollectingSink &sink)
{
    return test::playInto(sink, test::maxSpeedOptions(path)).status;
}

class RecordingReplay : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    // Writes the lines to a file and returns its path.
    QString written(const QByteArrayList &lines) const
    {
        const QString file = path("written.ndjson");
        EXPECT_TRUE(test::writeLines(file, lines));
        return file;
    }
    // Records the live session in the file `name`, replays it, and expects the frames received.
    void expectRecordedSessionReplayed(const char *name)
    {
        const std::vector<Received> session = liveSession();
        const QString recording = record(path(name), session);
        ASSERT_FALSE(recording.isEmpty());

        const ConnectionStatus end = playToEnd(recording, m_sink);
        ASSERT_EQ(end.state, ConnectionState::Finished) << end.reason.toStdString();
        ASSERT_EQ(m_sink.frames.size(), session.size());
        for (std::size_t i = 0; i < session.size(); ++i) {
            EXPECT_EQ(m_sink.frames[i], liveFrame(session[i])) << "frame " << i;
            EXPECT_EQ(m_sink.transports[i], QStringLiteral("replay"));
        }
        EXPECT_TRUE(m_sink.skipped.empty());
    }

    QTemporaryDir m_dir;
    CollectingSink m_sink;
};

} // namespace

TEST_F(RecordingReplay, DeliversTheFramesThatWereReceived)
{
    expectRecordedSessionReplayed("session.ndjson");
}

TEST_F(RecordingReplay, PacesFramesByTheirReceiveTimes)
{
    const std::vector<Received> session = liveSession();
    const QString recording = record(path("session.ndjson"), session);
    ASSERT_FALSE(recording.isEmpty());
    test::TestClock clock;
    const qint64 start = clock.now();
    ReplayOptions options;
    options.path = recording;
    options.speed = 2.0;
    options.now = [&clock] { return clock.now(); };

    ReplaySource source(options);
    source.setSink(&m_sink);
    source.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_sink.frames.empty(); }, kWaitMs));
    QCoreApplication::processEvents();
    EXPECT_EQ(m_sink.frames.size(), std::size_t(1)); // the clock has not moved: the rest is not due

    clock.advance(20); // 40 ms of receive time at 2x: both frames received at +40 ms
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() >= 3; }, kWaitMs));
    QCoreApplication::processEvents();
    EXPECT_EQ(m_sink.frames.size(), std::size_t(3));

    clock.advance(130); // +300 ms
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() >= 4; }, kWaitMs));
    QCoreApplication::processEvents();
    EXPECT_EQ(m_sink.frames.size(), std::size_t(4));

    clock.advance(350); // +1000 ms
    ASSERT_TRUE(QTest::qWaitFor([&] { return test::hasEnded(source); }, kWaitMs));
    ASSERT_EQ(m_sink.receivedAt.size(), session.size());
    EXPECT_EQ(m_sink.receivedAt[0], start);
    EXPECT_EQ(m_sink.receivedAt[1], start + 20);
    EXPECT_EQ(m_sink.receivedAt[3], start + 150);
    EXPECT_EQ(m_sink.receivedAt[4], start + 500);
}

TEST_F(RecordingReplay, CorruptLinesAreSkippedAndCounted)
{
    const QString file = written({headerLine(), frameLine(kBaseMs, 1), QByteArrayLiteral("not json at all"),
                                  QByteArrayLiteral(R"({"t":"soon","transport":"websocket","frame":"{}"})"),
                                  QByteArrayLiteral(R"({"t":5,"transport":"websocket"})"),
                                  QByteArrayLiteral(R"({"t":5,"transport":"sse","sse":{"event":"x"}})"),
                                  QByteArrayLiteral(R"([1,2,3])"), QByteArray(), frameLine(kBaseMs + 2, 2),
                                  frameLine(kBaseMs + 9, 9).left(40)}); // a line cut short, then ended

    const ConnectionStatus end = playToEnd(file, m_sink);
    EXPECT_EQ(end.state, ConnectionState::Finished) << end.reason.toStdString();
    EXPECT_EQ(m_sink.frames, (std::vector<QByteArray>{pingFrame(1), pingFrame(2)}));
    std::vector<QString> reasons;
    for (const CollectingSink::Skipped &skipped : m_sink.skipped)
        reasons.push_back(skipped.reason);
    EXPECT_EQ(reasons, std::vector<QString>(6, QStringLiteral("bad_recording_line")));
}

TEST_F(RecordingReplay, LoopSkipsTheHeaderOnEveryPass)
{
    ReplayOptions options =
        test::maxSpeedOptions(written({headerLine(), frameLine(kBaseMs, 1), frameLine(kBaseMs + 5, 2)}));
    options.loop = true;

    ReplaySource source(options);
    source.setSink(&m_sink);
    source.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() >= 6; }, kWaitMs));
    source.stop();

    EXPECT_GT(source.passes(), 2);
    EXPECT_TRUE(m_sink.skipped.empty());
    for (std::size_t i = 0; i < m_sink.frames.size(); ++i) {
        EXPECT_EQ(m_sink.frames[i], pingFrame(int(i % 2) + 1)) << "frame " << i;
    }
}

TEST_F(RecordingReplay, OtherFormatVersionIsAnErrorNamingTheFile)
{
    const QString file = written({headerLine(2), frameLine(kBaseMs, 1)});

    const ConnectionStatus end = playToEnd(file, m_sink);
    EXPECT_EQ(end.state, ConnectionState::Error);
    EXPECT_TRUE(end.reason.contains(file)) << end.reason.toStdString();
    EXPECT_TRUE(end.reason.contains(QStringLiteral("version 2"))) << end.reason.toStdString();
    EXPECT_TRUE(m_sink.frames.empty());
}

TEST_F(RecordingReplay, BareLogIsPlayedAsBeforeEvenWithRecordingLikeFields)
{
    // A bare frame that happens to carry "t" and "frame" fields is still a frame, not a recorded line.
    const QByteArray oddFrame = QByteArrayLiteral(R"({"v":1,"type":"ping","t":1,"frame":"x"})");

    const ConnectionStatus end = playToEnd(written({oddFrame, frameStamped(2, 0)}), m_sink);
    EXPECT_EQ(end.state, ConnectionState::Finished) << end.reason.toStdString();
    EXPECT_EQ(m_sink.frames, (std::vector<QByteArray>{oddFrame, frameStamped(2, 0)}));
    EXPECT_TRUE(m_sink.skipped.empty());
}

TEST_F(RecordingReplay, GzipRecordingDeliversTheFramesThatWereReceived)
{
    expectRecordedSessionReplayed("session.ndjson.gz");
}
