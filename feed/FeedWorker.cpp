#include "feed/FeedWorker.h"

#include "feed/FeedPipeline.h"
#include "feed/ReplaySource.h"

namespace vantage {

FeedWorker::FeedWorker(std::unique_ptr<FrameSource> source, std::unique_ptr<FrameRecorder> recorder,
                       QObject *parent, std::unique_ptr<LiveJournal> journal)
    : QObject(parent)
{
    qRegisterMetaType<vantage::FeedBatchPtr>();
    qRegisterMetaType<vantage::ConnectionStatus>();
    m_thread.setObjectName(QStringLiteral("vantage-feed"));
    m_replay = qobject_cast<ReplaySource *>(source.get());
    m_pipeline = new FeedPipeline(std::move(source));
    m_pipeline->setRecorder(std::move(recorder));
    m_pipeline->setJournal(std::move(journal));
    m_pipeline->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_pipeline, &QObject::deleteLater);
    connect(m_pipeline, &FeedPipeline::batchReady, this, &FeedWorker::batchReady, Qt::QueuedConnection);
    connect(m_pipeline, &FeedPipeline::statusChanged, this, &FeedWorker::statusChanged, Qt::QueuedConnection);
    m_thread.start();
}

FeedWorker::~FeedWorker()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void FeedWorker::start()
{
    QMetaObject::invokeMethod(m_pipeline, &FeedPipeline::start, Qt::QueuedConnection);
}

void FeedWorker::stop()
{
    if (m_thread.isRunning())
        runOnFeedThread([pipeline = m_pipeline] { pipeline->stop(); });
}

void FeedWorker::runOnFeedThread(const std::function<void()> &call)
{
    // The feed thread may be waiting for this thread to consume a batch (kMaxPendingMessages).
    m_pipeline->suspendWaits();
    QMetaObject::invokeMethod(m_pipeline, call, Qt::BlockingQueuedConnection);
    m_pipeline->resumeWaits();
}

void FeedWorker::reconnectNow()
{
    QMetaObject::invokeMethod(m_pipeline, &FeedPipeline::reconnectNow, Qt::QueuedConnection);
}

void FeedWorker::sendAck(const AlertAckInfo &ack)
{
    QMetaObject::invokeMethod(
        m_pipeline,
        [this, pipeline = m_pipeline, ack] {
            const bool sent = pipeline->sendAck(ack);
            // The destructor waits for this thread, so the worker outlives the call.
            QMetaObject::invokeMethod(
                this, [this, id = ack.id, sent] { Q_EMIT ackSent(id, sent); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void FeedWorker::batchConsumed()
{
    m_pipeline->batchConsumed();
}

void FeedWorker::setReplayPaused(bool paused)
{
    if (m_replay)
        QMetaObject::invokeMethod(
            m_replay, [replay = m_replay, paused] { replay->setPaused(paused); }, Qt::QueuedConnection);
}

void FeedWorker::setReplaySpeed(double speed)
{
    if (m_replay)
        QMetaObject::invokeMethod(
            m_replay, [replay = m_replay, speed] { replay->setSpeed(speed); }, Qt::QueuedConnection);
}

void FeedWorker::stepReplay()
{
    if (m_replay)
        QMetaObject::invokeMethod(m_replay, &ReplaySource::step, Qt::QueuedConnection);
}

void FeedWorker::setReplayLoop(bool loop)
{
    if (m_replay)
        QMetaObject::invokeMethod(
            m_replay, [replay = m_replay, loop] { replay->setLoop(loop); }, Qt::QueuedConnection);
}

void FeedWorker::flushToDisk()
{
    if (m_thread.isRunning())
        runOnFeedThread([pipeline = m_pipeline] { pipeline->flushToDisk(); });
}

void FeedWorker::seekReplay(const ReplaySeek &seek)
{
    if (m_replay)
        QMetaObject::invokeMethod(
            m_replay, [replay = m_replay, seek] { replay->seek(seek); }, Qt::QueuedConnection);
}

QString FeedWorker::startRecording(const QString &path, const RecordingHeader &header)
{
    QString error;
    // The recorder is made on the feed thread, which owns its file from then on.
    runOnFeedThread([pipeline = m_pipeline, &path, &header, &error] {
        error = pipeline->startRecording(std::make_unique<FrameRecorder>(path, header));
    });
    return error;
}

void FeedWorker::stopRecording()
{
    runOnFeedThread([pipeline = m_pipeline] { pipeline->stopRecording(); });
}

} // namespace vantage
