#include "ReplayBenchReport.h"

#include "bench/common/BenchFormat.h"
#include "bench/common/BenchStats.h"

#include <algorithm>
#include <functional>

namespace vantage {

namespace {

const QLatin1String kLineCount("line count (1 MiB, memchr)");
const QLatin1String kIndex("index (ReplayIndexer)");
const QLatin1String kReplay("vantage --headless --replay");

QLatin1String kindName(BenchKind kind)
{
    switch (kind) {
    case BenchKind::LineCount: return kLineCount;
    case BenchKind::Index: return kIndex;
    case BenchKind::Replay: return kReplay;
    }
    return kLineCount;
}

double medianOf(const std::vector<BenchRun> &runs, const std::function<double(const BenchRun &)> &field)
{
    std::vector<double> values;
    for (const BenchRun &run : runs) {
        if (run.usable())
            values.push_back(field(run));
    }
    return median(values);
}

BenchRun medianRun(const std::vector<BenchRun> &runs)
{
    BenchRun result;
    result.workS = medianOf(runs, [](const BenchRun &run) { return run.workS; });
    result.wallS = medianOf(runs, [](const BenchRun &run) { return run.wallS; });
    result.items = qRound64(medianOf(runs, [](const BenchRun &run) { return double(run.items); }));
    result.checkpoints =
        qRound64(medianOf(runs, [](const BenchRun &run) { return double(run.checkpoints); }));
    result.alertMarkers =
        qRound64(medianOf(runs, [](const BenchRun &run) { return double(run.alertMarkers); }));
    result.peakRssMb = medianOf(runs, [](const BenchRun &run) { return run.peakRssMb; });
    return result;
}

// The median over the repetitions where both runs were usable, of the run's time over the floor's.
double medianRatio(const std::vector<BenchRun> &runs, const std::vector<BenchRun> &floor)
{
    std::vector<double> ratios;
    for (size_t i = 0; i < runs.size() && i < floor.size(); ++i) {
        if (runs[i].usable() && floor[i].usable())
            ratios.push_back(runs[i].workS / floor[i].workS);
    }
    return median(ratios);
}

qsizetype usableCount(const std::vector<BenchRun> &runs)
{
    return std::count_if(runs.cbegin(), runs.cend(), [](const BenchRun &run) { return run.usable(); });
}

QString megabytes(qint64 bytes)
{
    return fixed(double(bytes) / 1e6, 1);
}

QString row(const QStringList &cells)
{
    static const int widths[] = {-32, 9, 9, 12, 12, 8, 12, 9};
    return tableRow(cells, widths);
}

QString runRow(const QString &name, const BenchRun &run)
{
    return row({name, fixed(run.workS, 3), fixed(run.wallS, 3), thousands(double(run.items)),
                thousands(run.itemsPerS()), fixed(run.peakRssMb, 1),
                run.checkpoints >= 0 ? thousands(double(run.checkpoints)) : QStringLiteral("-"),
                run.alertMarkers >= 0 ? thousands(double(run.alertMarkers)) : QStringLiteral("-")});
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
        << row({QStringLiteral("run"), QStringLiteral("work s"), QStringLiteral("wall s"),
                QStringLiteral("lines"), QStringLiteral("per s"), QStringLiteral("RSS"),
                QStringLiteral("checkpoints"), QStringLiteral("alerts")})
        << Qt::endl;
}

void printBenchRun(QTextStream &out, int repetition, BenchKind kind, const BenchRun &run)
{
    const QString name = QStringLiteral("%1 %2").arg(repetition).arg(kindName(kind));
    if (run.usable())
        out << runRow(name, run) << Qt::endl;
    else
        out << name << ": not measured: " << run.problem << Qt::endl;
}

bool printBenchSummary(QTextStream &out, const BenchLog &log, const BenchRuns &runs)
{
    const double indexRatio = medianRatio(runs.index, runs.lineCount);
    const double replayRatio = medianRatio(runs.replay, runs.lineCount);
    if (indexRatio < 0 || replayRatio < 0) {
        out << "replay_e2e: no repetition measured the line count with both the index and the replay"
            << Qt::endl;
        return false;
    }
    const BenchRun a = medianRun(runs.lineCount);
    const BenchRun b = medianRun(runs.index);
    const BenchRun c = medianRun(runs.replay);
    const double fileMb = double(log.bytes) / 1e6;
    out << "\nmedians (line count over " << usableCount(runs.lineCount) << " runs, index over "
        << usableCount(runs.index) << ", replay over " << usableCount(runs.replay) << "); load average now "
        << loadAverage() << '\n'
        << runRow(QStringLiteral("(a) ") + kLineCount, a) << '\n'
        << runRow(QStringLiteral("(b) ") + kIndex, b) << '\n'
        << runRow(QStringLiteral("(c) ") + kReplay, c) << '\n'
        << "replay_e2e: index b/a " << fixed(indexRatio, 1) << "x, replay c/a " << fixed(replayRatio, 1)
        << "x (medians of the per-repetition ratios of work time)\n"
        << "replay_e2e: line count " << thousands(a.itemsPerS()) << " lines/s (" << fixed(fileMb / a.workS, 0)
        << " MB/s); index " << thousands(b.itemsPerS()) << " lines/s (" << fixed(fileMb / b.workS, 0)
        << " MB/s); replay " << thousands(c.itemsPerS()) << " events/s\n"
        << "replay_e2e: peak RSS line count " << fixed(a.peakRssMb, 1) << " MB, index "
        << fixed(b.peakRssMb, 1) << " MB, replay " << fixed(c.peakRssMb, 1) << " MB; file "
        << fixed(fileMb, 1) << " MB; replay RSS / file " << fixed(c.peakRssMb / fileMb, 2) << '\n'
        << "replay_e2e: lines=" << log.lines << " bytes=" << log.bytes << " count_s=" << fixed(a.workS, 3)
        << " index_s=" << fixed(b.workS, 3) << " replay_s=" << fixed(c.workS, 3)
        << " index_ratio=" << fixed(indexRatio, 2) << " replay_ratio=" << fixed(replayRatio, 2)
        << " index_lines_per_s=" << qRound64(b.itemsPerS())
        << " replay_events_per_s=" << qRound64(c.itemsPerS()) << " count_rss_mb=" << fixed(a.peakRssMb, 1)
        << " index_rss_mb=" << fixed(b.peakRssMb, 1) << " replay_rss_mb=" << fixed(c.peakRssMb, 1)
        << Qt::endl;
    return true;
}

} // namespace vantage
