#pragma once

#include "ReplayBenchRun.h"

#include <QString>
#include <QStringList>

namespace vantage {

// A row of the replay report's table: run, work s, wall s, lines, per s, RSS, checkpoints, alerts.
QString benchRow(const QStringList &cells);
// The row of a run; a field below zero was not measured and shows "-".
QString benchRunRow(const QString &name, const BenchRun &run);

} // namespace vantage
