#include "feed/ReplayIndex.h"

#include <algorithm>

namespace vantage {

const ReplayIndex::Checkpoint *ReplayIndex::checkpointAtOrBefore(qint64 timeMs) const
{
    const auto after = std::upper_bound(checkpoints.begin(), checkpoints.end(), timeMs,
                                        [](qint64 time, const Checkpoint &c) { return time < c.timeMs; });
    return after == checkpoints.begin() ? nullptr : &*std::prev(after);
}

const ReplayIndex::Checkpoint *ReplayIndex::checkpointAtOrBeforeLine(qint64 line) const
{
    const auto after = std::upper_bound(checkpoints.begin(), checkpoints.end(), line,
                                        [](qint64 wanted, const Checkpoint &c) { return wanted < c.line; });
    return after == checkpoints.begin() ? nullptr : &*std::prev(after);
}

} // namespace vantage
