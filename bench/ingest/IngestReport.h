#pragma once

#include "IngestOptions.h"
#include "IngestRun.h"

#include <QTextStream>

#include <vector>

namespace vantage {

enum class IngestClient { Floor, Pipeline };

void printIngestHeader(QTextStream &out, const IngestOptions &options);
void printIngestRun(QTextStream &out, int repetition, IngestClient client, const IngestRun &run);
// Medians over the usable runs, and the "ingest_e2e:" summary lines scripts/bench.sh prints.
// False when no repetition gave both measurements.
bool printIngestSummary(QTextStream &out, const std::vector<IngestRun> &floor,
                        const std::vector<IngestRun> &pipeline);

} // namespace vantage
