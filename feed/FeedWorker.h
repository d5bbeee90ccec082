#pragma once

#include "feed/FeedBatch.h"
#include "feed/FrameRecorder.h"
#include "feed/FrameSource.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace vantage {

class FeedPipeline;

// The GUI-thread owner of the data path: runs a FeedPipeline on its own QThread and
// re-emits its batches and status on the thread that owns the worker. Whoever receives
// batchReady must call batchConsumed() once the batch is applied. With a recorder, the
// pipeline records every received frame on the feed thread.
class FeedWorker final : public QObject
{
    Q_OBJECT
public:
    explicit FeedWorker(std::unique_ptr<FrameSource> source, std::unique_ptr<FrameRecorder> recorder = {},
                        QObject *parent = nullptr);
    ~FeedWorker() override;

    void start();
    void stop();
    void reconnectNow();
    void batchConsumed();

Q_SIGNALS:
    void batchReady(const vantage::FeedBatchPtr &batch);
    void statusChanged(const vantage::ConnectionStatus &status);

private:
    QThread m_thread;
    FeedPipeline *m_pipeline = nullptr; // lives on m_thread, deleted when it finishes
};

} // namespace vantage
