#pragma once

#include "IngestOptions.h"

#include <QString>

namespace vantage {

// `vantage --headless` taking `events` frames from a relay as fast as it reads: its resident set
// after a tenth of them and after all of them, from its --stats-json (rss_mb_at_frames: each the
// median over the next 2.5 % of frames, which the 500,000 frames sent past `events` cover up to
// 20 million; past that, over the frames that arrive).
struct SoakRun
{
    qint64 events = 0;      // the milestone: a power of ten, at least 1,000,000
    double rssTenthMb = -1; // RSS after events / 10 frames
    double rssMb = -1;      // RSS after events frames
    double eventsPerS = 0;
    double wallS = 0;
    QString problem;

    bool usable() const { return problem.isEmpty() && rssMb > 0 && rssTenthMb > 0; }
};

SoakRun runSoak(const IngestOptions &options, const QString &workDir);

} // namespace vantage
