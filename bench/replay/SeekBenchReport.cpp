#include "SeekBenchReport.h"

#include "BenchRunMedians.h"
#include "ReplayBenchRows.h"

#include "bench/common/BenchFormat.h"
#include "bench/common/BenchStats.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace vantage {

namespace {

const QLatin1String kSeekIndex("index + seek points");

std::vector<BenchRun> indexRuns(const std::vector<SeekRun> &runs)
{
    std::vector<BenchRun> result;
    for (const SeekRun &run : runs)
        result.push_back(run.index);
    return result;
}

double medianOfRuns(const std::vector<SeekRun> &runs, double (*field)(const SeekRun &))
{
    std::vector<double> values;
    for (const SeekRun &run : runs) {
        if (run.index.usable())
            values.push_back(field(run));
    }
    return median(values);
}

std::vector<double> seekMs(const std::vector<SeekSample> &seeks)
{
    std::vector<double> values;
    for (const SeekSample &seek : seeks)
        values.push_back(seek.ms);
    return values;
}

QString milliseconds(double ms)
{
    return fixed(ms, ms < 100 ? 1 : 0) + QStringLiteral(" ms");
}

// Forwards or back from where the previous seek (or the start of the log) left the replay.
QLatin1String direction(const std::vector<SeekSample> &seeks, size_t i)
{
    const qint64 from = i == 0 ? std::numeric_limits<qint64>::min() : seeks[i - 1].targetMs;
    return seeks[i].targetMs > from ? QLatin1String("fwd") : QLatin1String("back");
}

} // namespace

SeekSummary summarizeSeeks(const std::vector<SeekRun> &runs, const std::vector<BenchRun> &lineCount)
{
    SeekSummary summary;
    const std::vector<BenchRun> indexes = indexRuns(runs);
    summary.index = medianRun(indexes);
    summary.indexRatio = medianRatio(indexes, lineCount);
    summary.indexRuns = usableCount(indexes);
    summary.seekPoints =
        qRound64(medianOfRuns(runs, [](const SeekRun &run) { return double(run.measured.seekPoints); }));
    summary.bytesKept =
        qRound64(medianOfRuns(runs, [](const SeekRun &run) { return double(run.measured.bytesKept); }));
    summary.everyFrames =
        qRound64(medianOfRuns(runs, [](const SeekRun &run) { return double(run.measured.everyFrames); }));

    std::vector<double> all;
    std::vector<double> firstHalf;
    std::vector<double> secondHalf;
    std::vector<double> frames;
    std::vector<double> rss;
    for (const SeekRun &run : runs) {
        if (!run.usable())
            continue;
        ++summary.seekRuns;
        rss.push_back(run.peakRssMb);
        for (const SeekSample &seek : run.measured.seeks) {
            all.push_back(seek.ms);
            (seek.share < 0.5 ? firstHalf : secondHalf).push_back(seek.ms);
            frames.push_back(double(seek.frames));
        }
    }
    summary.seeks = qsizetype(all.size());
    if (all.empty())
        return summary;
    summary.medianMs = median(all);
    summary.maxMs = *std::max_element(all.cbegin(), all.cend());
    summary.firstHalfMs = median(firstHalf);
    summary.secondHalfMs = median(secondHalf);
    summary.framesMedian = median(frames);
    summary.framesMin = qRound64(*std::min_element(frames.cbegin(), frames.cend()));
    summary.framesMax = qRound64(*std::max_element(frames.cbegin(), frames.cend()));
    summary.rssMb = median(rss);
    return summary;
}

void printSeekRun(QTextStream &out, int repetition, const SeekRun &run)
{
    const QString name = QStringLiteral("%1 %2").arg(repetition).arg(kSeekIndex);
    if (run.index.usable())
        out << benchRunRow(name, run.index) << "  " << run.measured.seekPoints << " seek points\n";
    else
        out << name << ": not measured: " << run.index.problem << '\n';
    const QString seeks = QStringLiteral("%1 seek").arg(repetition);
    if (!run.usable()) {
        out << seeks << ": not measured: " << run.problem << Qt::endl;
        return;
    }
    std::vector<double> frames;
    for (const SeekSample &seek : run.measured.seeks)
        frames.push_back(double(seek.frames));
    const std::vector<double> times = seekMs(run.measured.seeks);
    out << seeks << ": " << run.measured.seeks.size() << " seeks, median " << milliseconds(median(times))
        << ", max " << milliseconds(*std::max_element(times.cbegin(), times.cend())) << ", "
        << thousands(median(frames)) << " frames per seek (median); peak RSS " << fixed(run.peakRssMb, 1)
        << " MB" << Qt::endl;
}

