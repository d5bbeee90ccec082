#include "feed/FeedPipeline.h"

namespace vantage {

namespace {
constexpr qint64 kMaxFutureSkewMs = 5 * 60 * 1000;
// Wire types are chosen by the server: past this many distinct ones, the rest share a bucket.
constexpr qsizetype kMaxDistinctTypes = 256;
} // namespace

FeedPipeline::FeedPipeline(std::unique_ptr<FrameSource> source, QObject *parent, int flushIntervalMs,
                           NowFn now)
    : QObject(parent), m_source(source.release()), m_flushTimer(this), m_now(std::move(now))
{
    m_source->setParent(this);
    m_source->setSink(this);
    m_source->setResumeFn([this] { return ResumePoint{m_sequencer.epoch(), m_sequencer.lastSeq()}; });
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

void FeedPipeline::onFrame(const ReceivedFrame &frame)
{
    FeedStats &stats = m_pending.stats;
    ++stats.framesReceived;
    stats.bytesReceived += quint64(frame.bytes.size());
    m_pending.lastFrameMs = frame.receivedMs;
    const qint64 receivedMs = frame.receivedMs;

    const DecodeError error = m_decoder.decode(frame.bytes, receivedMs, frame.tsShiftMs, m_scratch);
    if (error != DecodeError::None) {
        ++stats.decodeErrors;
        ++stats.errorsByReason[decodeErrorName(error)];
        scheduleFlush();
        return;
    }
    ++stats.messagesDecoded;
    countType(m_scratch.wireType);
    if (m_scratch.tsMs > receivedMs + kMaxFutureSkewMs) {
        // A clock far ahead would roll today's counters into a day that has not begun.
        m_scratch.tsMs = receivedMs;
        ++stats.futureTimestampsClamped;
    }
    if (const auto *snapshot = std::get_if<SnapshotInfo>(&m_scratch.body); snapshot && snapshot->skippedItems > 0)
        stats.errorsByReason[QStringLiteral("bad_snapshot_item")] += quint64(snapshot->skippedItems);
    if (m_scratch.kind == MessageKind::Ping)
        m_source->sendText(QByteArrayLiteral("{\"v\":1,\"type\":\"pong\"}"));
    if (m_sequencer.accept(m_scratch, stats))
        m_pending.messages.push_back(std::move(m_scratch));
    m_scratch = Message();
    scheduleFlush();
}

void FeedPipeline::onFrameRejected(QLatin1String reason)
{
    FeedStats &stats = m_pending.stats;
    ++stats.framesReceived;
    ++stats.decodeErrors;
    ++stats.errorsByReason[reason];
    scheduleFlush();
}

void FeedPipeline::countType(const QString &wireType)
{
    QHash<QString, quint64> &byType = m_pending.stats.byType;
    if (const auto it = byType.find(wireType); it != byType.end())
        ++it.value();
    else if (byType.size() < kMaxDistinctTypes)
        byType.insert(wireType, 1);
    else
        ++byType[QStringLiteral("(other types)")];
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
