#include "LatencyReport.h"

#include "bench/common/BenchFormat.h"
#include "bench/common/BenchStats.h"

#include <functional>

namespace vantage {

namespace {

QString viewName(PipelineView view)
{
    return view == PipelineView::Window ? QStringLiteral("window") : QStringLiteral("headless");
}

QString rateName(double rate)
{
    return thousands(rate) + QStringLiteral(" events/s");
}

QString latencyCells(const LatencyRun &run)
{
    QString text =
        QStringLiteral("took %1 events/s; latency p50 %2 ms, p99 %3 ms, max %4 ms")
            .arg(thousands(run.eventsPerS), fixed(run.p50Ms, 1), fixed(run.p99Ms, 1), fixed(run.maxMs, 1));
    if (run.windowFps >= 0)
        text += QStringLiteral("; window %1 frames/s").arg(fixed(run.windowFps, 0));
    return text;
}

} // namespace

void printLatencyRun(QTextStream &out, int repetition, const LatencyRun &run)
{
    out << repetition << " latency at " << rateName(run.rate) << ", " << viewName(run.view) << ": "
        << (run.usable() ? latencyCells(run) : QStringLiteral("not measured: ") + run.problem) << Qt::endl;
}

void printLatencySummary(QTextStream &out, const std::vector<LatencyRun> &runs)
{
    std::vector<std::pair<double, PipelineView>> seen;
    for (const LatencyRun &run : runs) {
        if (std::find(seen.begin(), seen.end(), std::pair(run.rate, run.view)) == seen.end())
            seen.emplace_back(run.rate, run.view);
    }
    for (const auto &[rate, view] : seen) {
        int measured = 0;
        int total = 0;
        const auto medianField = [&](const std::function<double(const LatencyRun &)> &field) {
            std::vector<double> values;
            for (const LatencyRun &run : runs) {
                if (run.rate == rate && run.view == view && run.usable())
                    values.push_back(field(run));
            }
            return median(values);
        };
        for (const LatencyRun &run : runs) {
            if (run.rate == rate && run.view == view) {
                ++total;
                measured += run.usable() ? 1 : 0;
            }
        }
        LatencyRun typical;
        typical.eventsPerS = medianField([](const LatencyRun &run) { return run.eventsPerS; });
        typical.p50Ms = medianField([](const LatencyRun &run) { return run.p50Ms; });
        typical.p99Ms = medianField([](const LatencyRun &run) { return run.p99Ms; });
        typical.maxMs = medianField([](const LatencyRun &run) { return run.maxMs; });
        typical.windowFps = view == PipelineView::Window
                                ? medianField([](const LatencyRun &run) { return run.windowFps; })
                                : -1;
        out << "ingest_e2e: latency at " << rateName(rate) << ", " << viewName(view) << ": "
            << (measured > 0 ? latencyCells(typical) : QStringLiteral("not measured")) << " (medians of "
            << measured << " of " << total << " runs)" << Qt::endl;
    }
}

} // namespace vantage
