#include "feed/FeedPipeline.h"
#include "feed/FeedWorker.h"
#include "feed/FrameSink.h"
#include "feed/ReplaySource.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>

using namespace vantage;

namespace {

// A finite in-memory source: the seam for exercising the pipeline without a network.
class ScriptedSource final : public FrameSource
{
public:
    explicit ScriptedSource(QList<QByteArray> frames) : m_frames(std::move(frames)) {}

    void start() override
    {
        m_startThread = QThread::currentThread();
        ConnectionStatus live;
        live.state = ConnectionState::Live;
        live.transport = QStringLiteral("script");
        Q_EMIT statusChanged(live);
        deliver(m_frames);
        ConnectionStatus done = live;
        done.state = ConnectionState::Finished;
        Q_EMIT statusChanged(done);
    }
    void deliver(const QList<QByteArray> &frames)
    {
        for (const QByteArray &frame : frames)
            sink()->onFrame({frame, 1'000, QLatin1String("replay")});
    }
    void stop() override {}
    bool sendText(const QByteArray &text) override
    {
        m_sent << text;
        return true;
    }

    QThread *startThread() const { return m_startThread; }
    const QList<QByteArray> &sent() const { return m_sent; }

private:
    QList<QByteArray> m_frames;
    QList<QByteArray> m_sent;
    QThread *m_startThread = nullptr;
};

QByteArray eventFrame(int seq)
{
    return QByteArrayLiteral(R"({"v":1,"type":"event","seq":)") + QByteArray::number(seq)
           + QByteArrayLiteral(R"(,"data":{"id":"e","type":"signup","user_name":"n"}})");
}

struct Collected
{
    int batches = 0;
    std::size_t messages = 0;
    FeedStats lastStats;
};

} // namespace

TEST(FeedWorker, DecodesOffTheGuiThreadAndHandsOverFewBatches)
{
    constexpr int kFrames = 20'000;
    QList<QByteArray> frames;
    for (int i = 1; i <= kFrames; ++i)
        frames << eventFrame(i);
    auto source = std::make_unique<ScriptedSource>(frames);
    ScriptedSource *raw = source.get();

    FeedWorker worker(std::move(source));
    Collected collected;
    QObject::connect(&worker, &FeedWorker::batchReady, &worker, [&](const FeedBatchPtr &batch) {
        EXPECT_EQ(QThread::currentThread(), qApp->thread());
        ++collected.batches;
        collected.messages += batch->messages.size();
        collected.lastStats = batch->stats;
        worker.batchConsumed();
    });
    QSignalSpy status(&worker, &FeedWorker::statusChanged);
    worker.start();

    EXPECT_TRUE(QTest::qWaitFor([&] { return collected.messages == std::size_t(kFrames); }, 30'000));
    EXPECT_NE(raw->startThread(), qApp->thread());
    EXPECT_GE(collected.batches, 1);
    EXPECT_EQ(collected.lastStats.framesReceived, quint64(kFrames));
    EXPECT_EQ(collected.lastStats.byType.value(QStringLiteral("event")), quint64(kFrames));
    EXPECT_EQ(collected.lastStats.gapsDetected, 0u);
    EXPECT_TRUE(QTest::qWaitFor([&] { return status.count() >= 2; }, 5'000));
    EXPECT_EQ(status.last().at(0).value<ConnectionStatus>().state, ConnectionState::Finished);
}

TEST(FeedWorker, CountsMalformedFramesByReasonAndKeepsTheRest)
{
    QList<QByteArray> frames{eventFrame(1), QByteArrayLiteral("{not json"), QByteArrayLiteral("[1,2]"),
                             QByteArray(), eventFrame(2), eventFrame(2), eventFrame(5)};
    FeedWorker worker(std::make_unique<ScriptedSource>(frames));
    Collected collected;
    QObject::connect(&worker, &FeedWorker::batchReady, &worker, [&](const FeedBatchPtr &batch) {
        collected.messages += batch->messages.size();
        collected.lastStats = batch->stats;
        worker.batchConsumed();
    });
    worker.start();
    EXPECT_TRUE(QTest::qWaitFor([&] { return collected.lastStats.framesReceived == 7; }, 10'000));
    const FeedStats &stats = collected.lastStats;
    EXPECT_EQ(collected.messages, 3u); // 1, 2, 5; the second 2 is a duplicate
    EXPECT_EQ(stats.decodeErrors, 3u);
    EXPECT_EQ(stats.errorsByReason.value(QStringLiteral("invalid_json")), 1u);
    EXPECT_EQ(stats.errorsByReason.value(QStringLiteral("not_an_object")), 1u);
    EXPECT_EQ(stats.errorsByReason.value(QStringLiteral("empty_frame")), 1u);
    EXPECT_EQ(stats.duplicatesDropped, 1u);
    EXPECT_EQ(stats.gapsDetected, 1u);
    EXPECT_EQ(stats.messagesMissed, 2u);
}

TEST(FeedWorker, ClampsTimesFarAheadOfReceiptAndCountsThem)
{
    // ScriptedSource receives every frame at 1,000 ms; the second claims a time a day later.
    QList<QByteArray> frames{
        QByteArrayLiteral(R"({"v":1,"type":"event","ts":"1970-01-01T00:00:01.500Z","data":{"id":"a"}})"),
        QByteArrayLiteral(R"({"v":1,"type":"event","ts":"1970-01-02T00:00:00Z","data":{"id":"b"}})")};
    FeedWorker worker(std::make_unique<ScriptedSource>(frames));
    std::vector<qint64> times;
    FeedStats last;
    QObject::connect(&worker, &FeedWorker::batchReady, &worker, [&](const FeedBatchPtr &batch) {
        for (const Message &m : batch->messages)
            times.push_back(m.tsMs);
        last = batch->stats;
        worker.batchConsumed();
    });
    worker.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return times.size() == 2; }, 10'000));
    EXPECT_EQ(times[0], 1'500); // a little ahead is normal clock skew: kept
    EXPECT_EQ(times[1], 1'000); // a day ahead: set to the receive time
    EXPECT_EQ(last.futureTimestampsClamped, 1u);
}

TEST(FeedWorker, CapsDistinctTypeNamesFromTheServer)
{
    QList<QByteArray> frames;
    for (int i = 0; i < 300; ++i)
        frames << QByteArrayLiteral(R"({"v":1,"type":"custom_)") + QByteArray::number(i) + QByteArrayLiteral(R"("})");
    FeedWorker worker(std::make_unique<ScriptedSource>(frames));
    FeedStats last;
    QObject::connect(&worker, &FeedWorker::batchReady, &worker, [&](const FeedBatchPtr &batch) {
        last = batch->stats;
        worker.batchConsumed();
    });
    worker.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return last.messagesDecoded == 300; }, 10'000));
    EXPECT_EQ(last.byType.size(), 257);
    EXPECT_EQ(last.byType.value(QStringLiteral("(other types)")), 44u);
}

TEST(FeedWorker, AnswersApplicationPings)
{
    auto source = std::make_unique<ScriptedSource>(QList<QByteArray>{QByteArrayLiteral(R"({"type":"ping"})")});
    ScriptedSource *raw = source.get();
    FeedWorker worker(std::move(source));
    std::size_t messages = 0;
    QObject::connect(&worker, &FeedWorker::batchReady, &worker, [&](const FeedBatchPtr &batch) {
        messages += batch->messages.size();
        worker.batchConsumed();
    });
    worker.start();
    EXPECT_TRUE(QTest::qWaitFor([&] { return messages == 1; }, 10'000));
    worker.stop();
    ASSERT_EQ(raw->sent().size(), 1);
    EXPECT_TRUE(raw->sent().constFirst().contains("\"pong\""));
}

TEST(FeedWorker, CoalescesWhileABatchIsUnacknowledgedAndStopHandsOverTheRest)
{
    QList<QByteArray> first;
    QList<QByteArray> second;
    for (int i = 1; i <= 100; ++i)
        first << eventFrame(i);
    for (int i = 101; i <= 250; ++i)
        second << eventFrame(i);
    auto source = std::make_unique<ScriptedSource>(first);
    ScriptedSource *raw = source.get();
    FeedWorker worker(std::move(source));
    std::size_t messages = 0;
    int batches = 0;
    // Never acknowledge: the pipeline must hold further frames back, and stop() must still deliver them.
    QObject::connect(&worker, &FeedWorker::batchReady, &worker, [&](const FeedBatchPtr &batch) {
        ++batches;
        messages += batch->messages.size();
    });
    worker.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return batches >= 1; }, 10'000));
    EXPECT_EQ(messages, 100u);

    // More frames arrive on the feed thread while the first batch is still unacknowledged.
    QMetaObject::invokeMethod(raw, [raw, second] { raw->deliver(second); }, Qt::BlockingQueuedConnection);
    // Give the pipeline's flush timer every chance to fire: it must keep coalescing.
    QTest::qWait(100);
    EXPECT_EQ(batches, 1);

    worker.stop();
    QCoreApplication::sendPostedEvents(&worker);
    EXPECT_EQ(batches, 2);
    EXPECT_EQ(messages, 250u);
}

TEST(FeedWorker, LoopedReplayStartsNumberingAgainEachPass)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loop.ndjson"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArrayLiteral(R"({"v":1,"type":"hello","data":{"epoch":"e1"}})") + '\n');
        for (int i = 1; i <= 20; ++i)
            file.write(eventFrame(i) + '\n');
    }
    ReplayOptions options;
    options.path = path;
    options.speed = 0.0;
    options.loop = true;
    FeedWorker worker(std::make_unique<ReplaySource>(options));
    FeedStats last;
    std::size_t messages = 0;
    QObject::connect(&worker, &FeedWorker::batchReady, &worker, [&](const FeedBatchPtr &batch) {
        messages += batch->messages.size();
        last = batch->stats;
        worker.batchConsumed();
    });
    worker.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return last.framesReceived >= 21 * 3; }, 20'000));
    worker.stop();
    QCoreApplication::sendPostedEvents(&worker);
    EXPECT_EQ(last.duplicatesDropped, 0u);
    EXPECT_EQ(last.gapsDetected, 0u);
    EXPECT_EQ(messages, std::size_t(last.framesReceived));
}

namespace {

QList<QByteArray> eventFrames(int first, int count)
{
    QList<QByteArray> frames;
    for (int seq = first; seq < first + count; ++seq)
        frames << eventFrame(seq);
    return frames;
}

// A worker whose first batch (one event) has reached the GUI and is not consumed, and frames
// enough to pass the pending limit, delivered on the feed thread (queued): the feed thread holds
// the limit, then waits.
struct WaitingFeed
{
    static constexpr int kBeyond = int(FeedPipeline::kMaxPendingMessages) + 100;
    ScriptedSource *source = new ScriptedSource(eventFrames(1, 1));
    FeedWorker worker{std::unique_ptr<FrameSource>(source)};
    std::size_t messages = 0;
    int batches = 0;
    std::atomic<bool> delivered{false};

    WaitingFeed()
    {
        QObject::connect(&worker, &FeedWorker::batchReady, &worker, [this](const FeedBatchPtr &batch) {
            ++batches;
            messages += batch->messages.size();
        });
        worker.start();
        EXPECT_TRUE(QTest::qWaitFor([this] { return batches == 1; }, 10'000));
        QMetaObject::invokeMethod(
            source,
            [this, frames = eventFrames(2, kBeyond)] {
                source->deliver(frames);
                delivered = true;
            },
            Qt::QueuedConnection);
    }
};

} // namespace

TEST(FeedWorker, PastThePendingLimitTheFeedThreadWaitsForTheGuiAndLosesNothing)
{
    WaitingFeed feed;
    EXPECT_FALSE(QTest::qWaitFor([&] { return feed.delivered.load(); }, 300));

    // Consumed: it reads on, and every frame reaches the GUI.
    feed.worker.batchConsumed();
    ASSERT_TRUE(QTest::qWaitFor([&] { return feed.delivered.load(); }, 10'000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return feed.batches == 2; }, 10'000));
    feed.worker.batchConsumed();
    feed.worker.stop();
    QCoreApplication::sendPostedEvents(&feed.worker);
    EXPECT_EQ(feed.messages, std::size_t(1 + WaitingFeed::kBeyond));
}

TEST(FeedWorker, AtThePendingLimitTheGuiGetsTheBatchAsSoonAsItIsFree)
{
    std::vector<std::size_t> sizes;
    WaitingFeed feed;
    QObject::connect(&feed.worker, &FeedWorker::batchReady, &feed.worker,
                     [&](const FeedBatchPtr &batch) { sizes.push_back(batch->messages.size()); });

    // The frames are delivered in one go, so no flush timer runs before the last of them: the
    // batch that comes at once holds exactly the limit, and the rest follows at the next flush.
    feed.worker.batchConsumed();
    ASSERT_TRUE(QTest::qWaitFor([&] { return feed.batches == 2; }, 10'000));
    ASSERT_EQ(sizes.size(), 1u);
    EXPECT_EQ(sizes[0], std::size_t(FeedPipeline::kMaxPendingMessages));
    feed.worker.batchConsumed();
    ASSERT_TRUE(QTest::qWaitFor([&] { return feed.batches == 3; }, 10'000));
    EXPECT_EQ(sizes[1], std::size_t(WaitingFeed::kBeyond) - std::size_t(FeedPipeline::kMaxPendingMessages));
    feed.worker.batchConsumed();
    feed.worker.stop();
}

TEST(FeedWorker, StopEndsAFeedThreadWaitingForTheGuiWithEverythingHandedOver)
{
    WaitingFeed feed;
    // The GUI never consumes; it stops the feed, which must not wait for it.
    feed.worker.stop();
    QCoreApplication::sendPostedEvents(&feed.worker);
    EXPECT_TRUE(feed.delivered.load());
    EXPECT_EQ(feed.messages, std::size_t(1 + WaitingFeed::kBeyond));
    EXPECT_EQ(feed.batches, 2);
}
