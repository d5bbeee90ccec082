#pragma once

#include <QString>

namespace vantage {

// Number formatting shared by tiles, cards and delegates. A fixed locale keeps the wall
// display and the tests identical on every workstation.
namespace ValueFormat {

// "12,340"; values of a million and more are compacted ("1.25M"). NaN gives "—".
QString count(double value, int decimals = 0);
// "£12,340" (whole units from a thousand up) or "£250.50"; unknown codes are prefixed ("CHF 12"). NaN gives "—".
QString currency(double value, const QString &currencyCode);
// "▲ 12% vs prev. hour", "▼ 4.5% vs prev. hour", "0% vs prev. hour"; NaN gives "—". `versus`
// names another comparison: "prev. period" gives "▲ 12% vs prev. period".
QString trend(double percent, const QString &versus = QString());
// "8 s", "2 min", "3 h 5 min": a compact age for badges and alert rows.
QString duration(qint64 ms);

} // namespace ValueFormat

} // namespace vantage
