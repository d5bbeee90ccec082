#include "feed/RetryingSource.h"

#include "feed/FeedLogging.h"
#include "feed/HttpRequestSetup.h"
#include "feed/UrlRedaction.h"

#include <QTimer>

#include <algorithm>
#include <limits>
#include <utility>

namespace vantage {

RetryingSource::RetryingSource(const QString &transport, QUrl url, QByteArray bearerToken,
                               const ReconnectPolicy::Settings &reconnect, QObject *parent)
    : FrameSource(parent)
    , m_url(std::move(url))
    , m_bearerToken(std::move(bearerToken))
    , m_displayUrl(redactUrl(m_url))
    , m_settings(reconnect)
    , m_policy(reconnect)
    , m_retryTimer(new QTimer(this))
{
    m_monotonic.start();
    m_status.transport = transport;
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &RetryingSource::attempt);
}

void RetryingSource::setNowFn(NowFn now)
{
    m_now = now ? std::move(now) : NowFn(systemNowMs);
}

void RetryingSource::setRandomFn(ReconnectPolicy::RandomFn random)
{
    m_random = std::move(random);
}

void RetryingSource::start()
{
    if (m_running)
        return;
    m_running = true;
    restartBackoff();
    m_status.reason.clear();
    aboutToStart();
    attempt();
}

void RetryingSource::stop()
{
    const bool wasActive = m_running || hasTransport();
    m_running = false;
    m_retryTimer->stop();
    if (m_live)
        m_policy.onDisconnected(monotonicMs());
    closeTransport();
    m_live = false;
    if (wasActive)
        setStatus(ConnectionState::Idle, QString());
}

void RetryingSource::reconnectNow()
{
    if (!m_running || hasTransport())
        return;
    attempt();
}

void RetryingSource::attempt()
{
    m_retryTimer->stop();
    // While the breaker is half-open its one probe is under way: no second attempt.
    if (!m_running || !m_policy.beginAttempt())
        return;
    connectTransport();
}

void RetryingSource::announceAttempt()
{
    qCDebug(lcFeed) << "connecting to" << m_displayUrl << "attempt" << m_policy.attempt();
    setStatus(ConnectionState::Connecting, m_status.reason);
}

void RetryingSource::enterLive()
{
    m_live = true;
    m_policy.onConnected(monotonicMs());
    if (m_connectedBefore)
        ++m_reconnects;
    m_connectedBefore = true;
    setStatus(ConnectionState::Live, QString());
}

void RetryingSource::fail(const QString &reason, CloseAction action)
{
    const bool wasLive = m_live;
    dropConnection();
    if (!m_running)
        return;
    qint64 delayMs = 0;
    switch (action) {
    case CloseAction::PersistentFailure:
        m_policy.onPersistentFailure();
        delayMs = m_policy.nextDelayMs();
        break;
    case CloseAction::RestartOrBusy:
        m_policy.onPersistentFailure();
        delayMs = m_policy.isOffline() ? m_policy.nextDelayMs() : m_policy.restartDelayMs();
        break;
    case CloseAction::OpenBreaker:
        m_policy.onServerBusy();
        delayMs = m_policy.nextDelayMs();
        break;
    case CloseAction::RestartDelay:
    case CloseAction::Reconnect:
    case CloseAction::Backoff:
    case CloseAction::Stop:
        // A connection that stayed up for stableAfterMs starts the backoff over; a quick drop counts.
        if (wasLive)
            m_policy.onDisconnected(monotonicMs());
        else
            m_policy.onAttemptFailed();
        delayMs = action == CloseAction::RestartDelay ? m_policy.restartDelayMs() : m_policy.nextDelayMs();
        break;
    }
    delayMs = retryDelayMs(delayMs);
    const ConnectionState state =
        m_policy.isOffline() ? ConnectionState::Offline : ConnectionState::Reconnecting;
    const QString safeReason = redacted(reason);
    qCWarning(lcFeed).noquote() << m_displayUrl << safeReason << "- retrying in" << delayMs << "ms";
    // Scheduled before the status goes out: a listener may stop this source (a failover moving on).
    attemptAfter(delayMs);
    setStatus(state, safeReason, m_now() + delayMs);
}

void RetryingSource::enterError(const QString &reason)
{
    if (m_live)
        m_policy.onDisconnected(monotonicMs());
    dropConnection();
    m_retryTimer->stop();
    // If this attempt was the breaker's probe, its slot is free again: reconnectNow() may probe.
    m_policy.onAttemptAbandoned();
    const QString safeReason = redacted(reason);
    const qint64 errorDelayMs = m_running ? m_policy.errorRetryDelayMs() : 0;
    if (errorDelayMs == 0) {
        qCWarning(lcFeed).noquote() << m_displayUrl << safeReason << "- not retrying";
        setStatus(ConnectionState::Error, safeReason);
        return;
    }
    // Not a failure for the breaker: its backoff paces outages; this retry keeps a fixed, slow pace.
    const qint64 delayMs = retryDelayMs(errorDelayMs);
    qCWarning(lcFeed).noquote() << m_displayUrl << safeReason << "- retrying in" << delayMs << "ms anyway";
    attemptAfter(delayMs);
    setStatus(ConnectionState::Error, safeReason, m_now() + delayMs);
}

void RetryingSource::attemptAfter(qint64 delayMs)
{
    m_retryTimer->start(int(std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max())));
}

void RetryingSource::restartBackoff()
{
    m_policy = ReconnectPolicy(m_settings, m_random);
}

void RetryingSource::setStatus(ConnectionState state, const QString &reason, qint64 retryAtMs)
{
    m_status.state = state;
    m_status.reason = redacted(reason);
    m_status.retryAtMs = retryAtMs;
    m_status.attempt = m_policy.attempt();
    m_status.sinceMs = m_now();
    m_status.breaker = m_policy.breakerState();
    m_status.transportRefused = m_transportRefused;
    Q_EMIT statusChanged(m_status);
}

QString RetryingSource::redacted(const QString &text) const
{
    // Belt and braces: a server could echo the token back in a close reason or an error page.
    return withoutSecrets(text, m_url, m_bearerToken);
}

void RetryingSource::dropConnection()
{
    dropTransport();
    m_live = false;
}

} // namespace vantage
