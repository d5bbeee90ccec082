#pragma once

#include "feed/ConnectionStatus.h"
#include "feed/DurationHistogram.h"

#include <QJsonObject>

#include <vector>

namespace vantage {

class DashboardModels;
class FeedSession;
class RssMilestones;

// The JSON summary written by --stats-json: what arrived, what was skipped and why,
// how the connection behaved, and the final dashboard state.
QJsonObject buildStatsReport(const DashboardModels &models, const std::vector<ConnectionStatus> &history,
                             const QString &sourceLabel, double elapsedS);

} // namespace vantage

namespace vantage {

// {"count", "p50_ms", "p90_ms", "p99_ms", "max_ms"}.
QJsonObject durationReport(const DurationHistogram &histogram);

// What the runs measure on the way, added to `report`: the RSS milestones, and for a live source
// (not a replay or the demo) the latency of its events from "ts" to the models.
void addRunMeasurements(QJsonObject &report, const FeedSession *session, bool live, const RssMilestones &rss);

} // namespace vantage
