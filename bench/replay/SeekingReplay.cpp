#include "SeekingReplay.h"

#include "ProcessEventsUntil.h"

#include "feed/ReplaySource.h"

#include <QElapsedTimer>

namespace vantage {

SeekingReplay::SeekingReplay(const QString &path, const SeekIndex &indexed, qsizetype feedCapacity)
    : m_models(nullptr, systemNowMs, feedCapacity)
{
    m_seeker.setIndex(indexed.index);
    m_seeker.setPoints(indexed.points);
    ReplayOptions options;
    options.path = path;
    auto source = std::make_unique<ReplaySource>(options);
    m_source = source.get();
    m_pipeline = std::make_unique<FeedPipeline>(std::move(source));
    QObject::connect(m_pipeline.get(), &FeedPipeline::batchReady, &m_models,
                     [this](const FeedBatchPtr &batch) {
                         if (batch->seekToken != 0) {
                             m_seeker.restoreFor(batch->seekToken);
                             m_appliedToken = batch->seekToken;
                         }
                         m_models.applyBatch(*batch);
                         m_pipeline->batchConsumed();
                     });
    m_source->setPaused(true);
    m_pipeline->start();
}

SeekingReplay::~SeekingReplay() = default;

SeekingReplay::Seek SeekingReplay::seekTo(qint64 targetMs, int timeoutMs)
{
    Seek result;
    const std::optional<ReplaySeek> seek = m_seeker.prepare(targetMs);
    if (!seek) {
        result.problem = QStringLiteral("no seek point to seek to %1 from").arg(targetMs);
        return result;
    }
    result.fromLine = m_seeker.lastSeekFromLine();
    const quint64 framesBefore = m_source->framesDelivered();
    const quint64 linesBefore = m_source->linesRead();
    QElapsedTimer clock;
    clock.start();
    m_source->seek(*seek);
    const auto arrived = [&] {
        return m_appliedToken == seek->token && m_models.stats().replay.playback.logTimeMs == targetMs;
    };
    const bool ended = processEventsUntil(
        [&] { return arrived() || m_source->status().state == ConnectionState::Error; }, timeoutMs);
    result.ms = double(clock.nsecsElapsed()) / 1e6;
    result.frames = qint64(m_source->framesDelivered() - framesBefore);
    result.lines = qint64(m_source->linesRead() - linesBefore);
    if (!ended)
        result.problem =
            QStringLiteral("the dashboard did not reach %1 in %2 s").arg(targetMs).arg(timeoutMs / 1000);
    else if (!arrived())
        result.problem = QStringLiteral("the replay failed: ") + m_source->status().reason;
    return result;
}

} // namespace vantage
