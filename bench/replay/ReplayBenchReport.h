#pragma once

#include "ReplayBenchOptions.h"
#include "ReplayBenchRun.h"

#include <QTextStream>

#include <vector>

namespace vantage {

enum class BenchKind { LineCount, Index, Replay };

// The runs of one kind, one per repetition, in order.
struct BenchRuns
{
    std::vector<BenchRun> lineCount;
    std::vector<BenchRun> index;
    std::vector<BenchRun> replay;
};

void printBenchHeader(QTextStream &out, const ReplayBenchOptions &options, const BenchLog &log);
void printBenchRun(QTextStream &out, int repetition, BenchKind kind, const BenchRun &run);
// Medians over the usable runs, the ratios to the line count of the same repetition, and the
// "replay_e2e:" summary lines scripts/bench.sh prints. False when no repetition gave all three.
bool printBenchSummary(QTextStream &out, const BenchLog &log, const BenchRuns &runs);

} // namespace vantage
