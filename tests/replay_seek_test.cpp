#include "feed/FeedPipeline.h"
#include "feed/LiveJournal.h"
#include "feed/ReplayIndexer.h"
#include "feed/ReplaySource.h"
#include "feed/ReplayTimestampReader.h"
#include "models/ActivityFeedModel.h"
#include "models/DashboardModels.h"
#include "models/MetricSeriesStore.h"
#include "models/ReplaySeekStateBuilder.h"
#include "models/ReplaySeeker.h"
#include "support/GzipFiles.h"
#include "support/ReplayIndexLogs.h"
#include "support/TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>

using namespace vantage;

namespace {

// A small feed, so that a seek into the log resumes well after its start (the feed must be filled
// again from the frames before the target, and a snapshot de-duplicates against 1,000 rows).
constexpr qsizetype kFeedCapacity = 300;

QString demoLog()
{
    return QStringLiteral(VANTAGE_BIN_DIR) + QStringLiteral("/../share/vantage/demo.ndjson");
}

// What a seek must reproduce: every feed row, every aggregate, and the map's events and places.
struct DashboardView
{
    std::vector<FeedItem> feed;
    DashboardAggregates aggregates;
    std::vector<GeoEvent> mapEvents;
    quint64 mapUnknown = 0;
    std::vector<GeoSessionPlace> mapSessions;
    bool operator==(const DashboardView &) const = default;
};

DashboardView viewOf(const DashboardModels &models)
{
    DashboardView view;
    for (int row = 0; row < models.feed()->rowCount(); ++row)
        view.feed.push_back(models.feed()->itemAt(row));
    view.aggregates = models.aggregates();
    for (qsizetype i = 0; i < models.geo()->eventCount(); ++i)
        view.mapEvents.push_back(models.geo()->event(i));
    view.mapUnknown = models.geo()->unknownCount();
    view.mapSessions = models.geo()->sessionPlaces();
    return view;
}

struct IndexedLog
{
    std::shared_ptr<const ReplayIndex> index;
    ReplaySeekPointsPtr points;
    GaugeArchivePtr history; // the gauges' histories over the whole log
    qint64 builderEveryFrames = 0;
};

IndexedLog indexWithPoints(const QString &path, ReplaySeekStateBuilder::Options options)
{
    IndexedLog log;
    options.publishHistory = [&log](GaugeArchivePtr history) { log.history = std::move(history); };
    ReplaySeekStateBuilder builder(options,
                                   [&log](ReplaySeekPointsPtr points) { log.points = std::move(points); });
    ReplayIndexOptions indexOptions;
    indexOptions.checkpointEveryLines = 50; // points can only be at checkpoints
    ReplayIndexer indexer(path, indexOptions);
    indexer.setObserver(&builder);
    std::atomic<bool> cancel{false};
    EXPECT_EQ(indexer.run(cancel), ReplayIndexer::Outcome::Finished) << indexer.error().toStdString();
    log.index = std::make_shared<const ReplayIndex>(indexer.takeIndex());
    log.builderEveryFrames = builder.everyFrames();
    return log;
}

// A replay on this thread, started paused, feeding its own dashboard through the real pipeline.
class PausedReplay
{
public:
    // With `log`, seeks use its index and seek points.
    explicit PausedReplay(const QString &path, const IndexedLog *log = nullptr)
        : m_models(nullptr, systemNowMs, kFeedCapacity)
    {
        if (log) {
            m_seeker.setIndex(log->index);
            m_seeker.setPoints(log->points);
            m_models.series()->setArchive(log->history);
        }
        ReplayOptions options;
        options.path = path;
        auto source = std::make_unique<ReplaySource>(options);
        m_source = source.get();
        m_pipeline = std::make_unique<FeedPipeline>(std::move(source), nullptr, 1);
        QObject::connect(m_pipeline.get(), &FeedPipeline::batchReady, [this](const FeedBatchPtr &batch) {
            if (batch->seekToken != 0)
                m_seeker.restoreFor(batch->seekToken);
            m_models.applyBatch(*batch);
            m_pipeline->batchConsumed();
        });
        m_source->setPaused(true);
        m_pipeline->start();
    }

