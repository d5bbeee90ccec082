#pragma once

#include <QtGlobal>

namespace vantage {

// Where a replay stands in its log and how it plays, as the replay source reports it.
struct ReplayPlayback
{
    qint64 logTimeMs = 0; // the log time of the last frame delivered, ms since the epoch; 0: none yet
    qint64 line = 0;      // that frame's line in the file (1-based); 0: none yet
    bool paused = false;
    double speed = 1.0; // <= 0: as fast as possible
    bool loop = false;
};

} // namespace vantage
