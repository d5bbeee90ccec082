#include "app/DemoLogGenerator.h"
#include "feed/Decoder.h"
#include "feed/FrameSink.h"
#include "feed/ReplaySource.h"
#include "feed/Rfc3339.h"
#include "support/TestClock.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <unistd.h>

#include <vector>

using namespace vantage;

namespace {

constexpr qint64 kBaseTsMs = 1'781'341'200'000; // 2026-06-13T09:00:00Z

struct KeptFrame
{
    QByteArray bytes;
    qint64 receivedMs = 0;
    qint64 shiftMs = 0;
};

class RecordingSink final : public FrameSink
{
public:
    void onFrame(const ReceivedFrame &frame) override
    {
        frames.push_back({frame.bytes.toByteArray(), frame.receivedMs, frame.tsShiftMs});
        if (onEachFrame)
            onEachFrame();
    }

    std::vector<KeptFrame> frames;
    std::function<void()> onEachFrame;
};

QByteArray frameAt(qint64 offsetMs, int n)
{
    return QByteArray(R"({"v":1,"type":"ping","seq":)") + QByteArray::number(n) + R"(,"ts":")" +
           formatRfc3339Ms(kBaseTsMs + offsetMs) + R"(","data":{}})";
}

QString writeLog(const QTemporaryDir &dir, const QString &name, const QByteArrayList &lines,
                 const QByteArray &separator = "\n")
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (const QByteArray &line : lines)
        file.write(line + separator);
    return path;
}

bool waitForState(const ReplaySource &source, ConnectionState state)
{
    return QTest::qWaitFor([&] { return source.status().state == state; }, 20000);
}

ReplayOptions fastOptions(const QString &path)
{
    ReplayOptions options;
    options.path = path;
    options.speed = 0.0;
    return options;
}

} // namespace

TEST(ReplaySource, DeliversEveryFrameInOrderThenFinishes)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArrayList lines = {frameAt(0, 1), frameAt(1000, 2), frameAt(60'000, 3), frameAt(3'600'000, 4)};
    const QString path = writeLog(dir, QStringLiteral("fast.ndjson"), lines);

    ReplaySource source(fastOptions(path));
    RecordingSink sink;
    source.setSink(&sink);
    QSignalSpy statusSpy(&source, &ReplaySource::statusChanged);
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Finished));

    ASSERT_EQ(sink.frames.size(), std::size_t(4));
    for (int i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(sink.frames[std::size_t(i)].bytes, lines[i]);
    }
    EXPECT_EQ(source.framesDelivered(), quint64(4));
    EXPECT_EQ(source.passes(), 1);
    ASSERT_GE(statusSpy.count(), 2);
    const auto first = statusSpy.first().first().value<ConnectionStatus>();
    EXPECT_EQ(first.state, ConnectionState::Live);
    EXPECT_EQ(first.transport, QStringLiteral("replay"));
    EXPECT_EQ(statusSpy.last().first().value<ConnectionStatus>().state, ConnectionState::Finished);
}

TEST(ReplaySource, LoopStartsAgainAtTheEnd)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArrayList lines = {frameAt(0, 1), frameAt(10, 2), frameAt(20, 3)};
    ReplayOptions options = fastOptions(writeLog(dir, QStringLiteral("loop.ndjson"), lines));
    options.loop = true;

    ReplaySource source(options);
    RecordingSink sink;
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sink.frames.size() >= 8; }, 20000));
    source.stop();

    EXPECT_GT(source.passes(), 1);
    EXPECT_EQ(source.status().state, ConnectionState::Idle);
    for (std::size_t i = 0; i < sink.frames.size(); ++i) {
        EXPECT_EQ(sink.frames[i].bytes, lines[qsizetype(i % 3)]) << "frame " << i;
    }

    // Nothing more arrives once stopped.
    const std::size_t stoppedAt = sink.frames.size();
    QCoreApplication::processEvents();
    EXPECT_EQ(sink.frames.size(), stoppedAt);
    EXPECT_EQ(source.framesDelivered(), quint64(stoppedAt));
}

TEST(ReplaySource, RebaseToNowShiftsEachPassToItsStart)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArrayList lines = {frameAt(0, 1), frameAt(500, 2), frameAt(900, 3)};
    test::TestClock clock(1'900'000'000'000);
    const qint64 firstPassStart = clock.now();
    ReplayOptions options = fastOptions(writeLog(dir, QStringLiteral("rebase.ndjson"), lines));
    options.loop = true;
    options.rebaseToNow = true;
    options.now = [&clock] { return clock.now(); };

    ReplaySource source(options);
    RecordingSink sink;
    // Every delivered frame moves the clock, so the second pass starts 3 s after the first.
    sink.onEachFrame = [&clock] { clock.advance(1000); };
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sink.frames.size() >= 6; }, 20000));
    // Moved to now, the log stands in for a live stream (the demo).
    EXPECT_EQ(source.status().transport, QStringLiteral("demo"));
    source.stop();

    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(sink.frames[i].shiftMs, firstPassStart - kBaseTsMs);
        EXPECT_EQ(sink.frames[i].receivedMs, firstPassStart + qint64(i) * 1000);
    }
    for (std::size_t i = 3; i < 6; ++i) {
        EXPECT_EQ(sink.frames[i].shiftMs, firstPassStart + 3000 - kBaseTsMs);
    }
}

