#include "support/CollectingSink.h"
#include "support/FeedRun.h"
#include "support/GzipFiles.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <unistd.h>

// Bad input, plain and gzip: a line that cannot be replayed is skipped and reported with its line
// number, and the replay goes on; a file that cannot be read at all ends it with an error naming it.

using namespace vantage;

namespace {

QByteArray ping(int seq)
{
    return QByteArrayLiteral(R"({"v":1,"type":"ping","seq":)") + QByteArray::number(seq) + '}';
}

QByteArray recordedPing(int seq)
{
    return QByteArrayLiteral(
               R"({"t":1781341200000,"transport":"websocket","frame":"{\"v\":1,\"type\":\"ping\",\"seq\":)") +
           QByteArray::number(seq) + R"(}"})";
}

const QByteArray kHeader = QByteArrayLiteral(
    R"({"vantage_recording":1,"source":"ws://127.0.0.1:9/stream","app":"vantage test","started":"2026-06-13T09:00:00.000Z"})");

struct Skip
{
    qint64 line;
    const char *reason;
};

std::vector<std::pair<qint64, QString>> skipsOf(const CollectingSink &sink)
{
    std::vector<std::pair<qint64, QString>> out;
    for (const CollectingSink::Skipped &skipped : sink.skipped)
        out.emplace_back(skipped.line, skipped.reason);
    return out;
}

std::vector<std::pair<qint64, QString>> expected(std::initializer_list<Skip> skips)
{
    std::vector<std::pair<qint64, QString>> out;
    for (const Skip &skip : skips)
        out.emplace_back(skip.line, QLatin1String(skip.reason));
    return out;
}

// Each case runs on a plain file and on the same content gzip-compressed (named without ".gz":
// gzip is known by its bytes).
class ReplayBadInput : public ::testing::TestWithParam<bool>
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    bool gzip() const { return GetParam(); }

    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("input.log"));
        EXPECT_TRUE(gzip() ? test::writeGzip(path, content) : test::writeBytes(path, content));
        return path;
    }

    // Plays the file as fast as possible to its end; its last status.
    ConnectionStatus play(const QString &path)
    {
        const test::ReplayResult result = test::playInto(m_sink, test::maxSpeedOptions(path));
        m_linesRead = result.linesRead;
        return result.status;
    }

    QTemporaryDir m_dir;
    CollectingSink m_sink;
    quint64 m_linesRead = 0;
};

} // namespace

INSTANTIATE_TEST_SUITE_P(PlainAndGzip, ReplayBadInput, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool> &info) {
                             return info.param ? "Gzip" : "Plain";
                         });

TEST_P(ReplayBadInput, BareLogDeliversEveryLineWithItsNumberButTheTruncatedLast)
{
    // The pipeline's decoder decides what a bare frame is; the source only refuses a cut-off end.
    const QByteArray content = ping(1) + "\nnot json at all\n[1,2,3]\n\n42\n" + ping(2) + "\n" +
                               QByteArrayLiteral(R"({"v":1,"type":"pi)");
    const ConnectionStatus end = play(write(content));

    EXPECT_EQ(end.state, ConnectionState::Finished) << end.reason.toStdString();
    EXPECT_EQ(m_sink.frames, (std::vector<QByteArray>{ping(1), "not json at all", "[1,2,3]", "42", ping(2)}));
    EXPECT_EQ(m_sink.lines, (std::vector<qint64>{1, 2, 3, 5, 6}));
    EXPECT_EQ(skipsOf(m_sink), expected({{7, "truncated_line"}}));
    EXPECT_EQ(
        m_sink.skipped[0].description,
        QStringLiteral("the last line has no line end and is not complete JSON: the file is cut short"));
    EXPECT_EQ(m_linesRead, 7u);
    EXPECT_EQ(m_sink.replayLinesRead, 7u);
    EXPECT_EQ(m_sink.replayFile, m_dir.filePath(QStringLiteral("input.log")));
}

TEST_P(ReplayBadInput, CompleteLastLineWithoutLineEndIsAFrame)
{
    const ConnectionStatus end = play(write(ping(1) + '\n' + ping(2)));

    EXPECT_EQ(end.state, ConnectionState::Finished) << end.reason.toStdString();
    EXPECT_EQ(m_sink.frames, (std::vector<QByteArray>{ping(1), ping(2)}));
    EXPECT_TRUE(m_sink.skipped.empty());
}

