#pragma once

#include <QByteArray>

#include <optional>
#include <string_view>

namespace vantage {

// Parses an RFC 3339 date-time ("2026-11-22T20:03:10.123Z", "...+01:00") into ms since the
// Unix epoch. Fractional seconds of any length are accepted and truncated to milliseconds.
// Returns nullopt for anything that is not a valid RFC 3339 date-time (month 13, no offset, ...).
std::optional<qint64> parseRfc3339Ms(std::string_view text);

// Formats ms since the Unix epoch as "YYYY-MM-DDTHH:MM:SS.mmmZ" (always UTC, millisecond precision).
QByteArray formatRfc3339Ms(qint64 msSinceEpoch);

} // namespace vantage