    // Delivers frames one by one until the frame on `line` has been applied.
    void stepThroughLine(qint64 line)
    {
        while (m_source->playback().line < line && m_source->status().state == ConnectionState::Live)
            m_source->step();
        ASSERT_EQ(m_source->playback().line, line);
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_models.stats().replay.playback.line == line; }, 10'000));
    }

    // Seeks to `targetMs` and waits until the frames up to it have been applied.
    void seekTo(qint64 targetMs)
    {
        const std::optional<ReplaySeek> seek = m_seeker.prepare(targetMs);
        ASSERT_TRUE(seek.has_value());
        m_source->seek(*seek);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return m_models.stats().replay.playback.logTimeMs == targetMs &&
                       m_source->playback().logTimeMs == targetMs;
            },
            10'000));
    }

    DashboardModels &models() { return m_models; }
    ReplaySource &source() { return *m_source; }
    ReplaySeeker &seeker() { return m_seeker; }

private:
    DashboardModels m_models;
    ReplaySeeker m_seeker{&m_models};
    ReplaySource *m_source = nullptr;
    std::unique_ptr<FeedPipeline> m_pipeline;
};

// The last line whose frame has a time at or before `targetMs` (a bare log: the "ts").
qint64 lastLineAtOrBefore(const QString &path, qint64 targetMs)
{
    ReplayTimestampReader timestamps;
    const QByteArrayList lines = test::readLines(path);
    qint64 last = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const std::optional<qint64> t = timestamps.read(lines[i]);
        if (t && *t > targetMs)
            break;
        last = i + 1;
    }
    return last;
}

ReplaySeekStateBuilder::Options smallFeedOptions()
{
    ReplaySeekStateBuilder::Options options;
    options.feedCapacity = kFeedCapacity;
    options.everyFrames = 50; // points close together: a seek that refilled too little of the feed shows
    return options;
}

class SeekingAReplay : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(QFileInfo::exists(demoLog()));
        m_log = indexWithPoints(demoLog(), smallFeedOptions());
        ASSERT_TRUE(m_log.index && m_log.points);
        ASSERT_GT(m_log.points->size(), 10u);
        m_firstMs = *m_log.index->firstTimeMs;
        m_spanMs = *m_log.index->lastTimeMs - m_firstMs;
    }

    // A moment `fraction` of the way through the log, on a whole second plus 137 ms so it falls
    // between frames.
    qint64 at(double fraction) const
    {
        return m_firstMs + qint64(double(m_spanMs) * fraction) / 1000 * 1000 + 137;
    }

    // The dashboard at `targetMs` reached by playing every frame up to it.
    // `headerLines`: 1 for a recording of the demo log, whose frames sit one line lower.
    DashboardView straightThrough(const QString &path, qint64 targetMs, qint64 headerLines = 0)
    {
        PausedReplay replay(path);
        replay.stepThroughLine(lastLineAtOrBefore(demoLog(), targetMs) + headerLines);
        return viewOf(replay.models());
    }

    IndexedLog m_log;
    qint64 m_firstMs = 0;
    qint64 m_spanMs = 0;
};

} // namespace

TEST_F(SeekingAReplay, SeekForwardGivesTheStateOfPlayingStraightThrough)
{
    const qint64 target = at(0.7);
    const DashboardView expected = straightThrough(demoLog(), target);
    ASSERT_EQ(qsizetype(expected.feed.size()), kFeedCapacity);
    ASSERT_GT(expected.aggregates.alerts.open.size() + expected.aggregates.alerts.resolved.size(), 0u);
    ASSERT_GT(expected.mapEvents.size(), 0u);
    ASSERT_GT(expected.mapSessions.size(), 0u);

    PausedReplay replay(demoLog(), &m_log);
    replay.seekTo(target);

    EXPECT_EQ(viewOf(replay.models()), expected);
    // Resumed from a checkpoint well into the log, not from its start.
    EXPECT_GT(replay.seeker().lastSeekFromLine(), 1000);
    EXPECT_TRUE(replay.source().playback().paused);
}

