#pragma once

#include "OverviewBenchOptions.h"

class QTextStream;

namespace vantage {

// Times the scenarios frame by frame in turn, prints a row per scenario and a summary line of
// medians and ratios to the floor; 0 on success, 1 when a frame painted nothing.
int runOverviewBench(const OverviewBenchOptions &options, QTextStream &out);
// Renders the overview as scenario (b) paints it to options.screenshotPath; 0 on success, with a
// message on err otherwise.
int takeOverviewScreenshot(const OverviewBenchOptions &options, QTextStream &err);

} // namespace vantage
