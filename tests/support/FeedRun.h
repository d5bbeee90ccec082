#pragma once

#include "feed/FeedWorker.h"
#include "feed/FrameRecorder.h"
#include "feed/ReplaySource.h"

#include <QCoreApplication>
#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace vantage::test {

// The file, once, as fast as possible.
inline ReplayOptions maxSpeedOptions(const QString &path)
{
    ReplayOptions options;
    options.path = path;
    options.speed = 0.0;
    return options;
}

inline std::unique_ptr<ReplaySource> replayAtMaxSpeed(const QString &path)
{
    return std::make_unique<ReplaySource>(maxSpeedOptions(path));
}

// True once the replay has finished or failed.
inline bool hasEnded(const ReplaySource &source)
{
    const ConnectionState state = source.status().state;
    return state == ConnectionState::Finished || state == ConnectionState::Error;
}

// How a replay into a sink went, as it stood when it ended or was stopped.
struct ReplayResult
{
    ConnectionStatus status;
    int passes = 0;
    quint64 linesRead = 0;
};

// Plays into `sink` on this thread until the replay ends, or until `enough()` says so (a loop),
// then stops it.
inline ReplayResult playInto(FrameSink &sink, ReplayOptions options, const std::function<bool()> &enough = {})
{
    ReplaySource source(std::move(options));
    source.setSink(&sink);
    source.start();
    EXPECT_TRUE(QTest::qWaitFor([&] { return hasEnded(source) || (enough && enough()); }, 20'000));
    ReplayResult result{source.status(), source.passes(), source.linesRead()};
    source.stop();
    return result;
}

// Runs a worker until its source ends, stops it, and returns the stats of its last batch.
inline FeedStats runToEnd(std::unique_ptr<FrameSource> source, std::unique_ptr<FrameRecorder> recorder = {})
{
    FeedWorker worker(std::move(source), std::move(recorder));
    FeedStats last;
    bool ended = false;
    QObject::connect(&worker, &FeedWorker::batchReady, &worker, [&](const FeedBatchPtr &batch) {
        last = batch->stats;
        worker.batchConsumed();
    });
    QObject::connect(&worker, &FeedWorker::statusChanged, &worker, [&](const ConnectionStatus &status) {
        ended = status.state == ConnectionState::Finished || status.state == ConnectionState::Error;
    });
    worker.start();
    EXPECT_TRUE(QTest::qWaitFor([&] { return ended; }, 20'000));
    worker.stop();
    // stop() posted the last batch before returning: take it now.
    QCoreApplication::sendPostedEvents(&worker);
    return last;
}

} // namespace vantage::test
