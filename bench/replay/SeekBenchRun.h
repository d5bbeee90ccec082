#pragma once

#include "ReplayBenchOptions.h"
#include "ReplayBenchRun.h"
#include "SeekMeasurement.h"

#include <QString>

namespace vantage {

// One seek run: `replay_e2e --measure seek`, a child that builds the index with its seek points,
// then seeks in a replay.
struct SeekRun
{
    // (d) the index with seek points, as the other runs: work, lines, checkpoints, alerts; peakRssMb
    // is the child's once the index was built; no wall time of its own (-1).
    BenchRun index;
    SeekMeasurement measured; // the seek points and (e) the seeks
    double peakRssMb = 0;     // the child's ru_maxrss, from wait4: after every seek
    QString problem;          // non-empty: no seeks measured, and why

    bool usable() const { return problem.isEmpty() && !measured.seeks.empty(); }
};

SeekRun runSeek(const ReplayBenchOptions &options, const BenchLog &log, const QString &workDir);

} // namespace vantage
