#pragma once

#include "app/HeapTrim.h"
#include "feed/ConnectionStatus.h"
#include "feed/DurationHistogram.h"
#include "feed/FeedBatch.h"
#include "feed/FrameRecorder.h"
#include "feed/FrameSource.h"
#include "feed/LiveJournal.h"
#include "feed/Message.h"

#include <QObject>

#include <memory>
#include <vector>

namespace vantage {

class DashboardModels;
class FeedWorker;

// One running data path: a source on the feed thread feeding the dashboard models on
// this thread, optionally recording and journaling what it receives. Shared by the window and the
// headless runner, so both see the same state.
class FeedSession final : public QObject
{
    Q_OBJECT
public:
    FeedSession(std::unique_ptr<FrameSource> source, DashboardModels *models,
                std::unique_ptr<FrameRecorder> recorder = {}, QObject *parent = nullptr,
                std::unique_ptr<LiveJournal> journal = {});
    ~FeedSession() override;

    void start();
    // Stops the source and applies everything it had received. Idempotent.
    void finish();
    void reconnectNow();
    // Sends an operator's acknowledgement to the server, when the stream takes them: ackSent says.
    void sendAck(const AlertAckInfo &ack);
    // Applies batches and statuses to `models` from now on (the window looking back while the
    // live session goes on underneath). The caller brings their state up to date first.
    void setModels(DashboardModels *models) { m_models = models; }
    DashboardModels *models() const { return m_models; }

    const std::vector<ConnectionStatus> &history() const { return m_history; }
    // For each event applied: the wall-clock time from its "ts" to the end of its batch's
    // application. From a live sender that stamps events as it sends them (vantage-relay --rate),
    // this is the latency from send to model (docs/performance.md).
    const DurationHistogram &eventLatency() const { return m_eventLatency; }
    // Trims the allocator's free pages while batches are applied (docs/performance.md, "Memory").
    const HeapTrim &heapTrim() const { return m_heapTrim; }
    // Playback control of a replay and recording, carried out on the feed thread.
    FeedWorker *worker() const { return m_worker.get(); }

Q_SIGNALS:
    void sourceEnded(); // a finite source finished, or an error that retrying cannot fix
    // A batch carries a replay seek's token (FeedBatch::seekToken): emitted just before it is
    // applied, so the state saved for the seek is restored first.
    void replaySeekReached(quint64 token);
    // Whether an acknowledgement went to the server (false: the stream does not take them).
    void ackSent(const QString &alertId, bool sent);

private:
    void onStatus(const ConnectionStatus &status);
    void countLatency(const FeedBatch &batch);

    DashboardModels *m_models;
    std::unique_ptr<FeedWorker> m_worker;
    std::vector<ConnectionStatus> m_history;
    DurationHistogram m_eventLatency;
    HeapTrim m_heapTrim;
    bool m_finished = false;
};

} // namespace vantage
