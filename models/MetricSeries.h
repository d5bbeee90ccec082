#pragma once

#include "feed/Message.h"
#include "models/EventRing.h"

#include <QtGlobal>

namespace vantage {

struct MetricPoint
{
    qint64 tsMs = 0;
    double value = 0.0;

    friend bool operator==(const MetricPoint &a, const MetricPoint &b)
    {
        return a.tsMs == b.tsMs && sameNumber(a.value, b.value);
    }
};

// A fixed window of the newest samples of one gauge.
class MetricSeries
{
public:
    explicit MetricSeries(qsizetype capacity = 900);

    void append(qint64 tsMs, double v);
    qsizetype size() const;
    qsizetype capacity() const;
    MetricPoint at(qsizetype i) const; // 0 = oldest
    double latest() const;             // NaN if empty
    qint64 latestTs() const;           // 0 if empty

private:
    EventRing<MetricPoint> m_points;
};

} // namespace vantage
