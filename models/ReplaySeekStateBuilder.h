#pragma once

#include "feed/Clock.h"
#include "feed/FeedBatch.h"
#include "feed/FrameIntake.h"
#include "feed/ReplayIndexObserver.h"
#include "models/AlertRule.h"
#include "models/GaugeArchive.h"
#include "models/ReplaySeekPoint.h"

#include <functional>
#include <memory>

namespace vantage {

class DashboardModels;

// Builds a replay's seek points while its index is built (ReplayIndexJob's observer), on the
// index job's thread: every frame goes through the same intake as in the pipeline into a private
// DashboardModels, and at checkpoints the aggregates are kept. Memory stays within a budget:
// past it, every other point is dropped and points are taken half as often, so a log of any length
// costs at most the budget (docs/replay-index.md, "Seeking"). The same models keep the gauges'
// histories, handed over once the whole log is read.
class ReplaySeekStateBuilder final : public ReplayIndexObserver
{
public:
    struct Options
    {
        qsizetype feedCapacity = 50'000;  // the dashboard's, so the de-duplication of snapshots matches
        qint64 everyFrames = 5'000;       // frames between points, at first
        qint64 budgetBytes = 64LL << 20;  // for the aggregates of every point kept
        std::vector<AlertRule> alertRules = AlertRule::defaults(); // the dashboard's, so the points hold its rules' states
        // Given, once the log is read to its end, the gauges' histories over all of it, for the
        // metrics page's charts (MetricSeriesStore::setArchive).
        std::function<void(GaugeArchivePtr)> publishHistory;
    };
    using Publish = std::function<void(ReplaySeekPointsPtr points)>;

    ReplaySeekStateBuilder(Options options, Publish publish, NowFn now = systemNowMs);
    ~ReplaySeekStateBuilder() override;

    void onCheckpoint(const ReplayIndex::Checkpoint &checkpoint) override;
    void onFrame(QByteArrayView frame, qint64 line) override;
    void onPublish(const ReplayIndex &index) override;

    qint64 everyFrames() const { return m_everyFrames; }
    qint64 bytesKept() const { return m_bytes; }

private:
    void applyPending();
    void capture(const ReplayIndex::Checkpoint &checkpoint);
    void thin();

    Options m_options;
    Publish m_publish;
    NowFn m_now;
    // Made on first use, so it belongs to the thread the build runs on.
    std::unique_ptr<DashboardModels> m_models;
    FrameIntake m_intake;
    FeedBatch m_pending;
    Message m_scratch;
    ReplaySeekPoints m_points;
    qint64 m_everyFrames;
    qint64 m_bytes = 0;
};

} // namespace vantage
