#include "models/DashboardAggregates.h"

namespace vantage {

namespace {

// A string's heap block: its characters plus the shared header; copies share it, but a
// snapshot may be the last holder, so it is counted in full.
qint64 heapBytes(const QString &s)
{
    constexpr qint64 header = 16;
    return s.isNull() ? 0 : header + static_cast<qint64>(s.capacity()) * qint64(sizeof(QChar));
}

qint64 heapBytes(const std::vector<AlertRow> &rows)
{
    qint64 bytes = static_cast<qint64>(rows.capacity() * sizeof(AlertRow));
    for (const AlertRow &row : rows)
        bytes += heapBytes(row.info.id) + heapBytes(row.info.message) + heapBytes(row.reason) +
                 (row.ack ? heapBytes(row.ack->by) + heapBytes(row.ack->comment) : 0);
    return bytes;
}

} // namespace

qint64 DashboardAggregates::approxBytes() const
{
    // The counters are all inline.
    qint64 bytes = sizeof(DashboardAggregates);
    bytes += heapBytes(alerts.open) + heapBytes(alerts.resolved);
    bytes += static_cast<qint64>(series.series.capacity() * sizeof(MetricSeriesStore::NamedPoints));
    for (const MetricSeriesStore::NamedPoints &named : series.series)
        bytes += heapBytes(named.name) + static_cast<qint64>(named.points.capacity() * sizeof(MetricPoint));
    bytes += static_cast<qint64>(activeLocations.capacity() * sizeof(GeoLocation));
    for (const GeoLocation &location : activeLocations)
        bytes += heapBytes(location.country) + heapBytes(location.city);
    bytes += ruleState.approxBytes() - qint64(sizeof(AlertRuleEvaluator)); // its inline part is counted above
    return bytes;
}

} // namespace vantage
