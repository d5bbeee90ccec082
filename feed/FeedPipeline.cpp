#include "feed/FeedPipeline.h"

#include "feed/FeedLogging.h"
#include "feed/FrameRecorder.h"
#include "feed/LiveJournal.h"
#include "feed/MessageEncoder.h"

#include <QDateTime>
#include <algorithm>

#include <utility>

namespace vantage {

namespace {
// Wire types are chosen by the server: past this many distinct ones, the rest share a bucket.
constexpr qsizetype kMaxDistinctTypes = 256;
} // namespace

FeedPipeline::FeedPipeline(std::unique_ptr<FrameSource> source, QObject *parent, int flushIntervalMs,
                           NowFn now)
    : QObject(parent)
    , m_source(source.release())
    , m_recordFlushTimer(this)
    , m_flushTimer(this)
    , m_now(std::move(now))
    , m_flushIntervalMs(flushIntervalMs)
{
    m_source->setParent(this);
    m_source->setSink(this);
    m_source->setResumeFn([this] {
        return ResumePoint{m_intake.sequencer().epoch(), m_intake.sequencer().lastSeq()};
    });
    connect(m_source, &FrameSource::statusChanged, this, &FeedPipeline::onSourceStatus);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &FeedPipeline::flush);
    m_recordFlushTimer.setSingleShot(true);
    m_recordFlushTimer.setInterval(kRecordFlushIntervalMs);
    connect(&m_recordFlushTimer, &QTimer::timeout, this, &FeedPipeline::flushRecording);
}

FeedPipeline::~FeedPipeline() = default;

void FeedPipeline::setRecorder(std::unique_ptr<FrameRecorder> recorder)
{
    m_recorder = std::move(recorder);
}

QString FeedPipeline::startRecording(std::unique_ptr<FrameRecorder> recorder)
{
    if (m_recorder)
        endRecording();
    m_recorder = std::move(recorder);
    FeedStats &stats = m_pending.stats;
    stats.recordPath = m_recorder->path();
    stats.framesRecorded = 0;
    stats.recordError.clear();
    stats.recordStopped = false;
    const bool opened = m_recorder->open();
    const QString error = m_recorder->error();
    if (!opened)
        endRecording();
    scheduleFlush(); // the GUI learns at once that the feed is recorded, or why it is not
    return error;
}

void FeedPipeline::stopRecording()
{
    if (m_recorder)
        endRecording();
}

void FeedPipeline::setJournal(std::unique_ptr<LiveJournal> journal)
{
    m_journal = std::move(journal);
}

void FeedPipeline::start()
{
    if (m_recorder)
        startRecording(std::move(m_recorder));
    if (m_journal) {
        m_pending.stats.journalDir = m_journal->dir();
        m_journal->open(m_now());
        m_pending.stats.journalError = m_journal->error();
    }
    m_source->start();
}

void FeedPipeline::stop()
{
    m_source->stop();
    if (m_recorder)
        endRecording();
    if (m_journal) {
        m_journal->close();
        m_pending.stats.framesJournaled = m_journal->framesJournaled();
        m_pending.stats.journalError = m_journal->error();
    }
    emitBatch();
}

void FeedPipeline::reconnectNow()
{
    m_source->reconnectNow();
}

bool FeedPipeline::sendAck(const AlertAckInfo &ack)
{
    if (!m_acceptsAcks)
        return false;
    Message message;
    message.kind = MessageKind::AlertAck;
    message.tsMs = QDateTime::currentMSecsSinceEpoch();
    message.body = ack;
    return m_source->sendText(encodeMessage(message));
}

