#include "feed/ReplaySource.h"
#include "support/CollectingSink.h"
#include "support/LogFrames.h"
#include "support/TestClock.h"
#include "support/TestFiles.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

// Pause, resume, speed, step and loop of a replay, on a controllable clock: the source keeps its
// place in the log and re-times the frames still to come from there.

using namespace vantage;
using test::kLogStartMs;

namespace {

// A log of signups at these offsets (ms) from its first line.
struct PlaybackLog
{
    explicit PlaybackLog(std::initializer_list<qint64> offsetsMs)
    {
        int seq = 0;
        for (const qint64 offset : offsetsMs) {
            ++seq;
            lines << test::signupAt(offset, seq, test::userName(seq));
        }
        EXPECT_TRUE(dir.isValid());
        EXPECT_TRUE(test::writeLines(path(), lines));
    }
    QString path() const { return dir.filePath(QStringLiteral("playback.ndjson")); }

    QTemporaryDir dir;
    QByteArrayList lines;
};

// A replay of the log at `speed`, on the test clock, into a collecting sink.
struct Player
{
    Player(const PlaybackLog &log, test::TestClock &clock, double speed)
        : clock(clock)
        , source([&] {
            ReplayOptions options;
            options.path = log.path();
            options.speed = speed;
            options.now = [&clock] { return clock.now(); };
            return options;
        }())
    {
        source.setSink(&sink);
    }

