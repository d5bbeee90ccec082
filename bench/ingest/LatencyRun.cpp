#include "LatencyRun.h"

#include "EventLoopWait.h"
#include "RelayProcess.h"

#include <QDir>

namespace vantage {

QStringList latencyRelayArguments(double rate)
{
    return {QStringLiteral("--demo"), QStringLiteral("--port"),      QStringLiteral("0"),
            QStringLiteral("--rate"), QString::number(rate, 'f', 0), QStringLiteral("--heartbeat-ms"),
            QStringLiteral("0")};
}

LatencyRun runLatency(const IngestOptions &options, const QString &workDir, double rate, PipelineView view)
{
    LatencyRun run;
    run.rate = rate;
    run.view = view;
    RelayProcess relay;
    if (!relay.start(options.relayProgram, latencyRelayArguments(rate),
                     QDir(workDir).filePath(QStringLiteral("relay.log")), &run.problem))
        return run;
    waitMs(int(options.warmupS * 1000));
    const VantageClientResult client = runVantageClient(
        options.vantageProgram, relay, workDir, view,
        {QStringLiteral("--duration"), QString::number(options.latencyDurationS)}, options.latencyDurationS);
    run.problem = relay.stopWith(client.problem);
    if (!run.problem.isEmpty())
        return run;
    const QJsonObject latency = client.stats.value(QLatin1String("event_latency")).toObject();
    if (latency.value(QLatin1String("count")).toInteger() <= 0) {
        run.problem = QStringLiteral("no event latency in the stats of vantage");
        return run;
    }
    run.eventsPerS = client.eventsPerS();
    run.p50Ms = latency.value(QLatin1String("p50_ms")).toDouble();
    run.p99Ms = latency.value(QLatin1String("p99_ms")).toDouble();
    run.maxMs = latency.value(QLatin1String("max_ms")).toDouble();
    run.windowFps = client.windowFramesPerS();
    return run;
}

} // namespace vantage