void FeedPipeline::onFrame(const ReceivedFrame &frame)
{
    FeedStats &stats = m_pending.stats;
    ++stats.framesReceived;
    stats.bytesReceived += quint64(frame.bytes.size());
    m_pending.lastFrameMs = frame.receivedMs;
    if (m_recorder)
        record(frame);
    if (m_journal)
        journal(frame);

    const FrameIntake::Outcome outcome = m_intake.take(frame, stats, m_scratch);
    if (outcome == FrameIntake::Outcome::Rejected) {
        if (frame.line > 0)
            countSkippedLine(frame.line, decodeErrorName(m_intake.error()),
                             decodeErrorDescription(m_intake.error()));
        m_scratch = Message();
        scheduleFlush();
        return;
    }
    if (frame.line > 0)
        ++stats.replay.eventsReplayed;
    countType(m_scratch.wireType);
    if (m_scratch.kind == MessageKind::Ping)
        m_source->sendText(QByteArrayLiteral("{\"v\":1,\"type\":\"pong\"}"));
    if (const auto *hello = std::get_if<HelloInfo>(&m_scratch.body)) {
        const QLatin1String ackType = messageKindName(MessageKind::AlertAck);
        m_acceptsAcks =
            std::find(hello->accepts.begin(), hello->accepts.end(), ackType) != hello->accepts.end();
    }
    if (outcome == FrameIntake::Outcome::Accepted)
        m_pending.messages.push_back(std::move(m_scratch));
    m_scratch = Message();
    scheduleFlush();
    if (qsizetype(m_pending.messages.size()) >= kMaxPendingMessages)
        handOverAtTheLimit();
}

void FeedPipeline::handOverAtTheLimit()
{
    waitForConsumer();
    // The GUI is free: it gets these at once, not at the next flush, and applies them while this
    // thread decodes the next ones. Waiting for the timer instead left each thread idle while the
    // other worked, and headless throughput fell by a quarter.
    if (!m_inFlight.load(std::memory_order_acquire))
        emitBatch();
}

void FeedPipeline::waitForConsumer()
{
    std::unique_lock lock(m_consumedMutex);
    m_consumed.wait(lock,
                    [this] { return !m_inFlight.load(std::memory_order_acquire) || m_waitsSuspended > 0; });
}

void FeedPipeline::batchConsumed()
{
    {
        const std::lock_guard lock(m_consumedMutex);
        m_inFlight.store(false, std::memory_order_release);
    }
    m_consumed.notify_all();
}

void FeedPipeline::suspendWaits()
{
    {
        const std::lock_guard lock(m_consumedMutex);
        ++m_waitsSuspended;
    }
    m_consumed.notify_all();
}

void FeedPipeline::resumeWaits()
{
    const std::lock_guard lock(m_consumedMutex);
    --m_waitsSuspended;
}

void FeedPipeline::onFrameRejected(QLatin1String reason)
{
    FeedStats &stats = m_pending.stats;
    ++stats.framesReceived;
    ++stats.decodeErrors;
    ++stats.errorsByReason[reason];
    scheduleFlush();
}

void FeedPipeline::onReplayProgress(const QString &file, quint64 linesRead, const ReplayPlayback &playback)
{
    ReplayStats &replay = m_pending.stats.replay;
    replay.file = file;
    replay.linesRead = linesRead;
    replay.playback = playback;
    scheduleFlush();
}

void FeedPipeline::onLineSkipped(qint64 line, QLatin1String reason, QLatin1String description)
{
    onFrameRejected(reason);
    countSkippedLine(line, reason, description);
}

void FeedPipeline::onReplaySeek(quint64 token, const QString &epoch, qint64 lastSeq)
{
    // Messages not yet handed over belong to the moment left behind: the state replacing them
    // is restored by the receiver, from the token.
    m_pending.messages.clear();
    m_pending.seekToken = token;
    m_intake.restoreSequence(epoch, lastSeq);
    scheduleFlush();
}

void FeedPipeline::countSkippedLine(qint64 line, QLatin1String reason, QLatin1String description)
{
    ReplayStats &replay = m_pending.stats.replay;
    if (replay.addSkipped(line, reason, description))
        qCWarning(lcFeed).noquote() << replay.skippedExamples.constLast().message;
}

