#pragma once

#include <QString>
#include <QStringList>

#include <span>

namespace vantage {

// The three load averages of /proc/loadavg, "unknown" when it cannot be read.
QString loadAverage();

// Rounded to a whole number, with thousands separators: 1,234,567.
QString thousands(double value);

// With the given decimals; a negative value was not measured and is "-".
QString fixed(double value, int decimals);

// One line of a report table: each cell padded to its width, left-justified where the width is
// negative, right-justified where it is positive.
QString tableRow(const QStringList &cells, std::span<const int> widths);

} // namespace vantage
