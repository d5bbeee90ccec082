#include "support/GzipFiles.h"
#include "support/VantageProcess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// End to end: `vantage --headless --replay FILE --speed max --stats-json OUT` on a log that mixes
// good and bad lines, plain and gzip: the events replayed, every skipped line with its number and
// reason, the final state, and the exit code.

using namespace vantage;

namespace {

// Today's time, so the today counters count the events.
QByteArray now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
}

QByteArray event(int seq, const char *type, const char *extra = "")
{
    return QByteArrayLiteral(R"({"v":1,"type":"event","seq":)") + QByteArray::number(seq) + R"(,"ts":")" +
           now() + R"(","data":{"id":"e)" + QByteArray::number(seq) + R"(","type":")" + type +
           R"(","user_name":"Ana")" + extra + "}}";
}

// Lines 1-10: four events and an alert that play, five lines that cannot, and a blank one.
QByteArray mixedLog()
{
    const QByteArrayList lines = {
        event(1, "signup"),
        QByteArrayLiteral("not json at all"),
        event(2, "payment", R"(,"value":100,"currency":"GBP")"),
        QByteArrayLiteral("[1,2,3]"),
        QByteArray(),
        QByteArrayLiteral(R"({"v":1,"seq":3})"),
        QByteArrayLiteral(R"({"v":1,"type":"alert","seq":4,"ts":")") + now() +
            R"(","data":{"id":"a1","severity":"critical","message":"Payment provider timeouts","affected_users":3}})",
        QByteArrayLiteral(R"({"v":2,"type":"ping"})"),
        event(5, "signup"),
    };
    return lines.join('\n') + '\n' + event(6, "signup").left(50); // the last line is cut short
}

struct ExpectedSkip
{
    int line;
    const char *reason;
};

constexpr ExpectedSkip kExpectedSkips[] = {
    {2, "invalid_json"},        {4, "not_an_object"},   {6, "missing_type"},
    {8, "unsupported_version"}, {10, "truncated_line"},
};

class HeadlessReplay : public ::testing::TestWithParam<bool>
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // Replays the file headless as fast as possible; its stats, with the run in m_run.
    QJsonObject replay(const QString &file, const QStringList &more = {})
    {
        const QString stats = path("stats.json");
        QFile::remove(stats);
        m_run = test::runVantage(QStringList{QStringLiteral("--headless"), QStringLiteral("--replay"), file,
                                             QStringLiteral("--speed"), QStringLiteral("max"),
                                             QStringLiteral("--stats-json"), stats} +
                                     more,
                                 path("config"));
        EXPECT_TRUE(m_run.finished) << m_run.stderrText.toStdString();
        return test::readJsonObject(stats);
    }

    QTemporaryDir m_dir;
    test::VantageRun m_run;
};

} // namespace

INSTANTIATE_TEST_SUITE_P(PlainAndGzip, HeadlessReplay, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool> &info) {
                             return info.param ? "Gzip" : "Plain";
                         });

TEST_P(HeadlessReplay, ReportsEventsReplayedSkippedLinesAndTheFinalState)
{
    const QString log = path(GetParam() ? "mixed.ndjson.gz" : "mixed.ndjson");
    ASSERT_TRUE(GetParam() ? test::writeGzip(log, mixedLog()) : test::writeBytes(log, mixedLog()));

    const QJsonObject stats = replay(log);
    EXPECT_EQ(m_run.exitCode, 0) << m_run.stderrText.toStdString(); // read to its end, bad lines and all
    const QJsonObject replayed = stats[QStringLiteral("replay")].toObject();
    const std::string report = QJsonDocument(stats).toJson().toStdString();
    EXPECT_EQ(replayed[QStringLiteral("file")].toString(), log) << report;
    EXPECT_EQ(replayed[QStringLiteral("lines_read")].toInteger(), 10) << report;
    EXPECT_EQ(replayed[QStringLiteral("events_replayed")].toInteger(), 4) << report;
    EXPECT_EQ(replayed[QStringLiteral("skipped_lines")].toInteger(), 5) << report;
    EXPECT_FALSE(replayed.contains(QStringLiteral("error"))) << report;

    const QJsonObject byReason = replayed[QStringLiteral("skipped_by_reason")].toObject();
    EXPECT_EQ(byReason.size(), 5) << report;
    const QJsonArray examples = replayed[QStringLiteral("skipped_examples")].toArray();
    ASSERT_EQ(examples.size(), 5) << report;
    for (int i = 0; i < 5; ++i) {
        const QJsonObject example = examples[i].toObject();
        const ExpectedSkip &skip = kExpectedSkips[i];
        EXPECT_EQ(example[QStringLiteral("line")].toInt(), skip.line) << report;
        EXPECT_EQ(example[QStringLiteral("reason")].toString(), QLatin1String(skip.reason)) << report;
        EXPECT_EQ(byReason[QLatin1String(skip.reason)].toInt(), 1) << report;
        EXPECT_TRUE(example[QStringLiteral("message")].toString().startsWith(
            QStringLiteral("Replay file %1, line %2 skipped: ").arg(log).arg(skip.line)))
            << report;
        // Each message is also on stderr as it happens.
        EXPECT_TRUE(m_run.stderrText.contains(example[QStringLiteral("message")].toString())) << report;
    }
    EXPECT_EQ(examples[0].toObject()[QStringLiteral("message")].toString(),
              QStringLiteral("Replay file %1, line 2 skipped: not valid JSON").arg(log));

    // The skipped lines are counted with the decode errors too, under the same reasons.
    const QJsonObject decodeErrors = stats[QStringLiteral("decode_errors")].toObject();
    EXPECT_EQ(decodeErrors[QStringLiteral("total")].toInt(), 5) << report;
    EXPECT_EQ(decodeErrors[QStringLiteral("by_reason")].toObject(), byReason) << report;
    EXPECT_EQ(stats[QStringLiteral("received_total")].toInt(), 4) << report;

    const QJsonObject counters = stats[QStringLiteral("final_counters")].toObject();
    EXPECT_EQ(counters[QStringLiteral("signups")].toDouble(), 2.0) << report;
    EXPECT_EQ(counters[QStringLiteral("payments")].toDouble(), 1.0) << report;
    EXPECT_DOUBLE_EQ(counters[QStringLiteral("revenue")].toDouble(), 100.0) << report;
    const QJsonArray alerts = stats[QStringLiteral("open_alerts")].toArray();
    ASSERT_EQ(alerts.size(), 1) << report;
    EXPECT_EQ(alerts[0].toObject()[QStringLiteral("id")].toString(), QStringLiteral("a1"));
    EXPECT_EQ(stats[QStringLiteral("feed_rows")].toInt(), 3) << report;
}

