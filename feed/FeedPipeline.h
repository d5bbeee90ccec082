#pragma once

#include "feed/Clock.h"
#include "feed/FeedBatch.h"
#include "feed/FrameIntake.h"
#include "feed/FrameSink.h"
#include "feed/FrameSource.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace vantage {

class FrameRecorder;
class LiveJournal;

// The worker-thread half of the data path: source -> decoder -> sequencer -> batch.
// Frames are decoded as they arrive; the batch is handed over a flush interval after
// its first frame, or at kMaxPendingMessages, and only when the GUI has consumed the
// previous one, so a slow GUI coalesces batches instead of queueing them.
class FeedPipeline final : public QObject, public FrameSink
{
    Q_OBJECT
public:
    static constexpr int kDefaultFlushIntervalMs = 16;
    // A flush that finds the GUI still applying the previous batch looks again this soon. A
    // whole interval later put the window's p99 latency at 36 ms at 10,000 events/s, handing
    // over the moment the previous batch is consumed left the GUI no pause and was worse
    // (docs/performance.md, "Latency").
    static constexpr int kHeldBackRetryMs = 4;
    // The most messages held for the GUI while it applies the batch before: at the limit the feed
    // thread waits for that batch to be consumed, then hands these over at once. Meanwhile it
    // leaves the socket unread, so TCP slows the sender down: nothing is dropped. 4,096 messages
    // are about 3 MB decoded, 30 ms of a 140,000 events/s stream. Each stall of the GUI left that
    // much in the allocator's free pages: 32,768 put steps of 10 to 45 MB in the RSS, 4,096 keeps
    // it within 5 MB (docs/performance.md, "Memory").
    static constexpr qsizetype kMaxPendingMessages = 4'096;
    // Recorded frames reach the file at most this long after they arrived.
    static constexpr int kRecordFlushIntervalMs = 1000;

    explicit FeedPipeline(std::unique_ptr<FrameSource> source, QObject *parent = nullptr,
                          int flushIntervalMs = kDefaultFlushIntervalMs, NowFn now = systemNowMs);
    ~FeedPipeline() override;

    // Every frame received from start() on is recorded, before decoding. Call before start(), on
    // the pipeline's thread. A recorder error shows in the stats (recordError); the feed goes on.
    void setRecorder(std::unique_ptr<FrameRecorder> recorder);
    // Records every frame received from now on, ending a recording in progress first. Returns why
    // the file could not be opened ("" when it was); the feed goes on either way.
    QString startRecording(std::unique_ptr<FrameRecorder> recorder);
    // Ends the recording in progress, if any: what it holds goes to the file.
    void stopRecording();
    // Journals every frame received from start() on (docs/journal.md). Call before start(), on
    // the pipeline's thread. A journal error shows in the stats (journalError); the feed goes on.
    void setJournal(std::unique_ptr<LiveJournal> journal);
    // What the journal and the recording buffer goes to their files now.
    void flushToDisk() { flushRecording(); }

    void start();
    // Stops the source and hands over everything pending at once, so nothing received is lost.
    void stop();
    void reconnectNow();
    // Sends an operator's acknowledgement upstream (docs/protocol.md, "alert_ack") when the
    // connection's hello said the server takes them; false when it did not or it cannot be sent.
    bool sendAck(const AlertAckInfo &ack);

    // Thread-safe: the consumer calls it when it has applied a batch.
    void batchConsumed();
    // Thread-safe. Between the two the feed thread does not wait for a batch to be consumed: for a
    // consumer that is about to wait for the feed thread itself.
    void suspendWaits();
    void resumeWaits();

    void onFrame(const ReceivedFrame &frame) override;
    void onStreamRestart() override { m_intake.restart(); }
    void onFrameRejected(QLatin1String reason) override;
    void onReplayProgress(const QString &file, quint64 linesRead, const ReplayPlayback &playback) override;
    void onLineSkipped(qint64 line, QLatin1String reason, QLatin1String description) override;
    void onReplaySeek(quint64 token, const QString &epoch, qint64 lastSeq) override;

Q_SIGNALS:
    void batchReady(const vantage::FeedBatchPtr &batch);
    void statusChanged(const vantage::ConnectionStatus &status);

private:
    void flush();
    // Past kMaxPendingMessages while a batch is in flight: waits until it is consumed.
    void waitForConsumer();
    // At kMaxPendingMessages: waits for the batch in flight, then hands over what is pending.
    void handOverAtTheLimit();
    void emitBatch(); // hands over what is pending, even while a batch is in flight
    void scheduleFlush();
    void countType(const QString &wireType);
    // Counts a replayed line that gave no event; the first few are logged with file and line.
    void countSkippedLine(qint64 line, QLatin1String reason, QLatin1String description);
    void onSourceStatus(const ConnectionStatus &status);
    void record(const ReceivedFrame &frame);
    void journal(const ReceivedFrame &frame);
    // Marks in the recording and the journal that the live connection went down or came back,
    // so a replay's timeline shows the gap (docs/recording.md).
    void markConnection(bool up);
    // What the recorder and the journal buffer goes to their files.
    void flushRecording();
    // Closes the recorder (if it has not failed already) and keeps its count and error in the stats.
    void endRecording();

    FrameSource *m_source; // child: moves to the worker thread with the pipeline
    std::unique_ptr<FrameRecorder> m_recorder;
    std::unique_ptr<LiveJournal> m_journal;
    QTimer m_recordFlushTimer;
    FrameIntake m_intake;
    FeedBatch m_pending;
    Message m_scratch;
    QTimer m_flushTimer;
    NowFn m_now;
    int m_flushIntervalMs;
    std::atomic<bool> m_inFlight{false};
    std::mutex m_consumedMutex;
    std::condition_variable m_consumed;
    int m_waitsSuspended = 0; // under m_consumedMutex
    bool m_everLive = false;
    bool m_acceptsAcks = false; // the latest hello listed "alert_ack"
    bool m_live = false;        // the source's last status was Live
    bool m_markedDown = false;  // a gap is open in the recording and the journal
};

} // namespace vantage
