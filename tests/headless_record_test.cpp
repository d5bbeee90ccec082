#include "support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

// End to end with the real binaries: `vantage --headless --sse-url ... --record FILE` against
// `vantage-relay` on 127.0.0.1 records the SSE events as parsed, and `vantage --headless
// --replay FILE --speed max` replays the same frames with the same stats.

namespace {

constexpr int kWaitMs = 10'000;
constexpr int kRunDeadlineMs = 60'000;

QString binary(const char *name)
{
    return QStringLiteral(VANTAGE_BIN_DIR "/") + QLatin1String(name);
}

// Runs `vantage` to its end; an empty string when it exited 0, else what went wrong.
std::string runVantage(const QTemporaryDir &dir, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(environment);
    process.start(binary("vantage"), arguments);
    if (!process.waitForFinished(kRunDeadlineMs)) {
        process.kill();
        process.waitForFinished(kWaitMs);
        return "vantage did not finish: " + process.readAllStandardError().toStdString();
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return "vantage exited with " + std::to_string(process.exitCode()) + ": " +
               process.readAllStandardError().toStdString();
    return {};
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

// The relay publishing the demo at 50 messages a second; its port, or 0 when it did not start.
quint16 startRelay(QProcess &relay)
{
    relay.start(binary("vantage-relay"),
                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--demo"),
                 QStringLiteral("--rate"), QStringLiteral("50")});
    if (!relay.waitForStarted(kWaitMs) ||
        !QTest::qWaitFor([&] { return relay.canReadLine() || relay.state() == QProcess::NotRunning; },
                         kWaitMs))
        return 0;
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+) "))
            .match(QString::fromUtf8(relay.readLine()));
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

} // namespace

TEST(HeadlessRecord, RecordsALiveSseSessionAndReplaysTheSameEvents)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString recording = dir.filePath(QStringLiteral("session.ndjson"));
    const QString liveStats = dir.filePath(QStringLiteral("live.json"));
    const QString replayStats = dir.filePath(QStringLiteral("replay.json"));

    QProcess relay;
    const quint16 port = startRelay(relay);
    ASSERT_NE(port, 0) << relay.readAllStandardError().toStdString();
    const QString url = QStringLiteral("http://127.0.0.1:%1/events").arg(port);
    const std::string liveRun =
        runVantage(dir, {QStringLiteral("--headless"), QStringLiteral("--sse-url"), url,
                         QStringLiteral("--duration"), QStringLiteral("2"), QStringLiteral("--record"),
                         recording, QStringLiteral("--stats-json"), liveStats});
    relay.terminate();
    relay.waitForFinished(kWaitMs);
    ASSERT_EQ(liveRun, "");

    // The header, then one SSE line per received event: type, id and data as parsed.
    const QByteArrayList lines = vantage::test::readLines(recording);
    ASSERT_GE(lines.size(), 3);
    const QJsonObject header = QJsonDocument::fromJson(lines[0]).object();
    EXPECT_EQ(header[QStringLiteral("vantage_recording")].toInt(), 1);
    EXPECT_EQ(header[QStringLiteral("source")].toString(), url);
    EXPECT_TRUE(header[QStringLiteral("app")].toString().startsWith(QStringLiteral("vantage ")));
    int withId = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QJsonObject line = QJsonDocument::fromJson(lines[i]).object();
        EXPECT_EQ(line[QStringLiteral("transport")].toString(), QStringLiteral("sse"))
            << lines[i].toStdString();
        EXPECT_GT(line[QStringLiteral("t")].toInteger(), 0) << lines[i].toStdString();
        const QJsonObject sse = line[QStringLiteral("sse")].toObject();
        EXPECT_EQ(sse[QStringLiteral("event")].toString(), QStringLiteral("message"))
            << lines[i].toStdString();
        ASSERT_TRUE(sse[QStringLiteral("id")].isString()) << lines[i].toStdString();
        withId += sse[QStringLiteral("id")].toString().isEmpty() ? 0 : 1;
        // The relay sends protocol v1 envelopes as the data of unnamed events.
        const QJsonObject envelope =
            QJsonDocument::fromJson(sse[QStringLiteral("data")].toString().toUtf8()).object();
        EXPECT_EQ(envelope[QStringLiteral("v")].toInt(), 1) << lines[i].toStdString();
    }
    EXPECT_GT(withId, 0);

    const QJsonObject live = readJson(liveStats);
    const auto recorded = qint64(lines.size() - 1);
    EXPECT_EQ(live[QStringLiteral("frames_recorded")].toInteger(), recorded);
    EXPECT_EQ(live[QStringLiteral("frames_received")].toInteger(), recorded);
    EXPECT_FALSE(live.contains(QStringLiteral("record_error")));

    ASSERT_EQ(runVantage(dir, {QStringLiteral("--headless"), QStringLiteral("--replay"), recording,
                               QStringLiteral("--speed"), QStringLiteral("max"),
                               QStringLiteral("--stats-json"), replayStats}),
              "");
    const QJsonObject replayed = readJson(replayStats);
    const std::string report = QJsonDocument(replayed).toJson().toStdString();
    EXPECT_EQ(replayed[QStringLiteral("frames_received")].toInteger(), recorded) << report;
    for (const char *key : {"received_total", "by_type", "decode_errors", "duplicates_dropped", "gaps",
                            "messages_missed", "feed_rows"})
        EXPECT_EQ(replayed[QLatin1String(key)], live[QLatin1String(key)]) << key << "\n" << report;
    EXPECT_GT(replayed[QStringLiteral("received_total")].toInteger(), 2) << report;
}

