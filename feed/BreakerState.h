#pragma once

#include <QString>

namespace vantage {

// The circuit breaker's state: Closed (normal backoff), Open (retry budget spent: one probe per
// probe interval), HalfOpen (that probe is in flight; no other attempt may start).
enum class BreakerState : quint8 { Closed, Open, HalfOpen };

inline QLatin1String breakerStateName(BreakerState state)
{
    switch (state) {
    case BreakerState::Open: return QLatin1String("open");
    case BreakerState::HalfOpen: return QLatin1String("half-open");
    case BreakerState::Closed: break;
    }
    return QLatin1String("closed");
}

} // namespace vantage
