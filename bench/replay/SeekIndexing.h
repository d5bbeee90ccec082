#pragma once

#include "LogMeasurement.h"

#include "feed/ReplayIndex.h"
#include "models/ReplaySeekPoint.h"

#include <QString>

#include <memory>

namespace vantage {

// A log's index with its seek points, and what building them cost.
struct SeekIndex
{
    LogMeasurement measured; // workS: ReplayIndexer::run with the seek-point builder attached
    std::shared_ptr<const ReplayIndex> index;
    ReplaySeekPointsPtr points;
    qint64 everyFrames = 0; // ReplaySeekStateBuilder::everyFrames() at the end
    qint64 bytesKept = 0;   // ReplaySeekStateBuilder::bytesKept() at the end
};

// What the window's background job runs when a log is opened (ReplayIndexJob with a
// ReplaySeekStateBuilder observer, default options but the feed's capacity), on this thread and
// without the job's progress and partial-index callbacks. The builder is gone on return, as it is
// when the job's thread ends; its points are kept.
SeekIndex indexWithSeekPoints(const QString &path, qsizetype feedCapacity);

} // namespace vantage
