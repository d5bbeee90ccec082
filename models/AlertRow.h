#pragma once

#include "feed/Message.h"
#include "models/AlertAck.h"

#include <optional>

namespace vantage {

// One alert as AlertModel keeps it: the alert as last raised, when it was first raised and last
// updated, once resolved when and why, and what operators did about it.
struct AlertRow
{
    AlertInfo info;
    qint64 raisedAtMs = 0;
    qint64 resolvedAtMs = 0; // 0 while open
    QString reason;
    qint64 updatedAtMs = 0; // the latest alert message for the id (the auto-resolve timeout runs from it)
    std::optional<AlertAck> ack;
    qint64 silencedUntilMs = 0; // 0 when not silenced
    bool autoResolved = false;  // resolved by the client's autoResolve timeout

    friend bool operator==(const AlertRow &, const AlertRow &) = default;
};

} // namespace vantage
