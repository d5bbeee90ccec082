#include "models/ReplaySeekPlanner.h"

#include <algorithm>

namespace vantage {

const ReplaySeekPoint *planSeek(const ReplaySeekPoints &points, qint64 targetMs, quint64 feedWindow)
{
    if (points.empty())
        return nullptr;
    // Checkpoint times never decrease along the log (ReplayIndex::Checkpoint::timeMs).
    const auto afterTarget = std::upper_bound(points.begin(), points.end(), targetMs,
                                              [](qint64 t, const ReplaySeekPoint &p) { return t < p.checkpoint.timeMs; });
    if (afterTarget == points.begin())
        return &points.front();
    const quint64 eventsBeforeTarget = std::prev(afterTarget)->feedAppended;
    for (auto it = std::prev(afterTarget);; --it) {
        if (it->feedAppended + feedWindow <= eventsBeforeTarget || it == points.begin())
            return &*it;
    }
}

} // namespace vantage
