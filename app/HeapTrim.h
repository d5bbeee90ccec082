#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace vantage {

// Gives the allocator's free pages back to the system while the feed flows: at most once an
// interval, and only after batches were applied in it. glibc keeps in its heaps what the batches
// freed: after ten million events 10 to 17 MB free beside 32 MB in use, more after a burst. A trim
// took 0.4 to 4 ms on the GUI thread (docs/performance.md, "Memory"). An idle dashboard is not
// trimmed again.
class HeapTrim final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 30'000;
    using TrimFn = std::function<void()>;

    explicit HeapTrim(int intervalMs = kDefaultIntervalMs, TrimFn trim = trimFreePages,
                      QObject *parent = nullptr);

    // A batch was applied: the heap is trimmed at the end of the interval under way, or of one
    // that starts now.
    void noteBatch();

    quint64 trims() const { return m_trims; }
    double longestTrimMs() const { return m_longestMs; }

    // Returns the free pages of every heap of this process to the system (glibc's malloc_trim).
    static void trimFreePages();

private:
    void trim();

    TrimFn m_trim;
    QTimer m_timer;
    quint64 m_trims = 0;
    double m_longestMs = 0;
};

} // namespace vantage