    bool waitForFrames(std::size_t count)
    {
        return QTest::qWaitFor([&] { return sink.frames.size() >= count; }, 20'000) &&
               sink.frames.size() == count;
    }
    // Runs what is pending on the event loop (a zero timer, a queued call): nothing due is left.
    std::size_t framesAfterEvents()
    {
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        return sink.frames.size();
    }
    // Moves the clock on until the next frame arrives: true when that is exactly `ms` from now,
    // and not a millisecond sooner.
    bool nextFrameIn(qint64 ms)
    {
        const std::size_t before = sink.frames.size();
        const qint64 from = clock.now();
        clock.advance(ms - 1);
        if (framesAfterEvents() != before)
            return false;
        clock.advance(1);
        return waitForFrames(before + 1) && sink.receivedAt.back() == from + ms;
    }

    test::TestClock &clock;
    CollectingSink sink;
    ReplaySource source;
};

} // namespace

TEST(ReplayPlayback, PauseStopsDeliveryAndResumeContinuesFromTheSameFrame)
{
    const PlaybackLog log({0, 100, 200});
    test::TestClock clock;
    Player player(log, clock, 1.0);
    player.source.start();
    ASSERT_TRUE(player.waitForFrames(1));

    clock.advance(60); // 60 ms into the log: the second frame is due 40 ms on
    player.source.setPaused(true);
    EXPECT_TRUE(player.source.playback().paused);
    EXPECT_TRUE(player.sink.replayPlayback.paused);
    clock.advance(10'000);
    EXPECT_EQ(player.framesAfterEvents(), 1u);

    player.source.setPaused(false);
    EXPECT_FALSE(player.sink.replayPlayback.paused);
    ASSERT_TRUE(player.nextFrameIn(40));
    EXPECT_EQ(player.sink.frames[1], log.lines[1]);
    EXPECT_TRUE(player.nextFrameIn(100));
}

TEST(ReplayPlayback, PausingAndResumingSaySoInTheStatus)
{
    const PlaybackLog log({0, 100});
    test::TestClock clock;
    Player player(log, clock, 1.0);
    std::vector<ConnectionStatus> statuses;
    QObject::connect(&player.source, &FrameSource::statusChanged,
                     [&statuses](const ConnectionStatus &status) { statuses.push_back(status); });
    player.source.start();
    ASSERT_FALSE(statuses.empty());
    EXPECT_FALSE(statuses.back().paused);

    player.source.setPaused(true);
    ASSERT_EQ(statuses.back().state, ConnectionState::Live);
    EXPECT_TRUE(statuses.back().paused);
    player.source.setPaused(false);
    EXPECT_FALSE(statuses.back().paused);
    EXPECT_EQ(statuses.back().state, ConnectionState::Live);
}

TEST(ReplayPlayback, SpeedChangeRetimesFromTheCurrentPosition)
{
    const PlaybackLog log({0, 100, 200, 400, 500});
    test::TestClock clock;
    Player player(log, clock, 1.0);
    player.source.start();
    ASSERT_TRUE(player.waitForFrames(1));
    ASSERT_TRUE(player.nextFrameIn(100));

    // 150 ms into the log, twice as fast: 200 is 25 ms on and 400 is 100 ms after that.
    clock.advance(50);
    player.source.setSpeed(2.0);
    EXPECT_EQ(player.sink.replayPlayback.speed, 2.0);
    ASSERT_TRUE(player.nextFrameIn(25));
    ASSERT_TRUE(player.nextFrameIn(100));

    // Slower from 400 (where the last frame played): 500 comes 400 ms on at a quarter speed.
    player.source.setSpeed(0.25);
    EXPECT_TRUE(player.nextFrameIn(400));
}

TEST(ReplayPlayback, StepDeliversExactlyTheNextFrameWhilePaused)
{
    const PlaybackLog log({0, 100, 60'000});
    test::TestClock clock;
    Player player(log, clock, 1.0);
    player.source.setPaused(true);
    player.source.start();
    EXPECT_EQ(player.framesAfterEvents(), 0u);

    player.source.step();
    ASSERT_EQ(player.framesAfterEvents(), 1u);
    EXPECT_EQ(player.sink.frames[0], log.lines[0]);
    player.source.step();
    ASSERT_EQ(player.framesAfterEvents(), 2u);
    EXPECT_EQ(player.sink.frames[1], log.lines[1]);
    EXPECT_EQ(player.sink.replayPlayback.line, 2);
    EXPECT_EQ(player.sink.replayPlayback.logTimeMs, kLogStartMs + 100);

    // A minute of log time is one step away, whatever the clock says.
    player.source.step();
    ASSERT_EQ(player.framesAfterEvents(), 3u);
    EXPECT_EQ(player.sink.replayPlayback.logTimeMs, kLogStartMs + 60'000);
}

TEST(ReplayPlayback, StepIsIgnoredWhilePlaying)
{
    const PlaybackLog log({0, 60'000});
    test::TestClock clock;
    Player player(log, clock, 1.0);
    player.source.start();
    ASSERT_TRUE(player.waitForFrames(1));
    player.source.step();
    EXPECT_EQ(player.framesAfterEvents(), 1u);
}

TEST(ReplayPlayback, ResumingAfterStepsPlaysOnFromTheLastStep)
{
    const PlaybackLog log({0, 100, 300});
    test::TestClock clock;
    Player player(log, clock, 0.0); // as fast as possible, but paused from the start
    player.source.setPaused(true);
    player.source.start();
    player.source.step();
    player.source.step();
    ASSERT_EQ(player.framesAfterEvents(), 2u);

    clock.advance(5'000);
    player.source.setSpeed(1.0);
    player.source.setPaused(false);
    EXPECT_TRUE(player.nextFrameIn(200));
}

TEST(ReplayPlayback, LoopCanBeTurnedOnAndOffWhilePlaying)
{
    const PlaybackLog log({0, 100});
    test::TestClock clock;
    Player player(log, clock, 0.0);
    player.source.setPaused(true);
    player.source.start();
    player.source.step();
    player.source.step();
    ASSERT_EQ(player.framesAfterEvents(), 2u);

    player.source.setLoop(true);
    EXPECT_TRUE(player.sink.replayPlayback.loop);
    player.source.step(); // past the end: the first line again
    ASSERT_EQ(player.framesAfterEvents(), 3u);
    EXPECT_EQ(player.sink.frames[2], log.lines[0]);
    EXPECT_EQ(player.source.passes(), 2);

    player.source.setLoop(false);
    EXPECT_FALSE(player.sink.replayPlayback.loop);
    player.source.step();
    player.source.step(); // past the end again: the replay finishes
    EXPECT_EQ(player.framesAfterEvents(), 4u);
    EXPECT_EQ(player.source.status().state, ConnectionState::Finished);
    EXPECT_EQ(player.source.passes(), 2);
}
