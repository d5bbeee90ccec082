#pragma once

#include "feed/ReplayIndex.h"
#include "feed/ReplayIndexObserver.h"
#include "feed/ReplayIndexOptions.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace vantage {

// Builds a log's ReplayIndex on a thread of its own, so the GUI stays responsive, with progress,
// cancel, and the index so far at intervals so that playback and the timeline can start before
// indexing ends (docs/replay-index.md). Every signal is emitted on the job's own thread; exactly
// one of finished(), failed() and cancelled() ends a started job. One job indexes once.
class ReplayIndexJob final : public QObject
{
    Q_OBJECT
public:
    // Makes, on the job's thread, an observer that follows the build there and is destroyed there
    // when it ends (models/ReplaySeekStateBuilder publishes seek points this way).
    using ObserverFactory = std::function<std::unique_ptr<ReplayIndexObserver>()>;

    explicit ReplayIndexJob(QString path, ReplayIndexOptions options = {}, QObject *parent = nullptr,
                            ObserverFactory makeObserver = {});
    // Cancels a running build and waits for its thread: no signal follows.
    ~ReplayIndexJob() override;

    void start();
    // Safe from any thread. The build stops within 64 KiB of content. Once cancel() has returned,
    // the job ends with cancelled(), never finished(), unless it had already ended.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    // Permille of the file read, rising, 1000 last (just before finished()).
    void progress(int permille);
    // The index so far (complete == false), after every 10 % of the file or second of work: the
    // checkpoints, density and alerts up to soFar->contentBytes. Each is a new immutable
    // snapshot; a receiver may keep it while later ones arrive.
    void partialIndex(std::shared_ptr<const vantage::ReplayIndex> soFar);
    void finished(std::shared_ptr<const vantage::ReplayIndex> index);
    void failed(const QString &reason);
    void cancelled();

private:
    // The build's end, on the job's thread, once its thread has run.
    void onThreadFinished();

    QString m_path;
    ReplayIndexOptions m_options;
    ObserverFactory m_makeObserver;
    std::atomic<bool> m_cancel{false};
    std::unique_ptr<QThread> m_thread;
    bool m_started = false;
    // Written by the build's thread before it ends, read after it has (QThread::wait orders them).
    std::shared_ptr<const ReplayIndex> m_result;
    QString m_error;
};

} // namespace vantage
