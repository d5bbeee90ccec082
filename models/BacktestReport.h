#pragma once

#include "models/RuleStats.h"

#include <QString>

#include <optional>
#include <vector>

namespace vantage {

// What rule sets would have done over a recorded log (models/AlertBacktest, docs/alert-rules.md,
// "Backtest"): per set, per rule, the evaluator's counters and the lengths of its firings.
struct BacktestReport
{
    struct Rule
    {
        QString id;
        RuleStats stats;            // stats.firingMs counts a firing still open up to lastSampleMs
        qint64 longestFiringMs = 0; // an open firing counts up to lastSampleMs
        bool firingAtEnd = false;
    };
    struct Set
    {
        QString name;
        std::vector<Rule> rules; // in the set's order, one per id
    };

    std::vector<Set> sets; // in the order given
    std::optional<qint64> firstSampleMs;
    std::optional<qint64> lastSampleMs; // the latest sample time
    quint64 samples = 0;        // metrics samples fed to the evaluators (metrics messages and snapshots)
    quint64 framesRejected = 0; // frames that did not decode
    qint64 badLines = 0;        // lines the replay skips, from the index (0 when finished by hand)
};

} // namespace vantage
