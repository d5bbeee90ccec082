#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vantage {

struct IngestOptions
{
    QString relayProgram;   // vantage-relay
    QString vantageProgram; // vantage
    double warmupS = 1;     // the relay publishes alone this long before a client connects
    double durationS = 5;   // each client's measured time
    int repetitions = 5;    // floor and pipeline alternate, one pair per repetition
};

struct IngestCommandLine
{
    std::optional<IngestOptions> options; // empty: print message, exit with exitCode
    QString message;
    int exitCode = 0;
};

// Defaults for the programs: next to this driver, as the build puts them.
IngestCommandLine parseIngestCommandLine(const QStringList &arguments, const QString &binaryDir);

} // namespace vantage
