#include "IngestRun.h"

#include "ChildProcess.h"
#include "EventLoopWait.h"
#include "FloorClient.h"
#include "RelayProcess.h"
#include "ThreadBusy.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/resource.h>

namespace vantage {

namespace {

constexpr int kConnectTimeoutMs = 10'000;
constexpr int kExitTimeoutMs = 30'000;
// The pipeline's --duration starts before it connects: look for its goodbye a little early.
constexpr int kDisconnectLookaheadMs = 300;

int toMs(double seconds)
{
    return int(seconds * 1000);
}

QUrl streamUrl(quint16 port)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(port));
}

double selfCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The relay's side of a client's measured time.
struct RelayWindow
{
    qint64 firstSeq = 0;
    double cpuS = 0;

    void begin(RelayProcess &relay, const RelayProcess::Health &health)
    {
        firstSeq = health.lastSeq;
        cpuS = relay.cpuSeconds();
    }
    void end(RelayProcess &relay, const RelayProcess::Health &health, double elapsedS, IngestRun &run) const
    {
        const double published = double(health.lastSeq - firstSeq);
        const double usedS = relay.cpuSeconds() - cpuS;
        run.relaySentPerS = published / elapsedS;
        run.relayCpuShare = usedS / elapsedS;
        run.relayUsPerEvent = published > 0 ? usedS * 1e6 / published : 0;
    }
};

// A process's busiest thread over a stretch of time.
class BusyWindow
{
public:
    explicit BusyWindow(qint64 pid)
        : m_pid(pid)
        , m_start(sampleThreadBusy(pid))
    {
        m_clock.start();
    }
    BusiestThread end() const
    {
        return busiestThread(m_start, sampleThreadBusy(m_pid), double(m_clock.nsecsElapsed()) / 1e9);
    }

private:
    qint64 m_pid;
    std::vector<ThreadBusy> m_start;
    QElapsedTimer m_clock;
};

void setClientBusy(IngestRun &run, const BusiestThread &busiest)
{
    run.clientBusy = busiest.share;
    run.clientBusyThread = busiest.name;
}

void finishRelay(RelayProcess &relay, IngestRun &run)
{
    const QString notes = relay.stop();
    if (run.problem.isEmpty() && !notes.isEmpty())
        run.problem = QStringLiteral("the relay logged: ") + notes;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

} // namespace

// As fast as the client reads: --backpressure pauses the feed instead of dropping a client
// that falls 8 MiB behind. No heartbeats: nothing but the stream on the wire.
QStringList ingestRelayArguments()
{
    return {QStringLiteral("--demo"),         QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--speed"),        QStringLiteral("max"),    QStringLiteral("--backpressure"),
            QStringLiteral("--heartbeat-ms"), QStringLiteral("0")};
}

IngestRun runFloor(const IngestOptions &options, const QString &workDir)
{
    IngestRun run;
    RelayProcess relay;
    if (!relay.start(options.relayProgram, ingestRelayArguments(),
                     QDir(workDir).filePath(QStringLiteral("relay.log")), &run.problem))
        return run;
    waitMs(toMs(options.warmupS));
    FloorClient client(streamUrl(relay.port()));
    const auto first =
        waitFor([&] { return client.isConnected(); }, kConnectTimeoutMs) ? relay.health() : std::nullopt;
    if (!first) {
        run.problem = QStringLiteral("the floor client did not connect");
        finishRelay(relay, run);
        return run;
    }
    RelayWindow window;
    window.begin(relay, *first);
    const BusyWindow relayBusy(relay.pid());
    const BusyWindow clientBusy(QCoreApplication::applicationPid());
    const double cpuS = selfCpuSeconds();
    const quint64 frames = client.frames();
    QElapsedTimer clock;
    clock.start();

    waitMs(toMs(options.durationS));
    const double elapsedS = double(clock.nsecsElapsed()) / 1e9;
    const quint64 received = client.frames() - frames;
    const double usedS = selfCpuSeconds() - cpuS;
    const auto last = relay.health();
    if (!client.isConnected() || !last) {
        run.problem = QStringLiteral("the floor client lost its connection");
    } else {
        run.eventsPerS = double(received) / elapsedS;
        run.cpuUsPerEvent = received > 0 ? usedS * 1e6 / double(received) : 0;
        window.end(relay, *last, elapsedS, run);
        run.relayBusy = relayBusy.end().share;
        setClientBusy(run, clientBusy.end());
    }
    client.close();
    finishRelay(relay, run);
    return run;
}

