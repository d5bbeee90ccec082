#include "models/GaugeHistory.h"

#include <algorithm>
#include <cmath>

namespace vantage {

void GaugeHistory::append(qint64 tsMs, double value)
{
    if (std::isnan(value) || (!m_raw.empty() && double(tsMs) < m_raw.back().x()))
        return;
    const QPointF point(double(tsMs), value);
    m_raw.push_back(point);
    if (qsizetype(m_raw.size()) > kRawSamples)
        m_raw.pop_front();
    const qint64 start = tsMs - tsMs % kBucketMs;
    if (m_buckets.empty() || m_buckets.back().startMs != start) {
        m_buckets.push_back({start, point, point});
        if (qsizetype(m_buckets.size()) > kBuckets)
            m_buckets.pop_front();
        return;
    }
    Bucket &bucket = m_buckets.back();
    if (value < bucket.low.y())
        bucket.low = point;
    if (value > bucket.high.y())
        bucket.high = point;
}

void GaugeHistory::clear()
{
    m_raw.clear();
    m_buckets.clear();
}

qint64 GaugeHistory::firstMs() const
{
    if (m_buckets.empty())
        return 0;
    // The oldest minute's lowest and highest, or the oldest of the samples all kept, if earlier.
    const Bucket &oldest = m_buckets.front();
    return qint64(std::min({oldest.low.x(), oldest.high.x(), m_raw.front().x()}));
}

std::vector<QPointF> GaugeHistory::points(qint64 fromMs, qint64 toMs) const
{
    // Where every sample is kept, and the minutes before it.
    const double rawFrom = m_raw.empty() ? double(toMs) + 1 : m_raw.front().x();
    std::vector<QPointF> all;
    for (const Bucket &bucket : m_buckets) {
        if (double(bucket.startMs) >= rawFrom)
            break;
        const bool lowFirst = bucket.low.x() <= bucket.high.x();
        for (const QPointF &point :
             {lowFirst ? bucket.low : bucket.high, lowFirst ? bucket.high : bucket.low}) {
            if (point.x() < rawFrom && (all.empty() || point.x() > all.back().x()))
                all.push_back(point);
        }
    }
    all.insert(all.end(), m_raw.begin(), m_raw.end());
    const auto byX = [](const QPointF &point, double x) { return point.x() < x; };
    auto first = std::lower_bound(all.begin(), all.end(), double(fromMs), byX);
    auto last = std::lower_bound(all.begin(), all.end(), std::nextafter(double(toMs), HUGE_VAL), byX);
    if (first != all.begin())
        --first;
    if (last != all.end())
        ++last;
    return {first, last};
}

} // namespace vantage
