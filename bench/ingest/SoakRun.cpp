#include "SoakRun.h"

#include "EventLoopWait.h"
#include "IngestRun.h"
#include "RelayProcess.h"
#include "VantageClient.h"

#include <QDir>

namespace vantage {

namespace {

// The relay runs ahead of the client by what the socket buffers and the backpressure threshold
// hold (tens of thousands of frames): it is stopped this far past the milestone.
constexpr qint64 kMarginFrames = 500'000;
// The slowest stream worth waiting for.
constexpr double kSlowestEventsPerS = 10'000;

} // namespace

SoakRun runSoak(const IngestOptions &options, const QString &workDir)
{
    SoakRun run;
    run.events = options.soakEvents;
    RelayProcess relay;
    if (!relay.start(options.relayProgram, ingestRelayArguments(),
                     QDir(workDir).filePath(QStringLiteral("relay.log")), &run.problem))
        return run;
    waitMs(int(options.warmupS * 1000));
    const double timeoutS = double(run.events + kMarginFrames) / kSlowestEventsPerS;
    qint64 startSeq = -1;
    const VantageClientResult client =
        runVantageClient(options.vantageProgram, relay, workDir, PipelineView::Headless, {}, timeoutS,
                         [&](const RelayProcess::Health &health) {
                             if (startSeq < 0)
                                 startSeq = health.lastSeq;
                             return health.lastSeq - startSeq >= run.events + kMarginFrames;
                         });
    run.problem = relay.stopWith(client.problem);
    if (!run.problem.isEmpty())
        return run;
    const QJsonObject rss = client.stats.value(QLatin1String("rss_mb_at_frames")).toObject();
    run.rssTenthMb = rss.value(QString::number(run.events / 10)).toDouble(-1);
    run.rssMb = rss.value(QString::number(run.events)).toDouble(-1);
    run.wallS = client.stats.value(QLatin1String("elapsed_s")).toDouble();
    run.eventsPerS = client.eventsPerS();
    if (!run.usable())
        run.problem = QStringLiteral("vantage stopped before %1 frames").arg(run.events);
    return run;
}

} // namespace vantage
