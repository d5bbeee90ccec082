#pragma once

#include "feed/Clock.h"
#include "feed/CloseCodeAction.h"
#include "feed/FrameSource.h"
#include "feed/ReconnectPolicy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QUrl>

class QTimer;

namespace vantage {

// What every live source that reconnects by itself shares: the ReconnectPolicy with its circuit
// breaker, the retry timer, the clocks and the ConnectionStatus it reports. A subclass opens,
// drops and watches its transport and says how an attempt ended (enterLive(), fail(),
// enterError()); this class decides when the next attempt starts and what the status says.
class RetryingSource : public FrameSource
{
    Q_OBJECT
public:
    // Wall clock for receive times, sinceMs and retryAtMs; systemNowMs by default.
    void setNowFn(NowFn now);
    // Randomness for the backoff jitter (tests fix it); takes effect on the next start().
    void setRandomFn(ReconnectPolicy::RandomFn random);

    void start() final;
    void stop() final;
    // Skips the current wait (Reconnecting, Offline or Error) and tries at once, unless an
    // attempt or a connection is under way. Once the breaker is open, the attempt is its probe.
    void reconnectNow() final;

    const ConnectionStatus &status() const { return m_status; }

protected:
    // `url` and `bearerToken` are what reasons and logs must never show in clear.
    RetryingSource(const QString &transport, QUrl url, QByteArray bearerToken,
                   const ReconnectPolicy::Settings &reconnect, QObject *parent);

    // Starts an attempt; the policy has allowed it.
    virtual void connectTransport() = 0;
    // Ends the attempt or connection at once and quietly.
    virtual void dropTransport() = 0;
    // How stop() ends it; a live connection may be closed politely. Drops it by default.
    virtual void closeTransport() { dropTransport(); }
    // An attempt or a connection is under way.
    virtual bool hasTransport() const = 0;
    // Runs in start() before the first attempt, on the thread the source lives on.
    virtual void aboutToStart() {}
    // The wait before the next attempt, given the policy's; a subclass may stretch it.
    virtual qint64 retryDelayMs(qint64 policyDelayMs) const { return policyDelayMs; }

    // Connecting, keeping the last failure's reason on show.
    void announceAttempt();
    // The transport is established: Live, and the policy times how long it stays up.
    void enterLive();
    // Drops the transport, tells the policy how the attempt or connection ended and schedules
    // the next attempt (Reconnecting, or Offline once the breaker is open).
    void fail(const QString &reason, CloseAction action = CloseAction::Backoff);
    // Drops the transport for a cause retrying does not fix by itself. Stops retrying until
    // reconnectNow() or a new start(), unless the settings' errorRetryMs asks for a retry (a
    // kiosk): then the next attempt is due after that, and the Error status says when.
    void enterError(const QString &reason);
    // Runs the next attempt after `delayMs` unless stopped or tried sooner.
    void attemptAfter(qint64 delayMs);
    // Forgets the failures so far: the next failure backs off from the start.
    void restartBackoff();
    void setTransportRefused(bool refused) { m_transportRefused = refused; }
    void setStatus(ConnectionState state, const QString &reason, qint64 retryAtMs = 0);
    // `text` with the token and the URL's secrets hidden, fit for a status or a log.
    QString redacted(const QString &text) const;

    bool isLive() const { return m_live; }
    // Successful connections after the first.
    int reconnects() const { return m_reconnects; }
    qint64 nowMs() const { return m_now(); }
    qint64 monotonicMs() const { return m_monotonic.elapsed(); }
    const QString &displayUrl() const { return m_displayUrl; }
    const ReconnectPolicy &policy() const { return m_policy; }

private:
    void attempt();
    void dropConnection();

    QUrl m_url;
    QByteArray m_bearerToken;
    QString m_displayUrl;
    ReconnectPolicy::Settings m_settings;
    ReconnectPolicy::RandomFn m_random;
    ReconnectPolicy m_policy;
    NowFn m_now = systemNowMs;
    QElapsedTimer m_monotonic; // the policy's clock: wall-clock jumps must not fake an uptime
    QTimer *m_retryTimer = nullptr;
    ConnectionStatus m_status;
    bool m_running = false;
    bool m_live = false;
    bool m_connectedBefore = false;
    bool m_transportRefused = false; // the attempt got an answer, but one refusing this transport
    int m_reconnects = 0;
};

} // namespace vantage
