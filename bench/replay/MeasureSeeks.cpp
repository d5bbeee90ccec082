#include "MeasureSeeks.h"

#include "PeakRss.h"
#include "SeekIndexing.h"
#include "SeekTargets.h"
#include "SeekingReplay.h"

namespace vantage {

namespace {

constexpr qsizetype kFeedCapacity = 50'000; // the window's default (--feed-capacity)
// Generous: a seek reads about 60,000 frames, well under a second here.
constexpr int kSeekTimeoutMs = 120'000;

} // namespace

SeekMeasurement measureSeeks(const QString &path, int seekCount)
{
    SeekMeasurement result;
    const SeekIndex indexed = indexWithSeekPoints(path, kFeedCapacity);
    result.indexRssMb = peakRssMb();
    result.index = indexed.measured;
    result.seekPoints = indexed.points ? qint64(indexed.points->size()) : -1;
    result.bytesKept = indexed.bytesKept;
    result.everyFrames = indexed.everyFrames;
    if (!indexed.measured.error.isEmpty()) {
        result.error = indexed.measured.error;
        return result;
    }
    if (!indexed.points || indexed.points->empty() || !indexed.index->firstTimeMs ||
        !indexed.index->lastTimeMs) {
        result.error = QStringLiteral("the index has no seek points or no log times");
        return result;
    }
    const qint64 firstMs = *indexed.index->firstTimeMs;
    const qint64 spanMs = *indexed.index->lastTimeMs - firstMs;
    if (spanMs < seekCount) {
        result.error =
            QStringLiteral("the log spans %1 ms, too little for %2 seeks").arg(spanMs).arg(seekCount);
        return result;
    }

    SeekingReplay replay(path, indexed, kFeedCapacity);
    for (const qint64 targetMs : seekTargets(firstMs, *indexed.index->lastTimeMs, seekCount)) {
        const SeekingReplay::Seek seek = replay.seekTo(targetMs, kSeekTimeoutMs);
        if (!seek.problem.isEmpty()) {
            result.error = QStringLiteral("seek %1: %2").arg(result.seeks.size() + 1).arg(seek.problem);
            return result;
        }
        result.seeks.push_back({targetMs, double(targetMs - firstMs) / double(spanMs), seek.fromLine, seek.ms,
                                seek.frames, seek.lines});
    }
    result.seeksRssMb = peakRssMb();
    return result;
}

} // namespace vantage
