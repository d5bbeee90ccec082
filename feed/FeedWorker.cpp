#include "feed/FeedWorker.h"

#include "feed/FeedPipeline.h"

namespace vantage {

FeedWorker::FeedWorker(std::unique_ptr<FrameSource> source, std::unique_ptr<FrameRecorder> recorder,
                       QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<vantage::FeedBatchPtr>();
    qRegisterMetaType<vantage::ConnectionStatus>();
    m_thread.setObjectName(QStringLiteral("vantage-feed"));
    m_pipeline = new FeedPipeline(std::move(source));
    m_pipeline->setRecorder(std::move(recorder));
    m_pipeline->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_pipeline, &QObject::deleteLater);
    connect(m_pipeline, &FeedPipeline::batchReady, this, &FeedWorker::batchReady, Qt::QueuedConnection);
    connect(m_pipeline, &FeedPipeline::statusChanged, this, &FeedWorker::statusChanged,
            Qt::QueuedConnection);
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
        QMetaObject::invokeMethod(m_pipeline, &FeedPipeline::stop, Qt::BlockingQueuedConnection);
}

void FeedWorker::reconnectNow()
{
    QMetaObject::invokeMethod(m_pipeline, &FeedPipeline::reconnectNow, Qt::QueuedConnection);
}

void FeedWorker::batchConsumed()
{
    m_pipeline->batchConsumed();
}

} // namespace vantage
