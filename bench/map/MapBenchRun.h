#pragma once

#include "MapBenchOptions.h"

class QTextStream;

namespace vantage {

// Times the scenarios, prints a row per scenario and a summary line of ratios; 0 on success.
int runMapBench(const MapBenchOptions &options, QTextStream &out);
// Renders one frame to options.screenshotPath; 0 on success, with a message on err otherwise.
int takeMapScreenshot(const MapBenchOptions &options, QTextStream &err);

} // namespace vantage
