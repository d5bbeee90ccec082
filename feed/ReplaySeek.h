#pragma once

#include "feed/ReplayIndex.h"

#include <QString>

#include <optional>

namespace vantage {

// A jump of a replay to another moment of its log (docs/replay-index.md, "Seeking"). Reading
// resumes at a checkpoint before the target, with the sequence numbering as it stood there; the
// frames from there up to the target are delivered at once, then playback goes on (or stays
// paused) from the target. The token travels with the next batch (FeedBatch::seekToken) so the
// receiver restores the dashboard's state at the checkpoint before it applies those frames.
struct ReplaySeek
{
    quint64 token = 0;
    ReplayIndex::Format format = ReplayIndex::Format::Bare; // of the log, as the index found it
    std::optional<qint64> firstTimeMs;                       // the log's first time, from the index
    ReplayIndex::Checkpoint from;                            // where reading resumes
    QString epoch;                                           // the numbering there
    qint64 lastSeq = -1;
    qint64 targetMs = 0; // log time to reach
};

} // namespace vantage
