#include "VantageClient.h"

#include "EventLoopWait.h"
#include "ThreadBusy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

namespace vantage {

namespace {

constexpr int kConnectTimeoutMs = 10'000;
constexpr int kExitTimeoutMs = 30'000;
// The client's --duration starts before it connects: look for its goodbye a little early.
constexpr int kDisconnectLookaheadMs = 300;
constexpr int kStopPollMs = 100;

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

QStringList viewArguments(PipelineView view)
{
    if (view == PipelineView::Headless)
        return {QStringLiteral("--headless")};
    // The overview at a wall's size. No journal: the headless client keeps none either, so (b) and
    // (c) differ by the window alone.
    return {QStringLiteral("--size"), QStringLiteral("1920x1080"), QStringLiteral("--journal-hours"),
            QStringLiteral("0")};
}

QString checkStats(const QJsonObject &stats)
{
    const qint64 frames = stats.value(QLatin1String("frames_received")).toInteger();
    const qint64 decoded = stats.value(QLatin1String("received_total")).toInteger();
    const qint64 reconnects = stats.value(QLatin1String("reconnects")).toInteger();
    if (frames <= 0 || stats.value(QLatin1String("elapsed_s")).toDouble() <= 0)
        return QStringLiteral("no frames in the stats of vantage");
    if (reconnects > 0 || decoded != frames)
        return QStringLiteral("vantage reconnected %1 times and decoded %2 of %3 frames")
            .arg(reconnects)
            .arg(decoded)
            .arg(frames);
    return QString();
}

} // namespace

double VantageClientResult::eventsPerS() const
{
    return double(stats.value(QLatin1String("frames_received")).toInteger()) /
           stats.value(QLatin1String("elapsed_s")).toDouble();
}

double VantageClientResult::windowFramesPerS() const
{
    const QJsonValue window = stats.value(QLatin1String("window"));
    return window.isObject() ? window.toObject().value(QLatin1String("frames_per_s")).toDouble() : -1;
}

VantageClientResult runVantageClient(const QString &program, RelayProcess &relay, const QString &workDir,
                                     PipelineView view, const QStringList &extra, double durationS,
                                     const std::function<bool(const RelayProcess::Health &)> &stopWhen)
{
    VantageClientResult result;
    const QDir dir(workDir);
    const QString statsPath = dir.filePath(QStringLiteral("stats.json"));
    const QString logPath = dir.filePath(QStringLiteral("vantage.log"));
    QFile::remove(statsPath);
    QStringList arguments{QStringLiteral("--url"),
                          QStringLiteral("ws://127.0.0.1:%1/stream").arg(relay.port()),
                          QStringLiteral("--no-fallback"), QStringLiteral("--stats-json"), statsPath};
    arguments << viewArguments(view) << extra;
    ChildProcess vantage;
    if (!vantage.start(program, arguments, logPath, &result.problem))
        return result;

    // The relay's window runs from the moment it counts the client to the moment it loses it. The
    // client's busy share is sampled before the end, while it still reads.
    const auto first = relay.waitForWebSocketClients(1, kConnectTimeoutMs);
    result.startupCpuS = vantage.cpuSecondsSoFar();
    if (first) {
        result.first = *first;
        const double relayCpuS = relay.cpuSeconds();
        QElapsedTimer clock;
        clock.start();
        const std::vector<ThreadBusy> busyStart = sampleThreadBusy(vantage.pid());
        if (stopWhen)
            waitFor([&] { return !vantage.isRunning() || stopWhen(relay.health().value_or(*first)); },
                    int(durationS * 1000), kStopPollMs);
        else
            waitMs(int(durationS * 1000) - kDisconnectLookaheadMs);
        const BusiestThread busiest =
            busiestThread(busyStart, sampleThreadBusy(vantage.pid()), double(clock.nsecsElapsed()) / 1e9);
        result.busy = busiest.share;
        result.busyThread = busiest.name;
        if (stopWhen)
            vantage.terminate();
        if (const auto last = relay.waitForWebSocketClients(0, kExitTimeoutMs)) {
            result.last = *last;
            result.elapsedS = double(clock.nsecsElapsed()) / 1e9;
            result.relayCpuS = relay.cpuSeconds() - relayCpuS;
        }
    }
    const bool exited = vantage.waitForExit(kExitTimeoutMs);
    result.stats = QJsonDocument::fromJson(readText(statsPath).toUtf8()).object();
    result.usage = vantage.usage();
    if (!first)
        result.problem = QStringLiteral("vantage did not connect");
    else if (!exited || vantage.exitCode() != 0)
        result.problem =
            QStringLiteral("vantage failed (exit %1): %2").arg(vantage.exitCode()).arg(readText(logPath));
    else
        result.problem = checkStats(result.stats);
    return result;
}

} // namespace vantage
