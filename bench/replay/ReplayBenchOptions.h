#pragma once

#include "bench/common/BenchCommandLine.h"

#include <QString>
#include <QStringList>

namespace vantage {

// What a child run of this driver measures (--measure), in a process of its own so that its
// peak RSS is its own.
enum class LogMeasure { None, LineCount, Index, History, Seek };

struct ReplayBenchOptions
{
    QString vantageProgram;         // vantage
    QString demogenProgram;         // vantage-demogen
    QString logPath;                // --log: an existing log, used as it is and never deleted
    QString keepPath;               // --keep: the generated log is written here and left
    qint64 targetLines = 1'000'000; // the generated log has at least this many lines
    int repetitions = 5; // line count, index, replay and seek runs alternate, one of each per repetition
    int seeks = 20;      // seeks per seek run
    LogMeasure measure = LogMeasure::None;
};

using ReplayBenchCommandLine = BenchCommandLine<ReplayBenchOptions>;

// Defaults for the programs: next to this driver, as the build puts them.
ReplayBenchCommandLine parseReplayBenchCommandLine(const QStringList &arguments, const QString &binaryDir);

} // namespace vantage