IngestRun runPipeline(const IngestOptions &options, const QString &workDir)
{
    IngestRun run;
    const QDir dir(workDir);
    RelayProcess relay;
    if (!relay.start(options.relayProgram, ingestRelayArguments(), dir.filePath(QStringLiteral("relay.log")),
                     &run.problem))
        return run;
    waitMs(toMs(options.warmupS));

    const QString statsPath = dir.filePath(QStringLiteral("stats.json"));
    const QString logPath = dir.filePath(QStringLiteral("vantage.log"));
    QFile::remove(statsPath);
    ChildProcess vantage;
    const QStringList arguments{QStringLiteral("--headless"),       QStringLiteral("--url"),
                                streamUrl(relay.port()).toString(), QStringLiteral("--no-fallback"),
                                QStringLiteral("--duration"),       QString::number(options.durationS),
                                QStringLiteral("--stats-json"),     statsPath};
    if (!vantage.start(options.vantageProgram, arguments, logPath, &run.problem)) {
        finishRelay(relay, run);
        return run;
    }
    // The relay's window runs from the moment it counts the client to the moment it loses it;
    // /healthz is polled only near both ends, so the polling does not load the relay meanwhile.
    // The client's busy share is sampled before the end, while it still reads. The relay's is
    // not measured here: paused by backpressure, it wakes every millisecond to look whether
    // the client caught up, and on a loaded machine those wake-ups wait for a core too.
    const auto first = relay.waitForWebSocketClients(1, kConnectTimeoutMs);
    const double startupCpuS = vantage.cpuSecondsSoFar();
    RelayWindow window;
    QElapsedTimer clock;
    clock.start();
    if (first) {
        window.begin(relay, *first);
        const BusyWindow clientBusy(vantage.pid());
        waitMs(toMs(options.durationS) - kDisconnectLookaheadMs);
        setClientBusy(run, clientBusy.end());
        if (const auto last = relay.waitForWebSocketClients(0, kExitTimeoutMs))
            window.end(relay, *last, double(clock.nsecsElapsed()) / 1e9, run);
    }
    const bool exited = vantage.waitForExit(kExitTimeoutMs);

    const QJsonObject stats = QJsonDocument::fromJson(readText(statsPath).toUtf8()).object();
    const qint64 frames = stats.value(QLatin1String("frames_received")).toInteger();
    const qint64 decoded = stats.value(QLatin1String("received_total")).toInteger();
    const double elapsedS = stats.value(QLatin1String("elapsed_s")).toDouble();
    const qint64 reconnects = stats.value(QLatin1String("reconnects")).toInteger();
    if (!first)
        run.problem = QStringLiteral("vantage did not connect");
    else if (!exited || vantage.exitCode() != 0)
        run.problem =
            QStringLiteral("vantage failed (exit %1): %2").arg(vantage.exitCode()).arg(readText(logPath));
    else if (frames <= 0 || elapsedS <= 0)
        run.problem = QStringLiteral("no frames in the stats of vantage");
    else if (reconnects > 0 || decoded != frames)
        run.problem = QStringLiteral("vantage reconnected %1 times and decoded %2 of %3 frames")
                          .arg(reconnects)
                          .arg(decoded)
                          .arg(frames);
    finishRelay(relay, run);
    if (!run.problem.isEmpty())
        return run;
    const ChildProcess::Usage usage = vantage.usage();
    run.eventsPerS = double(frames) / elapsedS;
    run.cpuUsPerEvent = (usage.cpuS - startupCpuS) * 1e6 / double(frames);
    run.peakRssMb = double(usage.maxRssKb) / 1024.0;
    return run;
}

} // namespace vantage
