#pragma once

#include "feed/FeedBatch.h"
#include "feed/FrameRecorder.h"
#include "feed/FrameSource.h"
#include "feed/LiveJournal.h"
#include "feed/RecordingHeader.h"
#include "feed/ReplaySeek.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace vantage {

class FeedPipeline;
class ReplaySource;

// The GUI-thread owner of the data path: runs a FeedPipeline on its own QThread and
// re-emits its batches and status on the thread that owns the worker. Whoever receives
// batchReady must call batchConsumed() once the batch is applied. With a recorder, the
// pipeline records every received frame on the feed thread. Playback control and recording
// are called on the GUI thread and carried out on the feed thread.
class FeedWorker final : public QObject
{
    Q_OBJECT
public:
    explicit FeedWorker(std::unique_ptr<FrameSource> source, std::unique_ptr<FrameRecorder> recorder = {},
                        QObject *parent = nullptr, std::unique_ptr<LiveJournal> journal = {});
    ~FeedWorker() override;

    void start();
    void stop();
    void reconnectNow();
    void batchConsumed();
    // Sends an operator's acknowledgement upstream on the feed thread (FeedPipeline::sendAck);
    // ackSent reports whether it went.
    void sendAck(const AlertAckInfo &ack);

    // Whether the source is a replay; the playback calls below do nothing otherwise. They are
    // queued to the source, which reports the result with the batches (ReplayStats::playback).
    bool isReplay() const { return m_replay != nullptr; }
    void setReplayPaused(bool paused);
    void setReplaySpeed(double speed); // <= 0: as fast as possible
    void stepReplay();
    void setReplayLoop(bool loop);
    // The batch that follows carries seek.token (FeedBatch::seekToken).
    void seekReplay(const ReplaySeek &seek);

    // Records every frame received from now on into `path` (gzip for ".gz"), ending a recording
    // in progress. Waits until the file is open on the feed thread; returns why it could not be
    // opened, naming the file ("" when it was). The feed goes on either way.
    QString startRecording(const QString &path, const RecordingHeader &header);
    // Ends the recording in progress, if any; what it holds is in the file when this returns.
    void stopRecording();
    // What the journal and the recording buffer is in their files when this returns.
    void flushToDisk();

Q_SIGNALS:
    void batchReady(const vantage::FeedBatchPtr &batch);
    void statusChanged(const vantage::ConnectionStatus &status);
    void ackSent(const QString &alertId, bool sent);

private:
    // Runs call on the feed thread and waits for it.
    void runOnFeedThread(const std::function<void()> &call);

    QThread m_thread;
    FeedPipeline *m_pipeline = nullptr; // lives on m_thread, deleted when it finishes
    ReplaySource *m_replay = nullptr;   // the pipeline's source when it is a replay
};

} // namespace vantage
