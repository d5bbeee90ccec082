#include "feed/ReconnectPolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <utility>

namespace vantage {

namespace {

ReconnectPolicy::Settings sanitized(ReconnectPolicy::Settings s)
{
    s.baseMs = std::max(0, s.baseMs);
    s.capMs = std::max(s.baseMs, s.capMs);
    s.stableAfterMs = std::max(0, s.stableAfterMs);
    s.maxAttempts = std::max(1, s.maxAttempts);
    s.offlineProbeMs = std::max(0, s.offlineProbeMs);
    s.errorRetryMs = std::max(0, s.errorRetryMs);
    return s;
}

double clampedRandom(const ReconnectPolicy::RandomFn &random)
{
    const double r = random();
    return std::clamp(r, 0.0, std::nextafter(1.0, 0.0));
}

constexpr qint64 kRestartMinMs = 5'000;
constexpr qint64 kRestartMaxMs = 30'000;

} // namespace

ReconnectPolicy::ReconnectPolicy()
    : ReconnectPolicy(Settings{})
{
}

ReconnectPolicy::ReconnectPolicy(const Settings &settings, RandomFn random)
    : m_settings(sanitized(settings))
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

bool ReconnectPolicy::beginAttempt()
{
    if (!isOffline())
        return true;
    if (m_probeInFlight)
        return false;
    m_probeInFlight = true;
    return true;
}

void ReconnectPolicy::onConnected(qint64 nowMs)
{
    m_probeInFlight = false;
    m_connectedAtMs = nowMs;
}

void ReconnectPolicy::onDisconnected(qint64 nowMs)
{
    if (!isConnected())
        return;
    const qint64 uptimeMs = nowMs - m_connectedAtMs;
    m_connectedAtMs = -1;
    // A server that accepts and drops at once must not reset the backoff.
    if (uptimeMs >= m_settings.stableAfterMs)
        m_failures = 0;
    else
        ++m_failures;
}

void ReconnectPolicy::onPersistentFailure()
{
    m_connectedAtMs = -1;
    m_probeInFlight = false;
    ++m_failures;
}

void ReconnectPolicy::onAttemptFailed()
{
    m_probeInFlight = false;
    ++m_failures;
}

void ReconnectPolicy::onServerBusy()
{
    m_connectedAtMs = -1;
    m_probeInFlight = false;
    m_failures = std::max(m_failures + 1, m_settings.maxAttempts);
}

void ReconnectPolicy::onAttemptAbandoned()
{
    m_probeInFlight = false;
}

bool ReconnectPolicy::isOffline() const
{
    return !isConnected() && m_failures >= m_settings.maxAttempts;
}

BreakerState ReconnectPolicy::breakerState() const
{
    if (!isOffline())
        return BreakerState::Closed;
    return m_probeInFlight ? BreakerState::HalfOpen : BreakerState::Open;
}

qint64 ReconnectPolicy::restartDelayMs() const
{
    const double r = clampedRandom(m_random);
    return kRestartMinMs + qint64(std::floor(r * double(kRestartMaxMs - kRestartMinMs + 1)));
}

qint64 ReconnectPolicy::errorRetryDelayMs() const
{
    if (m_settings.errorRetryMs == 0)
        return 0;
    const double interval = m_settings.errorRetryMs;
    return qint64(interval + std::floor(clampedRandom(m_random) * interval / 10.0));
}

qint64 ReconnectPolicy::nextDelayMs() const
{
    const double r = clampedRandom(m_random);
    if (isOffline()) {
        const double probe = m_settings.offlineProbeMs;
        return qint64(probe + std::floor(r * probe / 10.0));
    }
    // Exponent capped well before overflow; the cap dominates long before 2^30.
    const int exponent = std::clamp(m_failures - 1, 0, 30);
    const double ceiling = std::min(double(m_settings.capMs), std::ldexp(double(m_settings.baseMs), exponent));
    return qint64(std::floor(r * (ceiling + 1.0)));
}

} // namespace vantage
