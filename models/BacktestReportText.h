#pragma once

#include "models/BacktestReport.h"

#include <QString>
#include <QStringList>

namespace vantage {

// Texts of a backtest shared by the command line's table (app/BacktestRun) and the window's
// backtest panel, so both say the same thing in the same words.
namespace BacktestReportText {

// "12 min 30 s", "1 h 5 min", "45 s", "0 s": whole seconds, zero parts left out.
QString duration(qint64 ms);
// The rule ids of every set, in the order they first appear.
QStringList ruleIds(const BacktestReport &report);
// "cpu.ndjson: 2026-06-13T09:00:00.000Z to 2026-06-13T09:28:10.000Z (28 min 10 s), 170 samples,
// 0 frames rejected, 0 bad lines"; "no metrics samples" in place of the span for a log without any.
QString logLine(const QString &path, const BacktestReport &report);

} // namespace BacktestReportText

} // namespace vantage
