#include "feed/FrameRecorder.h"
#include "feed/ReceivedFrame.h"
#include "feed/Rfc3339.h"
#include "feed/SseEvent.h"
#include "feed/SseFrame.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace vantage;

namespace {

constexpr qint64 kStartedMs = 1'781'341'200'000; // 2026-06-13T09:00:00Z
constexpr int kProcessWaitMs = 20'000;

RecordingHeader testHeader(const QUrl &source = QUrl(QStringLiteral("ws://127.0.0.1:8080/stream")))
{
    RecordingHeader header;
    header.source = source;
    header.app = QStringLiteral("vantage 9.9.9");
    header.startedMs = kStartedMs;
    return header;
}

// A WebSocket frame whose strings need escaping, and an SSE event with a quoted type, an id and
// two data lines.
const QByteArray kWebSocketFrame =
    QByteArrayLiteral(R"({"v":1,"type":"event","seq":7,"data":{"name":"Sam \"K\" \\ Co"}})");

SseEvent oddSseEvent()
{
    SseEvent event;
    event.type = QByteArrayLiteral("stat\"s");
    event.lastEventId = QByteArrayLiteral("r-00ab:42");
    event.data = QByteArrayLiteral("{\"a\":1,\n\"b\":2}");
    return event;
}

const QByteArray kExpectedHeader = QByteArrayLiteral(
    R"({"vantage_recording":1,"source":"ws://127.0.0.1:8080/stream","app":"vantage 9.9.9","started":"2026-06-13T09:00:00.000Z"})");
const QByteArray kExpectedWebSocketLine = QByteArrayLiteral(
    R"({"t":1781341200250,"transport":"websocket","frame":"{\"v\":1,\"type\":\"event\",\"seq\":7,\"data\":{\"name\":\"Sam \\\"K\\\" \\\\ Co\"}}"})");
const QByteArray kExpectedSseLine = QByteArrayLiteral(
    R"({"t":1781341201000,"transport":"sse","sse":{"event":"stat\"s","id":"r-00ab:42","data":"{\"a\":1,\u000a\"b\":2}"}})");

const QByteArray kExpectedContent =
    kExpectedHeader + '\n' + kExpectedWebSocketLine + '\n' + kExpectedSseLine + '\n';

