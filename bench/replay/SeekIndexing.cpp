#include "SeekIndexing.h"

#include "feed/ReplayIndexer.h"
#include "models/ReplaySeekStateBuilder.h"

#include <QElapsedTimer>

#include <atomic>

namespace vantage {

SeekIndex indexWithSeekPoints(const QString &path, qsizetype feedCapacity)
{
    SeekIndex result;
    QElapsedTimer clock;
    clock.start();
    ReplaySeekStateBuilder::Options options;
    options.feedCapacity = feedCapacity;
    ReplaySeekStateBuilder builder(
        options, [&result](ReplaySeekPointsPtr points) { result.points = std::move(points); });
    ReplayIndexer indexer(path);
    indexer.setObserver(&builder);
    const std::atomic<bool> cancel{false};
    const ReplayIndexer::Outcome outcome = indexer.run(cancel);
    result.measured = indexMeasurement(indexer, outcome, double(clock.nsecsElapsed()) / 1e9);
    result.everyFrames = builder.everyFrames();
    result.bytesKept = builder.bytesKept();
    result.index = std::make_shared<const ReplayIndex>(indexer.takeIndex());
    return result;
}

} // namespace vantage
