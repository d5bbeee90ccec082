#include "LogMeasurement.h"
#include "MeasureSeeks.h"
#include "ReplayBenchOptions.h"
#include "ReplayBenchReport.h"
#include "ReplayBenchRun.h"
#include "SeekBenchReport.h"
#include "SeekBenchRun.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace vantage;

namespace {

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
}

// The child mode: one measurement, printed as a JSON line for the driver.
int measureOnce(const ReplayBenchOptions &options)
{
    if (options.measure == LogMeasure::Seek) {
        const SeekMeasurement measured = measureSeeks(options.logPath, options.seeks);
        printLine(measured.toJsonLine());
        return measured.error.isEmpty() ? 0 : 1;
    }
    const LogMeasurement measured = options.measure == LogMeasure::Index     ? indexLog(options.logPath)
                                    : options.measure == LogMeasure::History ? historyLog(options.logPath)
                                                                             : countLines(options.logPath);
    printLine(measured.toJsonLine());
    return measured.error.isEmpty() ? 0 : 1;
}

} // namespace

// Replay of a large log: vantage-demogen writes it into a temporary directory, then (a) a plain
// line count, (b) the replay index, (f) the index with the gauges' history as a live session reads
// its journal, (c) `vantage --headless --replay --speed max` and a seek run,
// (d) the index with seek points as the window builds it then (e) seeks in a replay, take turns,
// each in a process of its own; medians, the ratios b/a, c/a and d/a, seek times, and peak RSS
// against the file size are printed (docs/performance.md).
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const ReplayBenchCommandLine parsed =
        parseReplayBenchCommandLine(QCoreApplication::arguments(), QCoreApplication::applicationDirPath());
    if (!parsed.options)
        return printCommandLineMessage(parsed.message, parsed.exitCode);
    const ReplayBenchOptions &options = *parsed.options;
    if (options.measure != LogMeasure::None)
        return measureOnce(options);

    QTemporaryDir workDir;
    if (!workDir.isValid()) {
        QTextStream(stderr) << "replay_e2e: no temporary directory: " << workDir.errorString() << Qt::endl;
        return 1;
    }
    const BenchLog log = prepareLog(options, workDir.path());
    if (!log.problem.isEmpty()) {
        QTextStream(stderr) << "replay_e2e: no log: " << log.problem << Qt::endl;
        return 1;
    }

    QTextStream out(stdout);
    printBenchHeader(out, options, log);
    BenchRuns runs;
    for (int repetition = 1; repetition <= options.repetitions; ++repetition) {
        runs.lineCount.push_back(runLineCount(log, workDir.path()));
        printBenchRun(out, repetition, BenchKind::LineCount, runs.lineCount.back());
        runs.index.push_back(runIndex(log, workDir.path()));
        printBenchRun(out, repetition, BenchKind::Index, runs.index.back());
        runs.history.push_back(runHistory(log, workDir.path()));
        printBenchRun(out, repetition, BenchKind::History, runs.history.back());
        runs.replay.push_back(runReplay(options, log, workDir.path()));
        printBenchRun(out, repetition, BenchKind::Replay, runs.replay.back());
        runs.seek.push_back(runSeek(options, log, workDir.path()));
        printSeekRun(out, repetition, runs.seek.back());
    }
    return printBenchSummary(out, log, runs) ? 0 : 1;
}
