#include "SeekBenchRun.h"

namespace vantage {

SeekRun runSeek(const ReplayBenchOptions &options, const BenchLog &log, const QString &workDir)
{
    SeekRun run;
    BenchRun child;
    const QByteArray output =
        runMeasureChild(log, workDir, QStringLiteral("seek"),
                        {QStringLiteral("--seeks"), QString::number(options.seeks)}, child);
    run.peakRssMb = child.peakRssMb;
    run.measured = SeekMeasurement::fromOutput(output);
    // The child's own error says more than its exit status.
    run.problem = run.measured.error.isEmpty() ? child.problem : run.measured.error;
    if (run.problem.isEmpty() && run.measured.seeks.size() != size_t(options.seeks))
        run.problem = QStringLiteral("%1 seeks of %2").arg(run.measured.seeks.size()).arg(options.seeks);

    const LogMeasurement &index = run.measured.index;
    run.index.wallS = -1;
    run.index.workS = index.workS;
    run.index.items = index.lines;
    run.index.checkpoints = index.checkpoints;
    run.index.alertMarkers = index.alertMarkers;
    run.index.peakRssMb = run.measured.indexRssMb;
    if (index.workS <= 0)
        run.index.problem = run.problem.isEmpty() ? QStringLiteral("no index measured") : run.problem;
    else if (!index.error.isEmpty())
        run.index.problem = index.error;
    else if (index.lines != log.lines)
        run.index.problem = QStringLiteral("read %1 lines of %2").arg(index.lines).arg(log.lines);
    return run;
}

} // namespace vantage
