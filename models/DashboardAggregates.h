#pragma once

#include "models/AlertModel.h"
#include "models/AlertRuleEvaluator.h"
#include "models/MetricSeriesStore.h"
#include "models/TodayCounters.h"

namespace vantage {

// Everything DashboardModels shows or evaluates except the activity feed and the map's events, as a value:
// replay seeking captures it at checkpoints and restores it, then refills the feed and the map's
// events by replaying frames.
struct DashboardAggregates
{
    AlertModel::State alerts;
    TodayCounters::State counters;
    MetricSeriesStore::State series;
    std::vector<GeoLocation> activeLocations; // the sessions on the activity map
    AlertRuleEvaluator ruleState;              // the client-side rules and where each stands

    // Roughly the memory this value holds (inline and heap), to keep many of them within a
    // budget; it grows with the alerts and the points held.
    qint64 approxBytes() const;

    bool operator==(const DashboardAggregates &) const = default;
};

} // namespace vantage
