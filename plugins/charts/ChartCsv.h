#pragma once

#include "ui/ChartLine.h"

#include <QByteArray>

#include <vector>

namespace vantage {

// A chart panel's data as CSV (RFC 4180): a header "time,series,value", then one row per point
// in each line's order, the time in UTC ISO 8601 with milliseconds. Names are quoted when they
// hold a comma, a quote or a line break, and a leading =, +, - or @ is escaped with a quote, so a
// spreadsheet never runs a series name as a formula.
QByteArray chartCsv(const std::vector<ChartLine> &lines);

} // namespace vantage
