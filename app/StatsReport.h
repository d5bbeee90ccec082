#pragma once

#include "feed/ConnectionStatus.h"

#include <QJsonObject>

#include <vector>

namespace vantage {

class DashboardModels;

// The JSON summary written by --stats-json: what arrived, what was skipped and why,
// how the connection behaved, and the final dashboard state.
QJsonObject buildStatsReport(const DashboardModels &models, const std::vector<ConnectionStatus> &history,
                             const QString &sourceLabel, double elapsedS);

} // namespace vantage
