#include "models/ReplaySeekStateBuilder.h"

#include "models/ActivityFeedModel.h"
#include "models/DashboardModels.h"
#include "models/MetricSeriesStore.h"

#include <QLatin1String>

namespace vantage {

ReplaySeekStateBuilder::ReplaySeekStateBuilder(Options options, Publish publish, NowFn now)
    : m_options(options)
    , m_publish(std::move(publish))
    , m_now(std::move(now))
    , m_everyFrames(std::max<qint64>(options.everyFrames, 1))
{}

ReplaySeekStateBuilder::~ReplaySeekStateBuilder() = default;

void ReplaySeekStateBuilder::onCheckpoint(const ReplayIndex::Checkpoint &checkpoint)
{
    if (m_points.empty() || checkpoint.frame - m_points.back().checkpoint.frame >= m_everyFrames)
        capture(checkpoint);
}

void ReplaySeekStateBuilder::onFrame(QByteArrayView frame, qint64 line)
{
    // As ReplaySource delivers it to the pipeline: received now, times as in the log.
    const ReceivedFrame received{frame, m_now(), QLatin1String("replay"), 0, nullptr, line};
    if (m_intake.take(received, m_pending.stats, m_scratch) == FrameIntake::Outcome::Accepted)
        m_pending.messages.push_back(std::move(m_scratch));
    m_scratch = Message();
}

void ReplaySeekStateBuilder::onPublish(const ReplayIndex &index)
{
    auto points = std::make_shared<ReplaySeekPoints>(m_points);
    // Checkpoints met before the log's first time learnt it later (ReplayIndexer::assignFirstTime).
    if (index.firstTimeMs) {
        for (ReplaySeekPoint &point : *points)
            point.checkpoint.timeMs = std::max(point.checkpoint.timeMs, *index.firstTimeMs);
    }
    m_publish(std::move(points));
    if (index.complete && m_options.publishHistory) {
        applyPending();
        m_options.publishHistory(std::make_shared<const GaugeArchive>(m_models->series()->histories()));
    }
}

void ReplaySeekStateBuilder::applyPending()
{
    if (!m_models) {
        m_models = std::make_unique<DashboardModels>(nullptr, m_now, m_options.feedCapacity);
        m_models->setShareDecodedText(true);
        m_models->setAlertRules(m_options.alertRules);
    }
    if (m_pending.messages.empty())
        return;
    m_models->applyBatch(m_pending);
    m_pending.messages.clear();
}

void ReplaySeekStateBuilder::capture(const ReplayIndex::Checkpoint &checkpoint)
{
    applyPending();
    auto aggregates = std::make_shared<const DashboardAggregates>(m_models->aggregates());
    m_bytes += aggregates->approxBytes();
    const Sequencer &sequencer = m_intake.sequencer();
    m_points.push_back({checkpoint, m_models->feed()->totalAppended(), sequencer.epoch(), sequencer.lastSeq(),
                        std::move(aggregates)});
    while (m_bytes > m_options.budgetBytes && m_points.size() > 2)
        thin();
}

void ReplaySeekStateBuilder::thin()
{
    // The first point (the start of the log) stays: every seek can fall back to it.
    ReplaySeekPoints kept;
    kept.reserve(m_points.size() / 2 + 1);
    m_bytes = 0;
    for (std::size_t i = 0; i < m_points.size(); i += 2) {
        m_bytes += m_points[i].aggregates->approxBytes();
        kept.push_back(std::move(m_points[i]));
    }
    m_points = std::move(kept);
    m_everyFrames *= 2;
}

} // namespace vantage