TEST_P(ReplayBadInput, RecordingSkipsEachCorruptLineWithItsNumberAndWhy)
{
    const QByteArray content = kHeader + '\n' + recordedPing(1) + "\nnot json at all\n[1,2,3]\n" +
                               R"({"t":"soon","transport":"websocket","frame":"{}"})" + '\n' +
                               R"({"t":5,"transport":"websocket"})" + "\n\n" +
                               R"({"t":5,"transport":"websocket","frame":"{\"v\":1,)" + '\n' +
                               recordedPing(2) + '\n' + recordedPing(3).left(40);
    const ConnectionStatus end = play(write(content));

    EXPECT_EQ(end.state, ConnectionState::Finished) << end.reason.toStdString();
    EXPECT_EQ(m_sink.frames, (std::vector<QByteArray>{ping(1), ping(2)}));
    EXPECT_EQ(m_sink.lines, (std::vector<qint64>{2, 9}));
    EXPECT_EQ(skipsOf(m_sink), expected({{3, "bad_recording_line"},
                                         {4, "bad_recording_line"},
                                         {5, "bad_recording_line"},
                                         {6, "bad_recording_line"},
                                         {8, "bad_recording_line"},
                                         {10, "truncated_line"}}));
    ASSERT_EQ(m_sink.skipped.size(), 6u);
    EXPECT_EQ(m_sink.skipped[0].description, QStringLiteral("not valid JSON"));
    EXPECT_EQ(m_sink.skipped[1].description, QStringLiteral("valid JSON, but not an object"));
    EXPECT_EQ(m_sink.skipped[2].description, QStringLiteral("no integer \"t\" (receive time)"));
    EXPECT_TRUE(m_sink.skipped[3].description.startsWith(
        QStringLiteral("neither a \"frame\" string nor an \"sse\"")));
    EXPECT_EQ(m_sink.skipped[4].description, QStringLiteral("not valid JSON"));
    EXPECT_EQ(m_linesRead, 10u);
}

TEST_P(ReplayBadInput, EmptyFileIsAnErrorNamingIt)
{
    const QString path = write(QByteArray());
    const ConnectionStatus end = play(path);

    EXPECT_EQ(end.state, ConnectionState::Error);
    const QString expectedReason =
        gzip() ? QStringLiteral("Replay file %1 is empty once decompressed (gzip)").arg(path)
               : QStringLiteral("Replay file %1 is empty").arg(path);
    EXPECT_EQ(end.reason, expectedReason);
    EXPECT_TRUE(m_sink.frames.empty());
}

TEST_P(ReplayBadInput, FileOfBlankLinesIsAnErrorNamingIt)
{
    const QString path = write(QByteArrayLiteral("\n  \r\n\n"));
    const ConnectionStatus end = play(path);

    EXPECT_EQ(end.state, ConnectionState::Error);
    EXPECT_EQ(end.reason, QStringLiteral("Replay file %1 holds only blank lines").arg(path));
}

TEST(ReplayUnreadable, MissingFileIsAnErrorNamingIt)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("nowhere.ndjson.gz"));
    CollectingSink sink;
    const ConnectionStatus end = test::playInto(sink, test::maxSpeedOptions(path)).status;
    EXPECT_EQ(end.state, ConnectionState::Error);
    EXPECT_EQ(end.reason, QStringLiteral("Replay file %1 does not exist").arg(path));
    EXPECT_EQ(sink.replayFile, path); // the stats name the file even so
}

TEST(ReplayUnreadable, DirectoryIsAnErrorNamingIt)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    CollectingSink sink;
    const ConnectionStatus end = test::playInto(sink, test::maxSpeedOptions(dir.path())).status;
    EXPECT_EQ(end.state, ConnectionState::Error);
    EXPECT_EQ(end.reason, QStringLiteral("Replay path %1 is a directory, not a log file").arg(dir.path()));
}

TEST(ReplayUnreadable, FileWithoutReadPermissionIsAnErrorNamingIt)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root can read a file without permissions";
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("locked.ndjson.gz"));
    ASSERT_TRUE(test::writeGzip(path, ping(1) + '\n'));
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::Permissions()));
    CollectingSink sink;
    const ConnectionStatus end = test::playInto(sink, test::maxSpeedOptions(path)).status;
    EXPECT_EQ(end.state, ConnectionState::Error);
    EXPECT_EQ(end.reason, QStringLiteral("Cannot open replay file %1: Permission denied").arg(path));
}