TEST(ReplaySource, WithoutRebaseTheShiftIsZero)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ReplaySource source(fastOptions(writeLog(dir, QStringLiteral("plain.ndjson"), {frameAt(0, 1)})));
    RecordingSink sink;
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Finished));
    ASSERT_EQ(sink.frames.size(), std::size_t(1));
    EXPECT_EQ(sink.frames[0].shiftMs, 0);
}

TEST(ReplaySource, PacesFramesByTheirTimestampsOnAnInjectedClock)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArrayList lines = {frameAt(0, 1), frameAt(50, 2), frameAt(50, 3), frameAt(400, 4)};
    test::TestClock clock;
    const qint64 start = clock.now();
    ReplayOptions options;
    options.path = writeLog(dir, QStringLiteral("paced.ndjson"), lines);
    options.speed = 2.0;
    options.now = [&clock] { return clock.now(); };

    ReplaySource source(options);
    RecordingSink sink;
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !sink.frames.empty(); }, 20000));
    QCoreApplication::processEvents();
    EXPECT_EQ(sink.frames.size(), std::size_t(1)); // the clock has not moved: the rest is not due

    clock.advance(25); // 50 ms of log time at 2x
    ASSERT_TRUE(QTest::qWaitFor([&] { return sink.frames.size() >= 3; }, 20000));
    QCoreApplication::processEvents();
    EXPECT_EQ(sink.frames.size(), std::size_t(3));

    clock.advance(175);
    ASSERT_TRUE(waitForState(source, ConnectionState::Finished));
    ASSERT_EQ(sink.frames.size(), std::size_t(4));
    for (int i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(sink.frames[std::size_t(i)].bytes, lines[i]);
    }
    EXPECT_EQ(sink.frames[0].receivedMs, start);
    EXPECT_EQ(sink.frames[1].receivedMs, start + 25);
    EXPECT_EQ(sink.frames[3].receivedMs, start + 200);
}

TEST(ReplaySource, PreRollDeliversTheFirstStretchAtOnceAndEndsItNow)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArrayList lines = {frameAt(0, 1), frameAt(500, 2), frameAt(900, 3), frameAt(2000, 4)};
    test::TestClock clock;
    const qint64 start = clock.now();
    ReplayOptions options;
    options.path = writeLog(dir, QStringLiteral("preroll.ndjson"), lines);
    options.rebaseToNow = true;
    options.preRollMs = 1000;
    options.now = [&clock] { return clock.now(); };

    ReplaySource source(options);
    RecordingSink sink;
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sink.frames.size() >= 3; }, 20000));
    QCoreApplication::processEvents();
    EXPECT_EQ(sink.frames.size(), std::size_t(3)); // 2000 ms is 1000 ms after the pre-roll: not due yet
    // The pre-roll's end (log time 1000 ms) is mapped to the moment the pass started.
    EXPECT_EQ(sink.frames[0].shiftMs, start - (kBaseTsMs + 1000));

    clock.advance(1000);
    ASSERT_TRUE(waitForState(source, ConnectionState::Finished));
    ASSERT_EQ(sink.frames.size(), std::size_t(4));
    EXPECT_EQ(sink.frames[3].receivedMs, start + 1000);
}

TEST(ReplaySource, PacesFramesOnTheRealClock)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArrayList lines = {frameAt(0, 1), frameAt(50, 2), frameAt(100, 3)};
    std::optional<qint64> firstReading;
    ReplayOptions options;
    options.path = writeLog(dir, QStringLiteral("real.ndjson"), lines);
    options.now = [&firstReading] {
        const qint64 now = systemNowMs();
        if (!firstReading)
            firstReading = now;
        return now;
    };

    ReplaySource source(options);
    RecordingSink sink;
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Finished));
    ASSERT_TRUE(firstReading.has_value());
    ASSERT_EQ(sink.frames.size(), std::size_t(3));
    for (int i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(sink.frames[std::size_t(i)].bytes, lines[i]);
    }
    // The pass starts at or after the first clock reading, so each frame is due no earlier than this.
    EXPECT_GE(sink.frames[1].receivedMs, *firstReading + 50);
    EXPECT_GE(sink.frames[2].receivedMs, *firstReading + 100);
}