TEST_F(SeekingAReplay, TheChartsKeepTheWholeLogsHistoryUpToTheTargetAfterASeek)
{
    ASSERT_TRUE(m_log.history);
    const qint64 target = at(0.9);
    PausedReplay straight(demoLog());
    straight.stepThroughLine(lastLineAtOrBefore(demoLog(), target));
    const MetricSeriesStore *played = straight.models().series();
    ASSERT_FALSE(played->names().isEmpty());

    PausedReplay replay(demoLog(), &m_log);
    replay.seekTo(at(0.2));
    replay.seekTo(target);
    const MetricSeriesStore *sought = replay.models().series();
    // After the log's first instant, where the snapshot and the first metrics message both give
    // a sample, and a history kept by minutes holds one of them.
    const auto afterFirst = [&](const std::vector<QPointF> &points) {
        std::vector<QPointF> after;
        std::copy_if(points.begin(), points.end(), std::back_inserter(after),
                     [&](const QPointF &point) { return point.x() > double(m_firstMs); });
        return after;
    };
    for (const QString &name : played->names()) {
        const std::vector<QPointF> expected = played->history(name, m_firstMs, target);
        const std::vector<QPointF> actual = sought->history(name, m_firstMs, target);
        // From the log's first sample, which the seek's restored window does not reach.
        ASSERT_GT(expected.size(), 3000u) << name.toStdString();
        ASSERT_FALSE(actual.empty()) << name.toStdString();
        EXPECT_EQ(actual.front().x(), double(m_firstMs)) << name.toStdString();
        EXPECT_EQ(afterFirst(actual), afterFirst(expected)) << name.toStdString();
    }
    const MetricSeries *window = sought->series(played->names().constFirst());
    ASSERT_NE(window, nullptr);
    EXPECT_GT(window->at(0).tsMs, m_firstMs + 30 * 60'000);
}

TEST_F(SeekingAReplay, SeekBackAfterPlayingOnGivesTheEarlierState)
{
    const qint64 early = at(0.35);
    const DashboardView expected = straightThrough(demoLog(), early);

    PausedReplay replay(demoLog(), &m_log);
    replay.seekTo(at(0.9));
    ASSERT_NE(viewOf(replay.models()), expected);
    replay.seekTo(early);

    EXPECT_EQ(viewOf(replay.models()), expected);
}

TEST_F(SeekingAReplay, SeekNearTheStartResumesFromTheFirstLine)
{
    const qint64 target = at(0.01);
    const DashboardView expected = straightThrough(demoLog(), target);

    PausedReplay replay(demoLog(), &m_log);
    replay.seekTo(at(0.5));
    replay.seekTo(target);

    EXPECT_EQ(replay.seeker().lastSeekFromLine(), m_log.index->checkpoints.front().line);
    EXPECT_EQ(viewOf(replay.models()), expected);
}

TEST_F(SeekingAReplay, PlaybackGoesOnFromTheTargetAfterASeek)
{
    const qint64 target = at(0.5);
    const qint64 line = lastLineAtOrBefore(demoLog(), target);

    PausedReplay replay(demoLog(), &m_log);
    replay.seekTo(target);
    replay.source().step();

    EXPECT_EQ(replay.source().playback().line, line + 1);
    EXPECT_GT(replay.source().playback().logTimeMs, target);
}

TEST_F(SeekingAReplay, ASeekAfterTheReplayFinishedOpensTheLogAgain)
{
    const qint64 target = at(0.6);
    const DashboardView expected = straightThrough(demoLog(), target);

    PausedReplay replay(demoLog(), &m_log);
    replay.source().setSpeed(0.0);
    replay.source().setPaused(false);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return replay.source().status().state == ConnectionState::Finished; }, 30'000));
    replay.source().setPaused(true);
    replay.seekTo(target);

    EXPECT_EQ(replay.source().status().state, ConnectionState::Live);
    EXPECT_EQ(viewOf(replay.models()), expected);
}

