#include "IngestRun.h"

#include "EventLoopWait.h"
#include "FloorClient.h"
#include "RelayProcess.h"
#include "ThreadBusy.h"
#include "VantageClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>

#include <sys/resource.h>

namespace vantage {

namespace {

constexpr int kConnectTimeoutMs = 10'000;

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

void setRelayRates(IngestRun &run, double published, double cpuS, double elapsedS)
{
    run.relaySentPerS = published / elapsedS;
    run.relayCpuShare = cpuS / elapsedS;
    run.relayUsPerEvent = published > 0 ? cpuS * 1e6 / published : 0;
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
        setRelayRates(run, double(health.lastSeq - firstSeq), relay.cpuSeconds() - cpuS, elapsedS);
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
    run.problem = relay.stopWith(run.problem);
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

IngestRun runPipeline(const IngestOptions &options, const QString &workDir, PipelineView view)
{
    IngestRun run;
    RelayProcess relay;
    if (!relay.start(options.relayProgram, ingestRelayArguments(),
                     QDir(workDir).filePath(QStringLiteral("relay.log")), &run.problem))
        return run;
    waitMs(toMs(options.warmupS));
    const VantageClientResult client = runVantageClient(
        options.vantageProgram, relay, workDir, view,
        {QStringLiteral("--duration"), QString::number(options.durationS)}, options.durationS);
    run.problem = client.problem;
    finishRelay(relay, run);
    if (!run.problem.isEmpty())
        return run;
    // Vantage reports totals at exit, so events/s is over its whole --duration from the connection.
    const qint64 frames = client.stats.value(QLatin1String("frames_received")).toInteger();
    run.eventsPerS = client.eventsPerS();
    run.cpuUsPerEvent = (client.usage.cpuS - client.startupCpuS) * 1e6 / double(frames);
    run.peakRssMb = double(client.usage.maxRssKb) / 1024.0;
    run.clientBusy = client.busy;
    run.clientBusyThread = client.busyThread;
    if (client.elapsedS > 0)
        setRelayRates(run, double(client.last.lastSeq - client.first.lastSeq), client.relayCpuS,
                      client.elapsedS);
    run.windowFps = client.windowFramesPerS();
    return run;
}

} // namespace vantage
