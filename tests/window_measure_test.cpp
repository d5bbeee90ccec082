#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>

// The window's measurement options (docs/performance.md) on the real binary, offscreen, with
// settings of its own.

namespace {

struct WindowProcess
{
    QTemporaryDir home;
    QProcess process;

    explicit WindowProcess(const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(VANTAGE_BIN_DIR) + QStringLiteral("/vantage"), arguments);
    }
};

qint64 monotonicNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

TEST(WindowMeasure, ExitAfterFirstFrameTellsWhenTheFirstFrameWasPainted)
{
    const qint64 spawnedNs = monotonicNowNs();
    WindowProcess run({QStringLiteral("--demo"), QStringLiteral("--size"), QStringLiteral("1280x800"),
                       QStringLiteral("--exit-after-first-frame")});
    ASSERT_TRUE(run.process.waitForFinished(60'000));
    const qint64 exitedNs = monotonicNowNs();
    EXPECT_EQ(run.process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(run.process.exitCode(), 0);
    const QString out = QString::fromUtf8(run.process.readAllStandardOutput()).trimmed();
    ASSERT_TRUE(out.startsWith(QLatin1String("first_frame_monotonic_ns "))) << out.toStdString();
    bool ok = false;
    const qint64 firstFrameNs = out.section(QLatin1Char(' '), 1).toLongLong(&ok);
    ASSERT_TRUE(ok) << out.toStdString();
    // The same clock as ours: between the spawn and the exit.
    EXPECT_GT(firstFrameNs, spawnedNs);
    EXPECT_LT(firstFrameNs, exitedNs);
}

TEST(WindowMeasure, DurationEndsTheWindowWithItsStatsAndFrames)
{
    QTemporaryDir dir;
    const QString statsPath = dir.filePath(QStringLiteral("stats.json"));
    WindowProcess run({QStringLiteral("--demo"), QStringLiteral("--speed"), QStringLiteral("60"),
                       QStringLiteral("--size"), QStringLiteral("1280x800"), QStringLiteral("--duration"),
                       QStringLiteral("2"), QStringLiteral("--stats-json"), statsPath});
    ASSERT_TRUE(run.process.waitForFinished(60'000));
    EXPECT_EQ(run.process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(run.process.exitCode(), 0) << run.process.readAllStandardError().toStdString();
    QFile file(statsPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject stats = QJsonDocument::fromJson(file.readAll()).object();
    EXPECT_GT(stats[QStringLiteral("frames_received")].toInt(), 0);
    const QJsonObject window = stats[QStringLiteral("window")].toObject();
    EXPECT_GE(window[QStringLiteral("frames")].toInt(), 2);
    EXPECT_EQ(window[QStringLiteral("frame_interval")].toObject()[QStringLiteral("count")].toInt(),
              window[QStringLiteral("frames")].toInt() - 1);
    EXPECT_GT(window[QStringLiteral("frames_per_s")].toDouble(), 0.0);
    // The demo is a recorded log: its times are not send times.
    EXPECT_FALSE(stats.contains(QStringLiteral("event_latency")));
}

TEST(WindowMeasure, ALiveStreamReportsTheLatencyOfItsEvents)
{
    QProcess relay;
    relay.setProcessChannelMode(QProcess::MergedChannels);
    relay.start(QStringLiteral(VANTAGE_BIN_DIR) + QStringLiteral("/vantage-relay"),
                {QStringLiteral("--demo"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--rate"),
                 QStringLiteral("200")});
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    QString output;
    QRegularExpressionMatch match;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            output += QString::fromUtf8(relay.readAll());
            match = listening.match(output);
            return match.hasMatch();
        },
        10'000))
        << output.toStdString();

    QTemporaryDir dir;
    const QString statsPath = dir.filePath(QStringLiteral("stats.json"));
    WindowProcess run({QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1:%1/stream").arg(match.captured(1)),
                       QStringLiteral("--no-fallback"), QStringLiteral("--journal-hours"), QStringLiteral("0"),
                       QStringLiteral("--duration"), QStringLiteral("2"), QStringLiteral("--stats-json"), statsPath});
    ASSERT_TRUE(run.process.waitForFinished(60'000));
    relay.terminate();
    relay.waitForFinished(10'000);
    EXPECT_EQ(run.process.exitCode(), 0) << run.process.readAllStandardError().toStdString();
    QFile file(statsPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject stats = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject latency = stats[QStringLiteral("event_latency")].toObject();
    EXPECT_GT(latency[QStringLiteral("count")].toInt(), 0);
    EXPECT_GE(latency[QStringLiteral("max_ms")].toDouble(), latency[QStringLiteral("p50_ms")].toDouble());
    EXPECT_FALSE(stats[QStringLiteral("connection_history")].toArray().isEmpty());
}
