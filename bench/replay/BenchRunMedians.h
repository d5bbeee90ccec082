#pragma once

#include "ReplayBenchRun.h"

#include <QtGlobal>

#include <vector>

namespace vantage {

// Each field's median over the usable runs (-1: none was).
BenchRun medianRun(const std::vector<BenchRun> &runs);
// The median over the repetitions where both runs were usable, of the run's work time over the
// floor's; -1 when there is none.
double medianRatio(const std::vector<BenchRun> &runs, const std::vector<BenchRun> &floor);
qsizetype usableCount(const std::vector<BenchRun> &runs);

} // namespace vantage