TEST_F(SeekingAReplay, GzipLogSeeksToTheSameState)
{
    QTemporaryDir dir;
    const QString gz = dir.filePath(QStringLiteral("demo.ndjson.gz"));
    ASSERT_TRUE(test::writeGzip(gz, test::readBytes(demoLog())));
    const IndexedLog gzLog = indexWithPoints(gz, smallFeedOptions());
    const qint64 target = at(0.8);
    const DashboardView expected = straightThrough(demoLog(), target);

    PausedReplay replay(gz, &gzLog);
    replay.seekTo(target);

    EXPECT_EQ(viewOf(replay.models()), expected);
}

TEST_F(SeekingAReplay, RecordingSeeksToTheSameStateAsPlayingItStraightThrough)
{
    // Received at the times the frames carry, so the recording's times are the demo log's.
    const QByteArrayList frames = test::readLines(demoLog());
    ReplayTimestampReader timestamps;
    std::vector<qint64> receivedMs;
    for (const QByteArray &frame : frames)
        receivedMs.push_back(
            timestamps.read(frame).value_or(receivedMs.empty() ? m_firstMs : receivedMs.back()));
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("demo.vantage.ndjson"));
    ASSERT_TRUE(test::writeLines(recording, test::recordingOf(frames, [&](int i) { return receivedMs[i]; })));
    const IndexedLog recorded = indexWithPoints(recording, smallFeedOptions());
    ASSERT_EQ(recorded.index->format, ReplayIndex::Format::Recording);
    const qint64 target = at(0.65);
    const DashboardView expected = straightThrough(recording, target, 1);

    PausedReplay replay(recording, &recorded);
    replay.seekTo(target);

    EXPECT_EQ(viewOf(replay.models()), expected);
    EXPECT_EQ(expected, straightThrough(demoLog(), target));
}

TEST_F(SeekingAReplay, AJournalFolderSeeksAcrossItsSegmentsToTheSameState)
{
    // The demo log journaled as if received live, at the times its frames carry: six segments.
    QTemporaryDir dir;
    JournalOptions options;
    options.dir = dir.filePath(QStringLiteral("journal"));
    LiveJournal journal(options, RecordingHeader{QUrl(QStringLiteral("ws://127.0.0.1:1/stream")), {}, 0});
    ASSERT_TRUE(journal.open(m_firstMs));
    ReplayTimestampReader timestamps;
    qint64 receivedMs = m_firstMs;
    for (const QByteArray &frame : test::readLines(demoLog())) {
        receivedMs = timestamps.read(frame).value_or(receivedMs);
        ASSERT_TRUE(journal.record(ReceivedFrame{frame, receivedMs, QLatin1String("websocket")}));
    }
    journal.close();
    ASSERT_GE(listJournalSegments(options.dir).size(), 6u);
    const IndexedLog journaled = indexWithPoints(options.dir, smallFeedOptions());
    const qint64 target = at(0.55);
    const DashboardView expected = straightThrough(demoLog(), target);

    PausedReplay replay(options.dir, &journaled);
    replay.seekTo(target);

    EXPECT_EQ(viewOf(replay.models()), expected);
    EXPECT_GT(replay.seeker().lastSeekFromLine(), 1000);
}

TEST(ReplaySeekStateBuilder, StaysWithinItsBudgetByTakingPointsLessOften)
{
    ReplaySeekStateBuilder::Options options = smallFeedOptions();
    options.everyFrames = 1;
    options.budgetBytes = 512 * 1024; // a few points of the demo's nine gauges, 900 samples each
    ReplaySeekPointsPtr points;
    ReplaySeekStateBuilder builder(options, [&points](ReplaySeekPointsPtr p) { points = std::move(p); });
    ReplayIndexer indexer(demoLog());
    indexer.setObserver(&builder);
    std::atomic<bool> cancel{false};
    ASSERT_EQ(indexer.run(cancel), ReplayIndexer::Outcome::Finished);

    ASSERT_TRUE(points);
    EXPECT_LE(builder.bytesKept(), options.budgetBytes);
    EXPECT_GT(builder.everyFrames(), 1);
    EXPECT_GT(points->size(), 2u);
    EXPECT_EQ(points->front().checkpoint.line, indexer.index().checkpoints.front().line);
    for (std::size_t i = 1; i < points->size(); ++i)
        EXPECT_LT((*points)[i - 1].checkpoint.line, (*points)[i].checkpoint.line);
}
