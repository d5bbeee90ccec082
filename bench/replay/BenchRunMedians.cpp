#include "BenchRunMedians.h"

#include "bench/common/BenchStats.h"

#include <algorithm>
#include <functional>

namespace vantage {

namespace {

double medianOf(const std::vector<BenchRun> &runs, const std::function<double(const BenchRun &)> &field)
{
    std::vector<double> values;
    for (const BenchRun &run : runs) {
        if (run.usable())
            values.push_back(field(run));
    }
    return median(values);
}

} // namespace

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

} // namespace vantage
