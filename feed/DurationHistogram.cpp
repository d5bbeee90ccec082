#include "feed/DurationHistogram.h"

#include <bit>
#include <cmath>

namespace vantage {

namespace {

// Bits below the top six of a value at or above 64: the width of its bucket, as a shift.
int shiftOf(quint64 value)
{
    return int(std::bit_width(value)) - 6;
}

} // namespace

int DurationHistogram::bucketOf(qint64 us)
{
    const auto value = quint64(qMax<qint64>(us, 0));
    if (value < quint64(kExact))
        return int(value);
    const int shift = shiftOf(value);
    // The top six bits run from 32 to 63 within an octave.
    const int bucket = kExact + (shift - 1) * kPerOctave + int(value >> shift) - kPerOctave;
    return qMin(bucket, kBuckets - 1);
}

qint64 DurationHistogram::upperEdge(int bucket)
{
    if (bucket < kExact)
        return bucket;
    const int shift = (bucket - kExact) / kPerOctave + 1;
    const qint64 top = (bucket - kExact) % kPerOctave + kPerOctave;
    return ((top + 1) << shift) - 1;
}

void DurationHistogram::add(qint64 us)
{
    ++m_buckets[size_t(bucketOf(us))];
    ++m_count;
    m_maxUs = qMax(m_maxUs, qMax<qint64>(us, 0));
}

qint64 DurationHistogram::percentileUs(double fraction) const
{
    if (m_count == 0)
        return 0;
    const auto rank = quint64(qMax(1.0, std::ceil(qBound(0.0, fraction, 1.0) * double(m_count))));
    quint64 seen = 0;
    for (int bucket = 0; bucket < kBuckets; ++bucket) {
        seen += m_buckets[size_t(bucket)];
        // The last bucket also holds everything beyond it.
        if (seen >= rank)
            return bucket == kBuckets - 1 ? m_maxUs : qMin(upperEdge(bucket), m_maxUs);
    }
    return m_maxUs;
}

} // namespace vantage