TEST_P(HeadlessReplay, FileThatCannotBeReadAtAllExitsNonZeroNamingIt)
{
    const QString empty = path("empty.ndjson");
    ASSERT_TRUE(GetParam() ? test::writeGzip(empty, QByteArray()) : test::writeBytes(empty, QByteArray()));
    const QString missing = path("missing.ndjson");

    for (const QString &file : {empty, missing, m_dir.path()}) {
        const QJsonObject stats = replay(file);
        EXPECT_EQ(m_run.exitCode, 1) << file.toStdString();
        EXPECT_TRUE(m_run.stderrText.contains(file)) << m_run.stderrText.toStdString();
        const QJsonObject replayed = stats[QStringLiteral("replay")].toObject();
        EXPECT_EQ(replayed[QStringLiteral("file")].toString(), file);
        EXPECT_TRUE(replayed[QStringLiteral("error")].toString().contains(file))
            << QJsonDocument(stats).toJson().toStdString();
        EXPECT_EQ(replayed[QStringLiteral("events_replayed")].toInteger(), 0);
    }
}

TEST(HeadlessReplayRecording, RecordedPlainAndGzipReplayWithTheSameStats)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("input.ndjson"));
    ASSERT_TRUE(test::writeBytes(input, mixedLog()));
    const QString config = dir.filePath(QStringLiteral("config"));

    QJsonObject replays[2];
    const QString recordings[2] = {dir.filePath(QStringLiteral("session.ndjson")),
                                   dir.filePath(QStringLiteral("session.ndjson.gz"))};
    for (int i = 0; i < 2; ++i) {
        const test::VantageRun record = test::runVantage(
            {QStringLiteral("--headless"), QStringLiteral("--replay"), input, QStringLiteral("--speed"),
             QStringLiteral("max"), QStringLiteral("--record"), recordings[i]},
            config);
        ASSERT_EQ(record.exitCode, 0) << record.stderrText.toStdString();
        const QString statsPath = dir.filePath(QStringLiteral("replay%1.json").arg(i));
        const test::VantageRun replay = test::runVantage(
            {QStringLiteral("--headless"), QStringLiteral("--replay"), recordings[i],
             QStringLiteral("--speed"), QStringLiteral("max"), QStringLiteral("--stats-json"), statsPath},
            config);
        ASSERT_EQ(replay.exitCode, 0) << replay.stderrText.toStdString();
        replays[i] = test::readJsonObject(statsPath);
    }
    ASSERT_TRUE(test::readBytes(recordings[1]).startsWith("\x1f\x8b"));

    // Everything but the names, the run time and the times of the connection states.
    for (QJsonObject &stats : replays) {
        for (const char *key : {"source", "elapsed_s", "connection_history"})
            stats.remove(QLatin1String(key));
        QJsonObject replayed = stats[QStringLiteral("replay")].toObject();
        replayed.remove(QStringLiteral("file"));
        QJsonArray examples;
        for (const QJsonValue &example : replayed[QStringLiteral("skipped_examples")].toArray()) {
            QJsonObject kept = example.toObject();
            kept.remove(QStringLiteral("message"));
            examples.append(kept);
        }
        replayed[QStringLiteral("skipped_examples")] = examples;
        stats[QStringLiteral("replay")] = replayed;
    }
    EXPECT_EQ(replays[0], replays[1]) << QJsonDocument(replays[0]).toJson().toStdString()
                                      << QJsonDocument(replays[1]).toJson().toStdString();
    // The four bad frames were recorded as received, and are skipped again, one line further on.
    const QJsonObject replayed = replays[0][QStringLiteral("replay")].toObject();
    EXPECT_EQ(replayed[QStringLiteral("events_replayed")].toInteger(), 4);
    EXPECT_EQ(replayed[QStringLiteral("skipped_lines")].toInteger(), 4);
    EXPECT_EQ(
        replayed[QStringLiteral("skipped_examples")].toArray()[0].toObject()[QStringLiteral("line")].toInt(),
        3);
}
