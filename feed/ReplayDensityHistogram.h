#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

namespace vantage {

// How many frames fall in each stretch of log time, for a replay timeline, in a fixed number of
// buckets whatever the span: bucket i counts the times in [origin + i * width, origin + (i + 1) *
// width). The width starts at 1 ms and doubles (neighbouring buckets merged) whenever a time falls
// past the last bucket, so memory stays at `bucketCount` counters for a log of any length. The
// origin is the first time added; an earlier time (a log slightly out of order) counts in bucket 0.
class ReplayDensityHistogram final
{
public:
    explicit ReplayDensityHistogram(int bucketCount = 1000);

    void add(qint64 timeMs, quint64 frames = 1);

    // nullopt until the first add().
    std::optional<qint64> originMs() const { return m_originMs; }
    qint64 bucketWidthMs() const { return m_widthMs; }
    const std::vector<quint64> &counts() const { return m_counts; }
    quint64 total() const { return m_total; }

private:
    void doubleWidth();

    std::vector<quint64> m_counts;
    std::optional<qint64> m_originMs;
    qint64 m_widthMs = 1;
    quint64 m_total = 0;
};

} // namespace vantage
