#pragma once

#include "SoakRun.h"

#include <QTextStream>

namespace vantage {

// The "ingest_e2e: memory" line bench.sh prints.
void printSoak(QTextStream &out, const SoakRun &run);

} // namespace vantage
