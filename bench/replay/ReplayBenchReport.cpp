#include "ReplayBenchReport.h"

#include "BenchRunMedians.h"
#include "ReplayBenchRows.h"
#include "SeekBenchReport.h"

#include "bench/common/BenchFormat.h"

namespace vantage {

namespace {

const QLatin1String kLineCount("line count (1 MiB, memchr)");
const QLatin1String kIndex("index (ReplayIndexer)");
const QLatin1String kHistory("index + gauge history");
const QLatin1String kReplay("vantage --headless --replay");

QLatin1String kindName(BenchKind kind)
{
    switch (kind) {
    case BenchKind::LineCount: return kLineCount;
    case BenchKind::Index: return kIndex;
    case BenchKind::History: return kHistory;
    case BenchKind::Replay: return kReplay;
    }
    return kLineCount;
}

QString megabytes(qint64 bytes)
{
    return fixed(double(bytes) / 1e6, 1);
}

} // namespace

void printBenchHeader(QTextStream &out, const ReplayBenchOptions &options, const BenchLog &log)
{
    out << "replay_e2e: " << log.path << ": " << thousands(double(log.lines)) << " lines, "
        << megabytes(log.bytes) << " MB";
    if (log.minutes > 0)
        out << " (vantage-demogen --minutes " << log.minutes << ", " << fixed(log.generateS, 1) << " s)";
    out << "; " << options.repetitions << " repetitions; load average " << loadAverage() << '\n'
        << "Each run is a process of its own, on a file in the page cache. work: the pass over the file, "
           "timed inside\nthe process (vantage: its elapsed_s). wall: spawn to exit. lines: lines read, or "
           "events replayed. RSS: peak, MB.\n"
           "index + seek points: the index with the window's seek-point builder, then seeks in a replay in\n"
           "the same process; its RSS is the process's once indexed.\n"
        << benchRow({QStringLiteral("run"), QStringLiteral("work s"), QStringLiteral("wall s"),
                     QStringLiteral("lines"), QStringLiteral("per s"), QStringLiteral("RSS"),
                     QStringLiteral("checkpoints"), QStringLiteral("alerts")})
        << Qt::endl;
}

void printBenchRun(QTextStream &out, int repetition, BenchKind kind, const BenchRun &run)
{
    const QString name = QStringLiteral("%1 %2").arg(repetition).arg(kindName(kind));
    if (run.usable())
        out << benchRunRow(name, run) << Qt::endl;
    else
        out << name << ": not measured: " << run.problem << Qt::endl;
}

bool printBenchSummary(QTextStream &out, const BenchLog &log, const BenchRuns &runs)
{
    const double indexRatio = medianRatio(runs.index, runs.lineCount);
    const double historyRatio = medianRatio(runs.history, runs.lineCount);
    const double replayRatio = medianRatio(runs.replay, runs.lineCount);
    const SeekSummary seek = summarizeSeeks(runs.seek, runs.lineCount);
    if (indexRatio < 0 || historyRatio < 0 || replayRatio < 0 || !seek.measured()) {
        out << "replay_e2e: no repetition measured the line count with each of the index, the gauge "
               "history, the replay and the index with seek points, or no seek run was usable"
            << Qt::endl;
        return false;
    }
    const BenchRun a = medianRun(runs.lineCount);
    const BenchRun b = medianRun(runs.index);
    const BenchRun c = medianRun(runs.replay);
    const BenchRun f = medianRun(runs.history);
    const double fileMb = double(log.bytes) / 1e6;
    out << "\nmedians (line count over " << usableCount(runs.lineCount) << " runs, index over "
        << usableCount(runs.index) << ", gauge history over " << usableCount(runs.history)
        << ", replay over " << usableCount(runs.replay)
        << ", index + seek points over " << seek.indexRuns << ", seeks over " << seek.seekRuns
        << "); load average now " << loadAverage() << '\n'
        << benchRunRow(QStringLiteral("(a) ") + kLineCount, a) << '\n'
        << benchRunRow(QStringLiteral("(b) ") + kIndex, b) << '\n'
        << benchRunRow(QStringLiteral("(c) ") + kReplay, c) << '\n'
        << benchRunRow(QStringLiteral("(f) ") + kHistory, f) << '\n'
        << seekRows(seek)
        << "(e): work is a seek, from ReplaySource::seek until the dashboard shows the target; lines are the "
           "frames it read; RSS is the process's after every seek.\n";
    printSeekTargets(out, runs.seek);
    out << '\n'
        << "replay_e2e: index b/a " << fixed(indexRatio, 1) << "x, replay c/a " << fixed(replayRatio, 1)
        << "x, gauge history f/a " << fixed(historyRatio, 1)
        << "x (medians of the per-repetition ratios of work time)\n"
        << "replay_e2e: line count " << thousands(a.itemsPerS()) << " lines/s (" << fixed(fileMb / a.workS, 0)
        << " MB/s); index " << thousands(b.itemsPerS()) << " lines/s (" << fixed(fileMb / b.workS, 0)
        << " MB/s); replay " << thousands(c.itemsPerS()) << " events/s\n"
        << "replay_e2e: peak RSS line count " << fixed(a.peakRssMb, 1) << " MB, index "
        << fixed(b.peakRssMb, 1) << " MB, replay " << fixed(c.peakRssMb, 1) << " MB; file "
        << fixed(fileMb, 1) << " MB; replay RSS / file " << fixed(c.peakRssMb / fileMb, 2) << '\n'
        << seekSummaryLines(seek, fileMb) << "replay_e2e: lines=" << log.lines << " bytes=" << log.bytes
        << " count_s=" << fixed(a.workS, 3) << " index_s=" << fixed(b.workS, 3)
        << " replay_s=" << fixed(c.workS, 3) << " index_ratio=" << fixed(indexRatio, 2)
        << " replay_ratio=" << fixed(replayRatio, 2) << " history_ratio=" << fixed(historyRatio, 2)
        << " index_lines_per_s=" << qRound64(b.itemsPerS())
        << " replay_events_per_s=" << qRound64(c.itemsPerS()) << " count_rss_mb=" << fixed(a.peakRssMb, 1)
        << " index_rss_mb=" << fixed(b.peakRssMb, 1) << " history_lines_per_s=" << qRound64(f.itemsPerS())
        << " history_rss_mb=" << fixed(f.peakRssMb, 1) << " replay_rss_mb=" << fixed(c.peakRssMb, 1)
        << seekSummaryFields(seek) << Qt::endl;
    return true;
}

} // namespace vantage
