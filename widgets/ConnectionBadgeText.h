#pragma once

#include "feed/ConnectionStatus.h"

#include <QString>

namespace vantage {

// The words of the connection badge, from a status, the current time and the data age.
struct ConnectionBadgeText
{
    // Data older than this is called out ("· data 2 min old").
    static constexpr qint64 staleAfterMs = 5000;

    // "Live", "Connecting…", "Reconnecting in 4 s (attempt 3)", "Offline, next probe in 52 s",
    // "Error: <reason>" (with " · retrying in 30 s" when a retry is due), each followed by
    // " · data 2 min old" once the data is stale.
    // dataAgeMs: -1 when nothing has arrived yet.
    static QString text(const ConnectionStatus &status, qint64 nowMs, qint64 dataAgeMs);
    // The status part alone, without the data age.
    static QString stateText(const ConnectionStatus &status, qint64 nowMs);
};

} // namespace vantage
