#pragma once

#include "LatencyRun.h"

#include <QTextStream>

#include <vector>

namespace vantage {

void printLatencyRun(QTextStream &out, int repetition, const LatencyRun &run);
// Per rate and view, medians over the usable runs: the "ingest_e2e: latency" lines bench.sh prints.
void printLatencySummary(QTextStream &out, const std::vector<LatencyRun> &runs);

} // namespace vantage
