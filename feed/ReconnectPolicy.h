#pragma once

#include "feed/BreakerState.h"

#include <QtGlobal>

#include <functional>

namespace vantage {

// When to retry a dropped connection: exponential backoff with full jitter, a reset only
// after a connection proved stable, and a slow probe once the retry budget is spent.
// Plain class driven by explicit times (ms, any monotonic origin) so it is unit-testable.
class ReconnectPolicy
{
public:
    struct Settings
    {
        int baseMs = 500;
        int capMs = 30'000;
        int stableAfterMs = 10'000;  // uptime after which a drop no longer counts as a failure
        int maxAttempts = 8;         // consecutive failures before going offline
        int offlineProbeMs = 60'000; // retry interval once offline
        int errorRetryMs = 0;        // 0: an Error stops retrying; else retry after this
    };

    // Returns a value in [0, 1).
    using RandomFn = std::function<double()>;

    ReconnectPolicy();
    explicit ReconnectPolicy(const Settings &settings, RandomFn random = {});

    const Settings &settings() const { return m_settings; }

    // Asks to start an attempt. False while the breaker is half-open: exactly one probe at a time.
    bool beginAttempt();
    void onConnected(qint64 nowMs);
    // A live connection ended: a failure unless it stayed up for stableAfterMs.
    void onDisconnected(qint64 nowMs);
    // A live connection ended in a way that will recur (a protocol error): a failure however
    // long it stayed up, so a server that keeps closing after a while cannot loop us.
    void onPersistentFailure();
    // An attempt ended before the connection was established.
    void onAttemptFailed();
    // The server said "try again later" (WebSocket 1013): open the breaker at once.
    void onServerBusy();
    // An attempt was given up without a verdict on the endpoint (the source stopped retrying):
    // no failure counts, but a half-open probe slot is free again for the next attempt.
    void onAttemptAbandoned();

    // The wait before the next attempt. After n consecutive failures (n >= 1) it is uniform
    // in [0, min(cap, base * 2^(n-1))]; once offline it is the probe interval plus up to 10%.
    qint64 nextDelayMs() const;
    // The wait after a "service restart" close (WebSocket 1012): uniform in [5 s, 30 s].
    qint64 restartDelayMs() const;
    // The wait before retrying after an Error (a refused token, an HTTP 204, a policy close):
    // errorRetryMs plus up to 10%, so walls refused together do not retry in step. 0 when an
    // Error stops retrying (errorRetryMs = 0).
    qint64 errorRetryDelayMs() const;
    // Consecutive failures so far.
    int attempt() const { return m_failures; }
    bool isConnected() const { return m_connectedAtMs >= 0; }
    bool isOffline() const;
    BreakerState breakerState() const;

private:
    Settings m_settings;
    RandomFn m_random;
    int m_failures = 0;
    qint64 m_connectedAtMs = -1;
    bool m_probeInFlight = false;
};

} // namespace vantage
