#include "app/FeedSession.h"

#include "feed/FeedWorker.h"
#include "models/DashboardModels.h"

#include <QCoreApplication>
#include <QTimer>

#include <chrono>

namespace vantage {

namespace {
constexpr std::size_t kHistoryLimit = 1000; // a flapping link for weeks must not grow memory
}

FeedSession::FeedSession(std::unique_ptr<FrameSource> source, DashboardModels *models,
                         std::unique_ptr<FrameRecorder> recorder, QObject *parent,
                         std::unique_ptr<LiveJournal> journal)
    : QObject(parent)
    , m_models(models)
    , m_worker(
          std::make_unique<FeedWorker>(std::move(source), std::move(recorder), nullptr, std::move(journal)))
{
    connect(m_worker.get(), &FeedWorker::batchReady, this, [this](const FeedBatchPtr &batch) {
        if (batch->seekToken != 0)
            Q_EMIT replaySeekReached(batch->seekToken);
        m_models->applyBatch(*batch);
        countLatency(*batch);
        m_heapTrim.noteBatch();
        // The next batch may come once the event loop has been round: after the repaint this one
        // asked for and the timers due, so a stream faster than the window starves neither.
        QTimer::singleShot(0, m_worker.get(), &FeedWorker::batchConsumed);
    });
    connect(m_worker.get(), &FeedWorker::statusChanged, this, &FeedSession::onStatus);
    connect(m_worker.get(), &FeedWorker::ackSent, this, &FeedSession::ackSent);
}

FeedSession::~FeedSession()
{
    finish();
}

void FeedSession::start()
{
    m_worker->start();
}

void FeedSession::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_worker->stop();
    // stop() posted the last batch to the worker before returning: apply it now.
    QCoreApplication::sendPostedEvents(m_worker.get());
}

void FeedSession::sendAck(const AlertAckInfo &ack)
{
    m_worker->sendAck(ack);
}

void FeedSession::reconnectNow()
{
    m_worker->reconnectNow();
}

void FeedSession::countLatency(const FeedBatch &batch)
{
    const qint64 nowUs = std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
    for (const Message &message : batch.messages) {
        if (message.kind == MessageKind::Event)
            m_eventLatency.add(nowUs - message.tsMs * 1000);
    }
}

void FeedSession::onStatus(const ConnectionStatus &status)
{
    if (m_finished)
        return;
    if (m_history.size() == kHistoryLimit)
        m_history.erase(m_history.begin());
    m_history.push_back(status);
    m_models->setConnectionStatus(status);
    // An error that is tried again (a wall's, retryAtMs set) does not end the source.
    if (status.state == ConnectionState::Finished ||
        (status.state == ConnectionState::Error && status.retryAtMs == 0))
        Q_EMIT sourceEnded();
}

} // namespace vantage