void FeedPipeline::record(const ReceivedFrame &frame)
{
    if (!m_recorder->record(frame))
        return endRecording();
    if (!m_recordFlushTimer.isActive())
        m_recordFlushTimer.start();
}

void FeedPipeline::journal(const ReceivedFrame &frame)
{
    if (!m_journal->record(frame)) {
        m_pending.stats.journalError = m_journal->error();
        m_journal.reset();
        return;
    }
    if (!m_recordFlushTimer.isActive())
        m_recordFlushTimer.start();
}

void FeedPipeline::markConnection(bool up)
{
    const qint64 atMs = m_now();
    if (m_recorder && !m_recorder->recordConnection(atMs, up))
        return endRecording();
    if (m_journal && !m_journal->recordConnection(atMs, up)) {
        m_pending.stats.journalError = m_journal->error();
        m_journal.reset();
    }
}

void FeedPipeline::flushRecording()
{
    m_recordFlushTimer.stop();
    if (m_journal) {
        if (!m_journal->flush())
            m_pending.stats.journalError = m_journal->error();
        m_pending.stats.framesJournaled = m_journal->framesJournaled();
        if (!m_journal->isOpen())
            m_journal.reset();
        scheduleFlush();
    }
    if (!m_recorder)
        return;
    if (!m_recorder->flush())
        return endRecording();
    scheduleFlush(); // the new count reaches the GUI even when the stream has gone quiet
}

void FeedPipeline::endRecording()
{
    m_recorder->close();
    m_pending.stats.framesRecorded = m_recorder->framesRecorded();
    m_pending.stats.recordError = m_recorder->error();
    m_pending.stats.recordStopped = true;
    m_recorder.reset();
    m_recordFlushTimer.stop();
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
        m_flushTimer.start(m_flushIntervalMs);
}

void FeedPipeline::flush()
{
    if (m_inFlight.load(std::memory_order_acquire)) {
        // The GUI is still applying the previous batch: keep accumulating, and look again soon
        // rather than a whole interval later.
        m_flushTimer.start(std::min(kHeldBackRetryMs, m_flushIntervalMs));
        return;
    }
    emitBatch();
}

void FeedPipeline::emitBatch()
{
    if (m_recorder)
        m_pending.stats.framesRecorded = m_recorder->framesRecorded();
    m_flushTimer.stop();
    auto batch = std::make_shared<FeedBatch>();
    batch->messages.swap(m_pending.messages);
    batch->stats = m_pending.stats;
    batch->lastFrameMs = m_pending.lastFrameMs;
    batch->flushedAtMs = m_now();
    batch->seekToken = std::exchange(m_pending.seekToken, 0);
    m_inFlight.store(true, std::memory_order_release);
    Q_EMIT batchReady(batch);
}

void FeedPipeline::onSourceStatus(const ConnectionStatus &status)
{
    const bool live = status.state == ConnectionState::Live;
    // The next connection's hello says again what it takes (a failover may reach another server).
    if (!live)
        m_acceptsAcks = false;
    if (live) {
        if (m_everLive)
            ++m_pending.stats.reconnects;
        m_everLive = true;
    }
    // A gap runs from leaving Live for a retry or a fault to being Live again; the end of the
    // stream (Finished) or of the session (Idle) is none.
    const bool lost = status.state != ConnectionState::Finished && status.state != ConnectionState::Idle;
    if (m_live && !live && lost) {
        markConnection(false);
        m_markedDown = true;
    } else if (live && m_markedDown) {
        markConnection(true);
        m_markedDown = false;
    }
    m_live = live;
    if (status.state == ConnectionState::Finished || status.state == ConnectionState::Error) {
        if (m_recorder || m_journal)
            flushRecording(); // nothing more is coming soon: what was received goes to disk now
        scheduleFlush();
    }
    Q_EMIT statusChanged(status);
}

} // namespace vantage