// Records the WebSocket frame and the SSE event (as SseSource delivers it) into `path` and
// closes; both count as recorded.
void recordBoth(const QString &path)
{
    FrameRecorder recorder(path, testHeader());
    ASSERT_TRUE(recorder.open()) << recorder.error().toStdString();
    EXPECT_TRUE(recorder.record({kWebSocketFrame, kStartedMs + 250, QLatin1String("websocket")}));
    const SseEvent event = oddSseEvent();
    QByteArray scratch;
    EXPECT_TRUE(
        recorder.record({sseEventFrame(event, scratch), kStartedMs + 1000, QLatin1String("sse"), 0, &event}));
    EXPECT_TRUE(recorder.close()) << recorder.error().toStdString();
    EXPECT_EQ(recorder.framesRecorded(), quint64(2));
    EXPECT_TRUE(recorder.error().isEmpty());
    EXPECT_FALSE(recorder.isRecording());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray gunzip(const QString &path)
{
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
    if (!gzip.waitForFinished(kProcessWaitMs) || gzip.exitCode() != 0)
        return QByteArrayLiteral("gzip failed: ") + gzip.readAllStandardError();
    return gzip.readAllStandardOutput();
}

// open() fails with an error that names the file, and the recorder is not recording.
testing::AssertionResult refusesToOpen(FrameRecorder &recorder)
{
    if (recorder.open())
        return testing::AssertionFailure() << "opened";
    if (!recorder.error().contains(recorder.path()))
        return testing::AssertionFailure()
               << "the error does not name the file: " << recorder.error().toStdString();
    if (recorder.isRecording())
        return testing::AssertionFailure() << "still recording";
    return testing::AssertionSuccess();
}

QJsonObject headerOf(const QString &path)
{
    const QByteArray content = readAll(path);
    return QJsonDocument::fromJson(content.left(content.indexOf('\n'))).object();
}

class FrameRecorderTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(FrameRecorderTest, WritesTheHeaderAndOneExactLinePerFrame)
{
    recordBoth(path("session.ndjson"));
    EXPECT_EQ(readAll(path("session.ndjson")), kExpectedContent);
}

TEST_F(FrameRecorderTest, EachLineIsJsonThatGivesBackTheFrameAndTheEvent)
{
    recordBoth(path("session.ndjson"));

    const QList<QByteArray> lines = readAll(path("session.ndjson")).split('\n');
    ASSERT_EQ(lines.size(), 4); // three lines and the empty rest after the last newline
    QJsonParseError error;
    const QJsonObject webSocket = QJsonDocument::fromJson(lines[1], &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError);
    EXPECT_EQ(webSocket[QStringLiteral("frame")].toString().toUtf8(), kWebSocketFrame);
    const QJsonObject sse =
        QJsonDocument::fromJson(lines[2], &error).object()[QStringLiteral("sse")].toObject();
    ASSERT_EQ(error.error, QJsonParseError::NoError);
    const SseEvent event = oddSseEvent();
    EXPECT_EQ(sse[QStringLiteral("event")].toString().toUtf8(), event.type);
    EXPECT_EQ(sse[QStringLiteral("id")].toString().toUtf8(), event.lastEventId);
    EXPECT_EQ(sse[QStringLiteral("data")].toString().toUtf8(), event.data);
}

TEST_F(FrameRecorderTest, GzipNameWritesTheSameLinesCompressed)
{
    const QString file = path("session.ndjson.gz");
    recordBoth(file);

    EXPECT_TRUE(readAll(file).startsWith("\x1f\x8b")); // the gzip magic
    EXPECT_EQ(gunzip(file), kExpectedContent);
}

TEST_F(FrameRecorderTest, LinesAreBufferedUntilFlush)
{
    const QString file = path("session.ndjson");
    FrameRecorder recorder(file, testHeader());
    ASSERT_TRUE(recorder.open());
    EXPECT_EQ(readAll(file), kExpectedHeader + '\n'); // the header is written at once

    ASSERT_TRUE(recorder.record({kWebSocketFrame, kStartedMs + 250, QLatin1String("websocket")}));
    EXPECT_TRUE(recorder.hasBufferedFrames());
    EXPECT_EQ(recorder.framesRecorded(), quint64(0));
    EXPECT_EQ(readAll(file), kExpectedHeader + '\n');

    ASSERT_TRUE(recorder.flush());
    EXPECT_FALSE(recorder.hasBufferedFrames());
    EXPECT_EQ(recorder.framesRecorded(), quint64(1));
    EXPECT_EQ(readAll(file), kExpectedHeader + '\n' + kExpectedWebSocketLine + '\n');
}

TEST_F(FrameRecorderTest, HeaderNeverCarriesCredentials)
{
    const QString file = path("session.ndjson");
    {
        FrameRecorder recorder(
            file, testHeader(QUrl(
                      QStringLiteral("wss://operator:hunter2@127.0.0.1:8443/stream?token=s3cr3t&room=5"))));
        ASSERT_TRUE(recorder.open());
    }
    EXPECT_EQ(headerOf(file)[QStringLiteral("source")].toString(),
              QStringLiteral("wss://127.0.0.1:8443/stream?token=redacted&room=5"));
    const QByteArray content = readAll(file);
    EXPECT_FALSE(content.contains("operator"));
    EXPECT_FALSE(content.contains("hunter2"));
    EXPECT_FALSE(content.contains("s3cr3t"));
}

TEST_F(FrameRecorderTest, ReplayedFileIsNamedByItsPath)
{
    const QString file = path("session.ndjson");
    const QString replayed = path("incident 42.ndjson");
    {
        FrameRecorder recorder(file, testHeader(QUrl::fromLocalFile(replayed)));
        ASSERT_TRUE(recorder.open());
    }
    const QJsonObject header = headerOf(file);
    EXPECT_EQ(header[QStringLiteral("vantage_recording")].toInt(), 1);
    EXPECT_EQ(header[QStringLiteral("source")].toString(), replayed);
    EXPECT_EQ(header[QStringLiteral("app")].toString(), QStringLiteral("vantage 9.9.9"));
    EXPECT_EQ(header[QStringLiteral("started")].toString(), QStringLiteral("2026-06-13T09:00:00.000Z"));
}

TEST_F(FrameRecorderTest, DirectoryIsAnErrorNamingIt)
{
    FrameRecorder recorder(m_dir.path(), testHeader());
    EXPECT_TRUE(refusesToOpen(recorder));
    // Later calls do nothing and say so; nothing throws or crashes.
    EXPECT_FALSE(recorder.record({kWebSocketFrame, kStartedMs, QLatin1String("websocket")}));
    EXPECT_FALSE(recorder.flush());
    EXPECT_FALSE(recorder.close());
    EXPECT_EQ(recorder.framesRecorded(), quint64(0));
}

TEST_F(FrameRecorderTest, MissingParentDirectoryIsAnErrorNamingTheFile)
{
    FrameRecorder recorder(path("no/such/dir/session.ndjson"), testHeader());
    EXPECT_TRUE(refusesToOpen(recorder));
}

TEST_F(FrameRecorderTest, UnwritableDirectoryIsAnErrorNamingTheFile)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root can write into a directory without permissions";
    const QString locked = path("locked");
    ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("locked")));
    ASSERT_TRUE(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    FrameRecorder recorder(locked + QStringLiteral("/session.ndjson"), testHeader());
    EXPECT_TRUE(refusesToOpen(recorder));
    QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

TEST(FrameRecorder, FullDiskStopsTheRecordingWithAnErrorNamingTheFile)
{
    const QString path = QStringLiteral("/dev/full"); // every write fails with ENOSPC
    if (!QFileInfo::exists(path))
        GTEST_SKIP() << "no /dev/full here";
    FrameRecorder recorder(path, testHeader());
    EXPECT_TRUE(refusesToOpen(recorder)); // the header's write fails
    EXPECT_FALSE(recorder.record({kWebSocketFrame, kStartedMs, QLatin1String("websocket")}));
    EXPECT_EQ(recorder.framesRecorded(), quint64(0));
}
