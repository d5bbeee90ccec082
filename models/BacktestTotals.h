#pragma once

#include "models/BacktestReport.h"

#include <QtGlobal>

namespace vantage {

// One set of a BacktestReport summed over its rules: what the set as a whole would have done.
struct BacktestTotals
{
    quint64 fired = 0;
    quint64 flaps = 0;
    quint64 suppressed = 0;
    qint64 firingMs = 0;
    qint64 longestFiringMs = 0; // the longest single firing of any rule
    bool firingAtEnd = false;   // some rule was still firing at the end of the log

    static BacktestTotals of(const BacktestReport::Set &set);

    friend bool operator==(const BacktestTotals &, const BacktestTotals &) = default;
};

} // namespace vantage
