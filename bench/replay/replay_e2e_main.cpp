#include "LogMeasurement.h"
#include "ReplayBenchOptions.h"
#include "ReplayBenchReport.h"
#include "ReplayBenchRun.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace vantage;

namespace {

// The child mode: one measurement, printed as a JSON line for the driver.
int measureOnce(const ReplayBenchOptions &options)
{
    const LogMeasurement measured =
        options.measure == LogMeasure::Index ? indexLog(options.logPath) : countLines(options.logPath);
    const QByteArray line = measured.toJsonLine();
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    return measured.error.isEmpty() ? 0 : 1;
}

} // namespace

// Replay of a large log: vantage-demogen writes it into a temporary directory, then (a) a plain
// line count, (b) the replay index and (c) `vantage --headless --replay --speed max` take turns,
// each in a process of its own; medians, the ratios b/a and c/a, and peak RSS against the file
// size are printed (docs/performance.md).
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
        runs.replay.push_back(runReplay(options, log, workDir.path()));
        printBenchRun(out, repetition, BenchKind::Replay, runs.replay.back());
    }
    return printBenchSummary(out, log, runs) ? 0 : 1;
}
