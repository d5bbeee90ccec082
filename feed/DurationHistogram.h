#pragma once

#include <QtGlobal>

#include <array>

namespace vantage {

// Durations in microseconds, counted in buckets that keep about 3 % of precision at any scale
// (32 to an octave; exact below 64 µs), in a fixed 11 KB: fit to count every event of a stream
// that runs for weeks. The maximum is kept exactly.
class DurationHistogram final
{
public:
    // A negative duration (a sender's clock ahead of ours) counts as 0.
    void add(qint64 us);

    quint64 count() const { return m_count; }
    qint64 maxUs() const { return m_maxUs; }
    // The duration at or under which `fraction` (0..1] of those counted lie: the upper edge of its
    // bucket, never above the maximum. 0 when nothing was counted.
    qint64 percentileUs(double fraction) const;

private:
    static constexpr int kExact = 64;
    static constexpr int kPerOctave = 32;
    static constexpr int kOctaves = 42; // 2^47 µs: four years
    static constexpr int kBuckets = kExact + kOctaves * kPerOctave;

    static int bucketOf(qint64 us);
    static qint64 upperEdge(int bucket);

    std::array<quint64, kBuckets> m_buckets{};
    quint64 m_count = 0;
    qint64 m_maxUs = 0;
};

} // namespace vantage
