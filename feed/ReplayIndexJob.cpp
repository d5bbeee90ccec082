#include "feed/ReplayIndexJob.h"

#include "feed/ReplayIndexer.h"

#include <QThread>

namespace vantage {

ReplayIndexJob::ReplayIndexJob(QString path, ReplayIndexOptions options, QObject *parent,
                               ObserverFactory makeObserver)
    : QObject(parent)
    , m_path(std::move(path))
    , m_options(options)
    , m_makeObserver(std::move(makeObserver))
{}

ReplayIndexJob::~ReplayIndexJob()
{
    if (!m_thread)
        return;
    m_cancel.store(true);
    m_thread->wait();
}

void ReplayIndexJob::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_started)
        return;
    m_started = true;
    // Progress and partial indexes are posted to this object, so they are emitted on its thread
    // and dropped with it; none is emitted once cancel() has been called.
    m_thread.reset(QThread::create([this] {
        ReplayIndexer indexer(m_path, m_options);
        const std::unique_ptr<ReplayIndexObserver> observer = m_makeObserver ? m_makeObserver() : nullptr;
        indexer.setObserver(observer.get());
        ReplayIndexer::Callbacks callbacks;
        callbacks.progress = [this](int permille) {
            QMetaObject::invokeMethod(
                this,
                [this, permille] {
                    if (!m_cancel.load())
                        Q_EMIT progress(permille);
                },
                Qt::QueuedConnection);
        };
        callbacks.partial = [this](const ReplayIndex &soFar) {
            auto snapshot = std::make_shared<const ReplayIndex>(soFar);
            QMetaObject::invokeMethod(
                this,
                [this, snapshot = std::move(snapshot)] {
                    if (!m_cancel.load())
                        Q_EMIT partialIndex(snapshot);
                },
                Qt::QueuedConnection);
        };
        switch (indexer.run(m_cancel, callbacks)) {
        case ReplayIndexer::Outcome::Finished:
            m_result = std::make_shared<const ReplayIndex>(indexer.takeIndex());
            break;
        case ReplayIndexer::Outcome::Failed: m_error = indexer.error(); break;
        case ReplayIndexer::Outcome::Cancelled: break;
        }
    }));
    connect(m_thread.get(), &QThread::finished, this, &ReplayIndexJob::onThreadFinished);
    m_thread->start();
}

void ReplayIndexJob::cancel()
{
    m_cancel.store(true);
}

void ReplayIndexJob::onThreadFinished()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_thread->wait();
    m_thread.reset();
    if (m_cancel.load())
        Q_EMIT cancelled();
    else if (m_result)
        Q_EMIT finished(std::exchange(m_result, {}));
    else
        Q_EMIT failed(m_error);
}

} // namespace vantage