QString seekRows(const SeekSummary &summary)
{
    BenchRun seek;
    seek.workS = summary.medianMs / 1000;
    seek.wallS = -1;
    seek.items = qRound64(summary.framesMedian);
    seek.peakRssMb = summary.rssMb;
    return benchRunRow(QStringLiteral("(d) ") + kSeekIndex, summary.index) + QLatin1Char('\n') +
           benchRunRow(QStringLiteral("(e) seek, median of %1").arg(summary.seeks), seek) + QLatin1Char('\n');
}

void printSeekTargets(QTextStream &out, const std::vector<SeekRun> &runs)
{
    const auto first =
        std::find_if(runs.cbegin(), runs.cend(), [](const SeekRun &run) { return run.usable(); });
    if (first == runs.cend())
        return;
    const std::vector<SeekSample> &seeks = first->measured.seeks;
    const auto comparable = [&](const SeekRun &run) {
        return run.usable() && run.measured.seeks.size() == seeks.size();
    };
    const auto comparableRuns = std::count_if(first, runs.cend(), comparable);
    std::vector<size_t> byPosition(seeks.size());
    std::iota(byPosition.begin(), byPosition.end(), size_t(0));
    std::sort(byPosition.begin(), byPosition.end(),
              [&](size_t a, size_t b) { return seeks[a].targetMs < seeks[b].targetMs; });
    static const int widths[] = {10, 7, 6, 12, 10, 12, 11, 10};
    out << "\nseeks by position in the log (the same targets in every run; median and max ms over "
        << comparableRuns << " runs)\n"
        << tableRow({QStringLiteral("position"), QStringLiteral("order"), QStringLiteral("dir"),
                     QStringLiteral("from line"), QStringLiteral("frames"), QStringLiteral("lines read"),
                     QStringLiteral("median ms"), QStringLiteral("max ms")},
                    widths)
        << '\n';
    for (const size_t i : byPosition) {
        std::vector<double> times;
        for (auto run = first; run != runs.cend(); ++run) {
            if (comparable(*run))
                times.push_back(run->measured.seeks[i].ms);
        }
        out << tableRow({fixed(seeks[i].share * 100, 1) + QStringLiteral(" %"), QString::number(i + 1),
                         direction(seeks, i), thousands(double(seeks[i].fromLine)),
                         thousands(double(seeks[i].frames)), thousands(double(seeks[i].lines)),
                         fixed(median(times), 1), fixed(*std::max_element(times.cbegin(), times.cend()), 1)},
                        widths)
            << '\n';
    }
    out.flush();
}

QString seekSummaryLines(const SeekSummary &summary, double fileMb)
{
    QString lines;
    QTextStream out(&lines);
    out << "replay_e2e: index + seek points d/a " << fixed(summary.indexRatio, 1) << "x; "
        << summary.seekPoints << " seek points, every " << thousands(double(summary.everyFrames))
        << " frames, " << fixed(double(summary.bytesKept) / (1024.0 * 1024.0), 1)
        << " MiB of aggregates kept (budget 64 MiB)\n"
        << "replay_e2e: seek median " << milliseconds(summary.medianMs) << ", max "
        << milliseconds(summary.maxMs) << " over " << summary.seeks << " seeks in " << summary.seekRuns
        << " runs; frames read per seek " << thousands(summary.framesMedian) << " (median), "
        << thousands(double(summary.framesMin)) << " to " << thousands(double(summary.framesMax))
        << "; median " << milliseconds(summary.firstHalfMs) << " in the first half of the log, "
        << milliseconds(summary.secondHalfMs) << " in the second\n"
        << "replay_e2e: peak RSS index + seek points " << fixed(summary.index.peakRssMb, 1)
        << " MB, after the seeks " << fixed(summary.rssMb, 1) << " MB; file " << fixed(fileMb, 1)
        << " MB; seek RSS / file " << fixed(summary.rssMb / fileMb, 2) << '\n';
    out.flush();
    return lines;
}

QString seekSummaryFields(const SeekSummary &summary)
{
    QString fields;
    QTextStream out(&fields);
    out << " seek_index_s=" << fixed(summary.index.workS, 3)
        << " seek_index_ratio=" << fixed(summary.indexRatio, 2) << " seek_points=" << summary.seekPoints
        << " seek_bytes_kept=" << summary.bytesKept << " seek_every_frames=" << summary.everyFrames
        << " seeks=" << summary.seeks << " seek_median_ms=" << fixed(summary.medianMs, 1)
        << " seek_max_ms=" << fixed(summary.maxMs, 1)
        << " seek_frames_median=" << qRound64(summary.framesMedian)
        << " seek_index_rss_mb=" << fixed(summary.index.peakRssMb, 1)
        << " seek_rss_mb=" << fixed(summary.rssMb, 1);
    out.flush();
    return fields;
}

} // namespace vantage
