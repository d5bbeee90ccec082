#pragma once

#include <QtGlobal>

namespace vantage {

// How dense a replay index is (docs/replay-index.md). The defaults keep the index of a
// 1,000,000-line log near 50 KB, plus 16 bytes per alert marker.
struct ReplayIndexOptions
{
    // A checkpoint at the first frame line, then at the first frame line at least this many
    // lines after the previous checkpoint: a seek decodes at most about this many lines.
    qint64 checkpointEveryLines = 1000;
    // Buckets of the event-density histogram (the timeline's resolution).
    int densityBuckets = 1000;
    // Alert markers kept; later ones are only counted (ReplayIndex::alertMarkersDropped).
    qsizetype maxAlertMarkers = 100'000;
    // Connection gaps kept; later ones are only counted (ReplayIndex::gapsDropped).
    qsizetype maxGaps = 10'000;
};

} // namespace vantage
