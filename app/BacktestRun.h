#pragma once

#include "app/AppOptions.h"

#include <QString>

namespace vantage {

// --backtest LOG [--rules FILE] [--stats-json OUT]: the default rules, and the rules in FILE
// beside them, over the log; a table and a summary per set on stdout. Returns the exit code:
// 2 for a rules file that cannot be used, 1 for a log that cannot be read or a report that
// cannot be written, each reported on stderr naming the file.
int runBacktestCommand(const AppOptions &options);

} // namespace vantage
