#pragma once

#include "models/BacktestReport.h"

#include <QJsonObject>

namespace vantage {

// The report of --backtest --stats-json: times as RFC 3339, durations in milliseconds.
QJsonObject backtestReportJson(const BacktestReport &report);

} // namespace vantage
