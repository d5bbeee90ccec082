#include "feed/ReplayDensityHistogram.h"

#include <algorithm>

namespace vantage {

ReplayDensityHistogram::ReplayDensityHistogram(int bucketCount)
    : m_counts(std::size_t(std::max(bucketCount, 2)), 0)
{}

void ReplayDensityHistogram::add(qint64 timeMs, quint64 frames)
{
    if (!m_originMs)
        m_originMs = timeMs;
    const qint64 sinceOrigin = std::max<qint64>(timeMs - *m_originMs, 0);
    while (sinceOrigin / m_widthMs >= qint64(m_counts.size()))
        doubleWidth();
    m_counts[std::size_t(sinceOrigin / m_widthMs)] += frames;
    m_total += frames;
}

void ReplayDensityHistogram::doubleWidth()
{
    const std::size_t size = m_counts.size();
    for (std::size_t i = 0; i < size; ++i) {
        const std::size_t from = 2 * i;
        m_counts[i] = from < size ? m_counts[from] + (from + 1 < size ? m_counts[from + 1] : 0) : 0;
    }
    m_widthMs *= 2;
}

} // namespace vantage
