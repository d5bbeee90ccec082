#pragma once

#include "feed/PollOptions.h"
#include "feed/RetryingSource.h"

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace vantage {

// The last resort when neither WebSocket nor SSE streams: GETs a JSON snapshot every
// PollOptions::intervalMs and hands it to the sink as one frame. Lives on the worker thread.
//
// A body that is a JSON object with a top-level "type" (a protocol v1 envelope such as the
// relay's snapshot) goes to the sink as is; one without "type" but with a "data" object (seed
// 003's {"data":{...},"meta":{...}}) becomes {"type":"stats","data":<data>}; anything else is
// refused as "bad_snapshot_response" and fails the poll.
//
// Status: Connecting until the first good response, then Live. A failed poll (network or TLS
// error, a status other than 200, a timeout, a bad or oversized body) is Reconnecting (Offline
// once the retry budget is spent) with the reason, and the next poll waits
// max(intervalMs, ReconnectPolicy::nextDelayMs()), so backing off never polls faster than usual;
// once the retry budget is spent the breaker opens and polls are probes, one at a time.
// A good response starts the backoff over. Same URL, token and TLS rules as SseSource.
// reconnectNow() polls at once unless a request is already under way.
class SnapshotPollSource final : public RetryingSource
{
    Q_OBJECT
public:
    explicit SnapshotPollSource(PollOptions options, QObject *parent = nullptr);
    ~SnapshotPollSource() override;

    // Good responses handed to the sink since construction.
    int snapshots() const { return m_snapshots; }

private:
    // One poll: every request is an attempt, the routine ones while Live included.
    void connectTransport() override;
    void dropTransport() override;
    bool hasTransport() const override { return m_reply != nullptr; }
    // Creates the network access manager on the thread the source runs on.
    void aboutToStart() override;
    qint64 retryDelayMs(qint64 policyDelayMs) const override;
    void onFinished();
    void onTimeout();
    void onDownloadProgress(qint64 received, qint64 total);
    // Hands the body to the sink; false when it is not a snapshot.
    bool deliver(const QByteArray &body);
    void succeed();

    PollOptions m_options;
    QNetworkAccessManager *m_network = nullptr; // created in start(), on the thread it runs on
    QNetworkReply *m_reply = nullptr;
    QTimer *m_timeoutTimer = nullptr;
    QByteArray m_frame;     // reused for the wrapped seed 003 snapshot
    QString m_pendingError; // a TLS error, reported when the request ends
    int m_snapshots = 0;
};

} // namespace vantage
