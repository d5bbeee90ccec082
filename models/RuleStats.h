#pragma once

#include <QtGlobal>

namespace vantage {

// What one rule has done since it was added; the raw material of a backtest.
struct RuleStats
{
    quint64 fired = 0;
    quint64 resolved = 0;
    quint64 suppressed = 0; // breaches that matured inside the repeat window
    quint64 flaps = 0;      // resolutions followed by a new breach within repeatAfterMs
    quint64 outOfOrder = 0; // samples older than the rule's last sample, ignored
    qint64 firingMs = 0;    // total time firing, the current firing counted up to the evaluator's now

    friend bool operator==(const RuleStats &, const RuleStats &) = default;
};

} // namespace vantage
