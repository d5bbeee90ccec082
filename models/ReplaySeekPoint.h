#pragma once

#include "feed/ReplayIndex.h"
#include "models/DashboardAggregates.h"

#include <QString>

#include <memory>
#include <vector>

namespace vantage {

// The dashboard as it stood just before a checkpoint's line, as far as a seek needs it: the
// aggregates to restore, the numbering to resume with, and how many events the feed had taken,
// so a seek can start early enough to fill the feed again (docs/replay-index.md, "Seeking").
struct ReplaySeekPoint
{
    ReplayIndex::Checkpoint checkpoint;
    quint64 feedAppended = 0; // events appended to the feed before the checkpoint's line
    QString epoch;
    qint64 lastSeq = -1;
    std::shared_ptr<const DashboardAggregates> aggregates;
};

// In line order; published as immutable snapshots while the index is built.
using ReplaySeekPoints = std::vector<ReplaySeekPoint>;
using ReplaySeekPointsPtr = std::shared_ptr<const ReplaySeekPoints>;

} // namespace vantage
