#pragma once

#include <QPointF>

#include <deque>
#include <vector>

namespace vantage {

// A gauge's history for the metrics page's charts, from the session's start, in bounded memory:
// every sample of the newest hour, and for the week before it each minute's lowest and highest
// sample, so a chart of 24 hours or 7 days still shows every spike. About 380 KB a gauge at
// most, at one sample a second.
class GaugeHistory
{
public:
    static constexpr qsizetype kRawSamples = 3600;
    static constexpr qint64 kBucketMs = 60'000;
    static constexpr qsizetype kBuckets = 7 * 24 * 60;

    // Samples come in time order; one older than the newest is left out.
    void append(qint64 tsMs, double value);
    void clear();
    bool isEmpty() const { return m_buckets.empty(); }
    // The time of the oldest sample kept; meaningless when empty.
    qint64 firstMs() const;

    // Points (x: ms since the epoch) from fromMs to toMs, in time order, with the nearest point
    // outside the range on either side: every sample where the newest hour reaches, each
    // minute's lowest and highest before that. NaN samples are gaps and are left out.
    std::vector<QPointF> points(qint64 fromMs, qint64 toMs) const;

private:
    struct Bucket
    {
        qint64 startMs = 0;
        QPointF low;
        QPointF high;
    };

    std::deque<QPointF> m_raw;
    std::deque<Bucket> m_buckets;
};

} // namespace vantage