TEST(HeadlessRecord, JournalsALiveSessionIntoASegmentThatReplaysTheSameEvents)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString journalDir = dir.filePath(QStringLiteral("journal"));
    const QString liveStats = dir.filePath(QStringLiteral("live.json"));
    const QString replayStats = dir.filePath(QStringLiteral("replay.json"));

    QProcess relay;
    const quint16 port = startRelay(relay);
    ASSERT_NE(port, 0) << relay.readAllStandardError().toStdString();
    const std::string liveRun = runVantage(
        dir, {QStringLiteral("--headless"), QStringLiteral("--sse-url"),
              QStringLiteral("http://127.0.0.1:%1/events").arg(port), QStringLiteral("--duration"),
              QStringLiteral("2"), QStringLiteral("--journal-dir"), journalDir, QStringLiteral("--stats-json"), liveStats});
    relay.terminate();
    relay.waitForFinished(kWaitMs);
    ASSERT_EQ(liveRun, "");

    const QJsonObject live = readJson(liveStats);
    const QJsonObject journal = live[QStringLiteral("journal")].toObject();
    EXPECT_EQ(journal[QStringLiteral("dir")].toString(), journalDir);
    EXPECT_FALSE(journal.contains(QStringLiteral("error")));
    const qint64 received = live[QStringLiteral("frames_received")].toInteger();
    EXPECT_GT(received, 2);
    EXPECT_EQ(journal[QStringLiteral("frames_journaled")].toInteger(), received);

    const QStringList segments =
        QDir(journalDir).entryList({QStringLiteral("segment-*.ndjson.gz")}, QDir::Files, QDir::Name);
    ASSERT_EQ(segments.size(), 1) << segments.join(QLatin1Char(' ')).toStdString();
    ASSERT_EQ(runVantage(dir, {QStringLiteral("--headless"), QStringLiteral("--replay"),
                               QDir(journalDir).filePath(segments[0]), QStringLiteral("--speed"),
                               QStringLiteral("max"), QStringLiteral("--stats-json"), replayStats}),
              "");
    const QJsonObject replayed = readJson(replayStats);
    EXPECT_EQ(replayed[QStringLiteral("frames_received")].toInteger(), received);
    EXPECT_EQ(replayed[QStringLiteral("received_total")], live[QStringLiteral("received_total")]);
    EXPECT_FALSE(replayed.contains(QStringLiteral("journal"))) << "a replay is not journaled";
}

TEST(HeadlessRecord, NoJournalWithoutAFolderOrWithZeroHours)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString stats = dir.filePath(QStringLiteral("live.json"));
    QProcess relay;
    const quint16 port = startRelay(relay);
    ASSERT_NE(port, 0) << relay.readAllStandardError().toStdString();
    const QString url = QStringLiteral("http://127.0.0.1:%1/events").arg(port);
    const QString journalDir = dir.filePath(QStringLiteral("journal"));
    const std::string run = runVantage(
        dir, {QStringLiteral("--headless"), QStringLiteral("--sse-url"), url, QStringLiteral("--duration"),
              QStringLiteral("1"), QStringLiteral("--journal-dir"), journalDir, QStringLiteral("--journal-hours"),
              QStringLiteral("0"), QStringLiteral("--stats-json"), stats});
    relay.terminate();
    relay.waitForFinished(kWaitMs);
    ASSERT_EQ(run, "");
    EXPECT_FALSE(readJson(stats).contains(QStringLiteral("journal")));
    EXPECT_FALSE(QFileInfo::exists(journalDir));
}

TEST(HeadlessRecord, RecordingThatCannotBeWrittenIsReportedAndTheRunGoesOn)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString log = dir.filePath(QStringLiteral("input.ndjson"));
    ASSERT_TRUE(vantage::test::writeLines(log, {QByteArrayLiteral(R"({"v":1,"type":"ping","seq":1})"),
                                                QByteArrayLiteral(R"({"v":1,"type":"ping","seq":2})")}));
    const QString unwritable = dir.filePath(QStringLiteral("no/such/dir/session.ndjson"));
    const QString statsPath = dir.filePath(QStringLiteral("s.json"));

    const std::string run =
        runVantage(dir, {QStringLiteral("--headless"), QStringLiteral("--replay"), log,
                         QStringLiteral("--speed"), QStringLiteral("max"), QStringLiteral("--record"),
                         unwritable, QStringLiteral("--stats-json"), statsPath});
    // Exit code 1, and stderr names the file.
    EXPECT_NE(run.find("exited with 1"), std::string::npos) << run;
    EXPECT_NE(run.find(unwritable.toStdString()), std::string::npos) << run;
    const QJsonObject stats = readJson(statsPath);
    EXPECT_TRUE(stats[QStringLiteral("record_error")].toString().contains(unwritable));
    EXPECT_EQ(stats[QStringLiteral("frames_recorded")].toInteger(), 0);
    EXPECT_EQ(stats[QStringLiteral("received_total")].toInteger(), 2); // the feed went on
}
