#pragma once

#include "bench/common/BenchCommandLine.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace vantage {

struct IngestOptions
{
    QString relayProgram;   // vantage-relay
    QString vantageProgram; // vantage
    double warmupS = 1;     // the relay publishes alone this long before a client connects
    double durationS = 5;   // each client's measured time
    int repetitions = 5;    // floor, headless and window alternate, one of each per repetition
    // Latency (send to applied-in-model) at these fixed rates, events/s; empty: not measured.
    std::vector<double> latencyRates{1'000, 10'000, 50'000};
    double latencyDurationS = 10; // each latency client's measured time
    // Memory: frames a headless client takes before its RSS is compared with its RSS at a tenth of
    // them; a power of ten, at least 1,000,000; 0: not measured.
    qint64 soakEvents = 10'000'000;
};

using IngestCommandLine = BenchCommandLine<IngestOptions>;

// Defaults for the programs: next to this driver, as the build puts them.
IngestCommandLine parseIngestCommandLine(const QStringList &arguments, const QString &binaryDir);

} // namespace vantage
