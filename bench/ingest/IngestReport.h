#pragma once

#include "IngestOptions.h"
#include "IngestRun.h"

#include <QTextStream>

#include <vector>

namespace vantage {

enum class IngestClient { Floor, Pipeline, Window };

void printIngestHeader(QTextStream &out, const IngestOptions &options);
void printIngestRun(QTextStream &out, int repetition, IngestClient client, const IngestRun &run);
// Medians over the usable runs, and the "ingest_e2e:" summary lines scripts/bench.sh prints.
// False when no repetition measured both the floor and the headless pipeline.
bool printIngestSummary(QTextStream &out, const std::vector<IngestRun> &floor,
                        const std::vector<IngestRun> &pipeline, const std::vector<IngestRun> &window);

} // namespace vantage
