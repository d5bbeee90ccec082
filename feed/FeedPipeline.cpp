#include "feed/FeedPipeline.h"

namespace vantage {

FeedPipeline::FeedPipeline(std::unique_ptr<FrameSource> source, QObject *parent, int flushIntervalMs,
                           NowFn now)
    : QObject(parent), m_source(source.release()), m_flushTimer(this), m_now(std::move(now))
{
    m_source->setParent(this);
    m_source->setSink(this);
    connect(m_source, &FrameSource::statusChanged, this, &FeedPipeline::onSourceStatus);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &FeedPipeline::flush);
}

FeedPipeline::~FeedPipeline() = default;

void FeedPipeline::start()
{
    m_source->start();
}

void FeedPipeline::stop()
{
    m_source->stop();
    m_flushTimer.stop();
    emitBatch();
}

void FeedPipeline::reconnectNow()
{
    m_source->reconnectNow();
}

void FeedPipeline::onFrame(QByteArrayView bytes, qint64 receivedMs, qint64 tsShiftMs)
{
    FeedStats &stats = m_pending.stats;
    ++stats.framesReceived;
    stats.bytesReceived += quint64(bytes.size());
    m_pending.lastFrameMs = receivedMs;

    const DecodeError error = m_decoder.decode(bytes, receivedMs, tsShiftMs, m_scratch);
    if (error != DecodeError::None) {
        ++stats.decodeErrors;
        ++stats.errorsByReason[decodeErrorName(error)];
        scheduleFlush();
        return;
    }
    ++stats.messagesDecoded;
    ++stats.byType[m_scratch.wireType];
    if (m_scratch.kind == MessageKind::Ping)
        m_source->sendText(QByteArrayLiteral("{\"v\":1,\"type\":\"pong\"}"));
    if (m_sequencer.accept(m_scratch, stats))
        m_pending.messages.push_back(std::move(m_scratch));
    m_scratch = Message();
    scheduleFlush();
}

void FeedPipeline::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void FeedPipeline::flush()
{
    if (m_inFlight.load(std::memory_order_acquire)) {
        // The GUI is still applying the previous batch: keep accumulating.
        scheduleFlush();
        return;
    }
    emitBatch();
}

void FeedPipeline::emitBatch()
{
    auto batch = std::make_shared<FeedBatch>();
    batch->messages.swap(m_pending.messages);
    batch->stats = m_pending.stats;
    batch->lastFrameMs = m_pending.lastFrameMs;
    batch->flushedAtMs = m_now();
    m_inFlight.store(true, std::memory_order_release);
    Q_EMIT batchReady(batch);
}

void FeedPipeline::onSourceStatus(const ConnectionStatus &status)
{
    if (status.state == ConnectionState::Live) {
        if (m_everLive)
            ++m_pending.stats.reconnects;
        m_everLive = true;
    }
    if (status.state == ConnectionState::Finished || status.state == ConnectionState::Error)
        scheduleFlush();
    Q_EMIT statusChanged(status);
}

} // namespace vantage
