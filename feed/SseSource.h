#pragma once

#include "feed/RetryingSource.h"
#include "feed/SseOptions.h"
#include "feed/SseParser.h"

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace vantage {

// The live feed over Server-Sent Events (WHATWG EventSource semantics). Lives on the worker
// thread: streams the endpoint with a GET, turns every dispatched event into one frame for the
// sink, and reconnects by itself until stop(). SSE is one-way: sendText() stays false.
//
// Frames: an event of type "message" is a protocol v1 envelope and goes to the sink as is; any
// other type (seed 003's "connected", "stats", "event", "ping") becomes
// {"type":<event type>,"data":<event data>} so the decoder's seed profiles route it (blank data
// becomes null). Events larger than SseOptions::maxEventBytes are refused as "oversized_frame".
//
// Responses: 200 with Content-Type text/event-stream is Live; 204 means the server wants no
// reconnection (Error, until reconnectNow()); any other status, another content type, a network
// or TLS error, a connect timeout (no response headers within connectTimeoutMs) or a stall (no
// byte at all within stallTimeoutMs while Live) fails the attempt and retries. Redirects are
// followed only within the same origin (HttpRequestSetup.h); a redirect elsewhere fails the attempt.
//
// Resume: Last-Event-ID is the last event id this source has seen, or, before the first id,
// the pipeline's resume point ("E:SEQ"), so a switch from WebSocket to SSE resumes too.
//
// Retry rule: the wait before the next attempt is the server's last "retry:" value (kept across
// connections as EventSource keeps it, capped at reconnect.offlineProbeMs) plus
// ReconnectPolicy::nextDelayMs(). After a stream that ended normally and had stayed up for
// stableAfterMs the policy adds only its jitter, so the server's value is what the operator
// sees; repeated failures (quick drops, errors) add the policy's growing backoff on top. Once
// the retry budget is spent the breaker opens (RetryingSource) and probes one attempt at a time.
class SseSource final : public RetryingSource
{
    Q_OBJECT
public:
    explicit SseSource(SseOptions options, QObject *parent = nullptr);
    ~SseSource() override;

    // Successful connections after the first.
    using RetryingSource::reconnects;
    // The server's reconnection time from its last "retry:" field, or -1 before it sent one.
    qint64 serverRetryMs() const { return m_serverRetryMs; }

private:
    void connectTransport() override;
    void dropTransport() override;
    bool hasTransport() const override { return m_reply != nullptr; }
    // Forgets the server's retry value; creates the network access manager on the running thread.
    void aboutToStart() override;
    qint64 retryDelayMs(qint64 policyDelayMs) const override;
    // Decides on the response once its headers are in: Live, a failed attempt, or Error on 204.
    void onResponseHeaders();
    void onReadyRead();
    void onFinished();
    void onStallCheck();
    void onConnectTimeout();
    void onEvent(const SseEvent &event);

    SseOptions m_options;
    SseParser m_parser;
    QNetworkAccessManager *m_network = nullptr; // created in start(), on the thread it runs on
    QNetworkReply *m_reply = nullptr;
    QTimer *m_stallTimer = nullptr;
    QTimer *m_connectTimer = nullptr;
    QByteArray m_readBuffer; // reused for every read from the reply
    QByteArray m_wrapped;    // reused for every named event (sseEventFrame)
    QString m_pendingError;  // a TLS error, reported when the attempt ends
    qint64 m_serverRetryMs = -1;
    qint64 m_lastByteMs = 0;        // monotonic
    bool m_responseHandled = false; // the current reply's status has been acted on
};

} // namespace vantage
