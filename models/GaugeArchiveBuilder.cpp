#include "models/GaugeArchiveBuilder.h"

#include "models/MetricSeriesStore.h"

#include <QLatin1String>

namespace vantage {

GaugeArchiveBuilder::GaugeArchiveBuilder(Publish publish, NowFn now)
    : m_publish(std::move(publish))
    , m_now(std::move(now))
{}

GaugeArchiveBuilder::~GaugeArchiveBuilder() = default;

void GaugeArchiveBuilder::onFrame(QByteArrayView frame, qint64 line)
{
    if (!m_store)
        m_store = std::make_unique<MetricSeriesStore>();
    // As ReplaySource delivers it to the pipeline: received now, times as in the log.
    const ReceivedFrame received{frame, m_now(), QLatin1String("replay"), 0, nullptr, line};
    if (m_intake.take(received, m_stats, m_scratch) == FrameIntake::Outcome::Accepted) {
        if (const auto *metrics = std::get_if<MetricsSample>(&m_scratch.body))
            m_store->applyMetrics(m_scratch.tsMs, *metrics);
        else if (const auto *snapshot = std::get_if<SnapshotInfo>(&m_scratch.body))
            m_store->applyMetrics(m_scratch.tsMs, snapshot->metrics);
    }
    m_scratch = Message();
}

void GaugeArchiveBuilder::onPublish(const ReplayIndex &index)
{
    if (index.complete && m_store)
        m_publish(std::make_shared<const GaugeArchive>(m_store->histories()));
}

} // namespace vantage
