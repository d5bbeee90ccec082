#pragma once

#include "feed/ReplayIndex.h"
#include "feed/ReplaySeek.h"
#include "models/ReplaySeekPoint.h"

#include <map>
#include <memory>
#include <optional>

namespace vantage {

class DashboardModels;

// Carries out the timeline's seeks on a replay (docs/replay-index.md, "Seeking"): picks the seek
// point to resume from and prepares the jump for the feed thread; when the batch of that jump
// arrives, it restores the aggregates saved at the point before the batch is applied. Seeks reach
// only as far as the index and its points have been built.
class ReplaySeeker final
{
public:
    explicit ReplaySeeker(DashboardModels *models);

    void setIndex(std::shared_ptr<const ReplayIndex> index);
    void setPoints(ReplaySeekPointsPtr points);
    // Forgets the index, the points and any seek under way (another log is opened).
    void reset();

    // The jump to `targetMs` of log time, for the replay source (FeedWorker::seekReplay); nothing
    // when nothing is indexed yet. Its token is awaited from then on.
    std::optional<ReplaySeek> prepare(qint64 targetMs);
    // Before a batch that carries a seek token is applied (FeedBatch::seekToken).
    void restoreFor(quint64 token);

    // The line the last seek resumed reading at.
    qint64 lastSeekFromLine() const { return m_lastSeekFromLine; }

private:
    DashboardModels *m_models;
    std::shared_ptr<const ReplayIndex> m_index;
    ReplaySeekPointsPtr m_points;
    // Seeks asked for and not yet reached; a batch carries only the latest of those asked for
    // before it, so older ones are dropped when a newer one arrives.
    std::map<quint64, std::shared_ptr<const DashboardAggregates>> m_waiting;
    quint64 m_nextToken = 1;
    qint64 m_lastSeekFromLine = 0;
};

} // namespace vantage
