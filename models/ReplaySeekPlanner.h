#pragma once

#include "models/ReplaySeekPoint.h"

namespace vantage {

// Where a seek to `targetMs` resumes reading: the latest seek point that leaves at least
// `feedWindow` feed events (the feed's capacity plus the rows a snapshot de-duplicates against)
// between it and the last point at or before the target, so the frames read from there fill the
// feed exactly as playing straight through would have. The first point (the start of the log)
// when the log has fewer events than that before the target; nullptr when there is no point.
const ReplaySeekPoint *planSeek(const ReplaySeekPoints &points, qint64 targetMs, quint64 feedWindow);

} // namespace vantage
