#pragma once

#include "feed/Clock.h"
#include "feed/FrameSource.h"
#include "feed/PollOptions.h"
#include "feed/ReconnectPolicy.h"

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
// max(intervalMs, ReconnectPolicy::nextDelayMs()), so backing off never polls faster than usual.
// A good response starts the backoff over. Same URL, token and TLS rules as SseSource.
class SnapshotPollSource final : public FrameSource
{
    Q_OBJECT
public:
    explicit SnapshotPollSource(PollOptions options, QObject *parent = nullptr);
    ~SnapshotPollSource() override;

    // Wall clock for receive times and retryAtMs; systemNowMs by default.
    void setNowFn(NowFn now);
    // Randomness for the backoff jitter (tests fix it); takes effect on the next start().
    void setRandomFn(ReconnectPolicy::RandomFn random);

    void start() override;
    void stop() override;
    // Polls at once unless a request is already under way (or the source is stopped).
    void reconnectNow() override;

    const ConnectionStatus &status() const { return m_status; }
    // Good responses handed to the sink since construction.
    int snapshots() const { return m_snapshots; }

private:
    void poll();
    void onFinished();
    void onTimeout();
    void onDownloadProgress(qint64 received, qint64 total);
    // Hands the body to the sink; false when it is not a snapshot.
    bool deliver(const QByteArray &body);
    void succeed();
    void fail(const QString &reason);
    void enterError(const QString &reason);
    void dropReply();
    void setStatus(ConnectionState state, const QString &reason, qint64 retryAtMs = 0);

    PollOptions m_options;
    QString m_displayUrl;
    NowFn m_now = systemNowMs;
    ReconnectPolicy::RandomFn m_random;
    ReconnectPolicy m_policy;
    QNetworkAccessManager *m_network = nullptr; // created in start(), on the thread it runs on
    QNetworkReply *m_reply = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_timeoutTimer = nullptr;
    ConnectionStatus m_status;
    QByteArray m_frame;     // reused for the wrapped seed 003 snapshot
    QString m_pendingError; // a TLS error, reported when the request ends
    bool m_running = false;
    int m_snapshots = 0;
};

} // namespace vantage
