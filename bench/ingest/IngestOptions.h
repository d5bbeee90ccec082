#pragma once

#include "bench/common/BenchCommandLine.h"

#include <QString>
#include <QStringList>

namespace vantage {

struct IngestOptions
{
    QString relayProgram;   // vantage-relay
    QString vantageProgram; // vantage
    double warmupS = 1;     // the relay publishes alone this long before a client connects
    double durationS = 5;   // each client's measured time
    int repetitions = 5;    // floor and pipeline alternate, one pair per repetition
};

using IngestCommandLine = BenchCommandLine<IngestOptions>;

// Defaults for the programs: next to this driver, as the build puts them.
IngestCommandLine parseIngestCommandLine(const QStringList &arguments, const QString &binaryDir);

} // namespace vantage
