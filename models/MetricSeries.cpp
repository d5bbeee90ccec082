#include "models/MetricSeries.h"

#include <QtNumeric>

namespace vantage {

MetricSeries::MetricSeries(qsizetype capacity)
    : m_points(capacity)
{
}

void MetricSeries::append(qint64 tsMs, double v)
{
    m_points.push(MetricPoint{tsMs, v});
}

qsizetype MetricSeries::size() const
{
    return m_points.size();
}

qsizetype MetricSeries::capacity() const
{
    return m_points.capacity();
}

MetricPoint MetricSeries::at(qsizetype i) const
{
    return m_points.newest(m_points.size() - 1 - i);
}

double MetricSeries::latest() const
{
    return m_points.isEmpty() ? qQNaN() : m_points.newest(0).value;
}

qint64 MetricSeries::latestTs() const
{
    return m_points.isEmpty() ? 0 : m_points.newest(0).tsMs;
}

} // namespace vantage
