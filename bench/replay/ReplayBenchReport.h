#pragma once

#include "ReplayBenchOptions.h"
#include "ReplayBenchRun.h"
#include "SeekBenchRun.h"

#include <QTextStream>

#include <vector>

namespace vantage {

enum class BenchKind { LineCount, Index, History, Replay };

// The runs of one kind, one per repetition, in order.
struct BenchRuns
{
    std::vector<BenchRun> lineCount;
    std::vector<BenchRun> index;
    std::vector<BenchRun> history;
    std::vector<BenchRun> replay;
    std::vector<SeekRun> seek; // (d) the index with seek points and (e) seeks, one child each
};

void printBenchHeader(QTextStream &out, const ReplayBenchOptions &options, const BenchLog &log);
void printBenchRun(QTextStream &out, int repetition, BenchKind kind, const BenchRun &run);
// Medians over the usable runs, the ratios to the line count of the same repetition, the seek times,
// and the "replay_e2e:" summary lines scripts/bench.sh prints. False when no repetition gave the line
// count with each of the others, or no seek run was usable.
bool printBenchSummary(QTextStream &out, const BenchLog &log, const BenchRuns &runs);

} // namespace vantage
