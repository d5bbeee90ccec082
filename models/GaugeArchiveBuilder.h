#pragma once

#include "feed/Clock.h"
#include "feed/FeedStats.h"
#include "feed/FrameIntake.h"
#include "feed/ReplayIndexObserver.h"
#include "models/GaugeArchive.h"

#include <functional>
#include <memory>

namespace vantage {

class MetricSeriesStore;

// Reads the gauges' histories out of a log or a journal folder while ReplayIndexJob reads it
// (its observer, on the job's thread): every frame goes through the pipeline's intake, the
// metrics of the `metrics` and `snapshot` messages into a MetricSeriesStore of its own, whose
// histories are handed over once the whole of it is read.
class GaugeArchiveBuilder final : public ReplayIndexObserver
{
public:
    using Publish = std::function<void(GaugeArchivePtr archive)>;

    explicit GaugeArchiveBuilder(Publish publish, NowFn now = systemNowMs);
    ~GaugeArchiveBuilder() override;

    void onCheckpoint(const ReplayIndex::Checkpoint &) override {}
    void onFrame(QByteArrayView frame, qint64 line) override;
    void onPublish(const ReplayIndex &index) override;

private:
    Publish m_publish;
    NowFn m_now;
    FrameIntake m_intake;
    FeedStats m_stats;
    Message m_scratch;
    // Made on first use, so it belongs to the thread the read runs on.
    std::unique_ptr<MetricSeriesStore> m_store;
};

} // namespace vantage
