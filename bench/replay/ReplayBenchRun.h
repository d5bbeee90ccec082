#pragma once

#include "ReplayBenchOptions.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace vantage {

// The log every run reads.
struct BenchLog
{
    QString path;
    qint64 lines = 0;
    qint64 bytes = 0;
    int minutes = 0;      // of demo time, when generated; 0 for --log
    double generateS = 0; // vantage-demogen's wall time, in total
    QString problem;      // non-empty: no log, and why
};

// One child process measured.
struct BenchRun
{
    double workS = 0;         // the work, timed by the child: the pass over the file, or vantage's elapsed_s
    double wallS = 0;         // from spawn to exit, as the driver saw it (polled every 10 ms)
    qint64 items = 0;         // lines counted, lines indexed, or events replayed
    qint64 checkpoints = -1;  // index runs
    qint64 alertMarkers = -1; // index runs
    double peakRssMb = 0;     // the child's ru_maxrss
    QString problem;          // non-empty: no measurement, and why

    bool usable() const { return problem.isEmpty() && workS > 0 && items > 0; }
    double itemsPerS() const { return double(items) / workS; }
};

// Generates the log into workDir (or --keep), growing --minutes until it has the lines asked
// for; with --log, only counts the given one.
BenchLog prepareLog(const ReplayBenchOptions &options, const QString &workDir);
// `replay_e2e --measure WHAT --log FILE`, then `extra`, in a child run to its end: its output
// (whatever it printed, also when it failed), with wallS and peakRssMb of `run` set, and
// run.problem when it could not start, timed out or failed.
QByteArray runMeasureChild(const BenchLog &log, const QString &workDir, const QString &what,
                           const QStringList &extra, BenchRun &run);
// (a) the floor: `replay_e2e --measure count`.
BenchRun runLineCount(const BenchLog &log, const QString &workDir);
// (b) `replay_e2e --measure index`: feed/ReplayIndexer over the whole file.
BenchRun runIndex(const BenchLog &log, const QString &workDir);
// (f) `replay_e2e --measure history`: the index with models/GaugeArchiveBuilder attached.
BenchRun runHistory(const BenchLog &log, const QString &workDir);
// (c) `vantage --headless --replay LOG --speed max`, read from its --stats-json.
BenchRun runReplay(const ReplayBenchOptions &options, const BenchLog &log, const QString &workDir);

} // namespace vantage