TEST(ReplaySource, FramesWithoutTimestampAndBlankLines)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArrayList lines = {frameAt(0, 1),
                                  QByteArray(R"({"type":"ping"})"),
                                  QByteArray(),
                                  QByteArray("   "),
                                  QByteArray("not json at all"),
                                  QByteArray(R"({"v":1,"type":"ping","ts":"yesterday"})"),
                                  frameAt(0, 2)};
    ReplayOptions options;
    options.path = writeLog(dir, QStringLiteral("mixed.ndjson"), lines, "\r\n");

    ReplaySource source(options);
    RecordingSink sink;
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Finished));
    ASSERT_EQ(sink.frames.size(), std::size_t(5));
    EXPECT_EQ(sink.frames[0].bytes, lines[0]); // CRLF: the '\r' is not part of the frame
    EXPECT_EQ(sink.frames[1].bytes, lines[1]);
    EXPECT_EQ(sink.frames[2].bytes, lines[4]);
    EXPECT_EQ(sink.frames[3].bytes, lines[5]);
    EXPECT_EQ(sink.frames[4].bytes, lines[6]);
}

TEST(ReplaySource, LastLineWithoutNewline)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tail.ndjson"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(frameAt(0, 1) + '\n' + frameAt(0, 2));
    file.close();

    ReplaySource source(fastOptions(path));
    RecordingSink sink;
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Finished));
    ASSERT_EQ(sink.frames.size(), std::size_t(2));
    EXPECT_EQ(sink.frames[1].bytes, frameAt(0, 2));
}

TEST(ReplaySource, MissingFileIsAnErrorNamingIt)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("nowhere.ndjson"));
    ReplaySource source(fastOptions(path));
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Error));
    EXPECT_TRUE(source.status().reason.contains(path)) << source.status().reason.toStdString();
    EXPECT_EQ(source.framesDelivered(), quint64(0));
}

TEST(ReplaySource, DirectoryIsAnErrorNamingIt)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ReplaySource source(fastOptions(dir.path()));
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Error));
    EXPECT_TRUE(source.status().reason.contains(dir.path())) << source.status().reason.toStdString();
}

TEST(ReplaySource, UnreadableFileIsAnErrorNamingIt)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root can read a file without permissions";
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = writeLog(dir, QStringLiteral("locked.ndjson"), {frameAt(0, 1)});
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::Permissions()));
    ReplaySource source(fastOptions(path));
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Error));
    EXPECT_TRUE(source.status().reason.contains(path)) << source.status().reason.toStdString();
}

TEST(ReplaySource, EmptyFileIsAnErrorNamingIt)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = writeLog(dir, QStringLiteral("empty.ndjson"), {});
    ReplayOptions options = fastOptions(path);
    options.loop = true; // even looping, an empty log ends instead of spinning
    ReplaySource source(options);
    RecordingSink sink;
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Error));
    EXPECT_TRUE(source.status().reason.contains(path)) << source.status().reason.toStdString();
    EXPECT_TRUE(sink.frames.empty());
    EXPECT_EQ(source.passes(), 1);
}

TEST(ReplaySource, LargeFileIsDeliveredCompletely)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("large.ndjson"));
    constexpr int kLines = 200'000;
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < kLines; ++i)
            file.write(frameAt(i, i + 1) + '\n');
    }

    ReplaySource source(fastOptions(path));
    quint64 count = 0;
    bool inOrder = true;
    class CountingSink final : public FrameSink
    {
    public:
        CountingSink(quint64 &count, bool &inOrder)
            : m_count(count)
            , m_inOrder(inOrder)
        {}
        void onFrame(const ReceivedFrame &frame) override
        {
            ++m_count;
            if (frame.bytes != frameAt(qint64(m_count) - 1, int(m_count)))
                m_inOrder = false;
        }

    private:
        quint64 &m_count;
        bool &m_inOrder;
    } sink(count, inOrder);
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Finished));
    EXPECT_EQ(count, quint64(kLines));
    EXPECT_EQ(source.framesDelivered(), quint64(kLines));
    EXPECT_TRUE(inOrder);
}

TEST(ReplaySource, ReplaysTheDemoLogRebasedToNow)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("demo.ndjson"));
    DemoLogSettings settings;
    settings.minutes = 2;
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_TRUE(writeDemoLog(file, settings));
    }
    QFile written(path);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    const auto lineCount = static_cast<std::size_t>(written.readAll().count('\n'));

    test::TestClock clock(1'900'000'000'000);
    ReplayOptions options = fastOptions(path);
    options.rebaseToNow = true;
    options.now = [&clock] { return clock.now(); };
    ReplaySource source(options);
    RecordingSink sink;
    source.setSink(&sink);
    source.start();
    ASSERT_TRUE(waitForState(source, ConnectionState::Finished));
    ASSERT_EQ(sink.frames.size(), lineCount);

    // The hello is the first frame; with the shift it is stamped "now".
    Decoder decoder;
    Message hello;
    ASSERT_EQ(decoder.decode(sink.frames[0].bytes, sink.frames[0].receivedMs, sink.frames[0].shiftMs, hello),
              DecodeError::None);
    EXPECT_EQ(hello.kind, MessageKind::Hello);
    EXPECT_EQ(hello.tsMs, clock.now());
}
