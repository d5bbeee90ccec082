#pragma once

#include "SeekMeasurement.h"

#include <QString>

namespace vantage {

// The seek run, in this process: the index with its seek points of the log at `path`, then
// `seekCount` seeks over its span (seekTargets) in a replay started paused, with the window's
// 50,000-row feed; a seek that fails ends the run with the error set.
SeekMeasurement measureSeeks(const QString &path, int seekCount);

} // namespace vantage
