#include "models/BacktestTotals.h"

#include <algorithm>

namespace vantage {

BacktestTotals BacktestTotals::of(const BacktestReport::Set &set)
{
    BacktestTotals totals;
    for (const BacktestReport::Rule &rule : set.rules) {
        totals.fired += rule.stats.fired;
        totals.flaps += rule.stats.flaps;
        totals.suppressed += rule.stats.suppressed;
        totals.firingMs += rule.stats.firingMs;
        totals.longestFiringMs = std::max(totals.longestFiringMs, rule.longestFiringMs);
        totals.firingAtEnd = totals.firingAtEnd || rule.firingAtEnd;
    }
    return totals;
}

} // namespace vantage
