#include "feed/ReconnectPolicy.h"

#include "support/TestClock.h"

#include <gtest/gtest.h>

#include <QRandomGenerator>

#include <cmath>
#include <functional>
#include <map>
#include <vector>

using vantage::ReconnectPolicy;
using vantage::test::TestClock;

namespace {

constexpr double kAlmostOne = 0.9999999;

ReconnectPolicy::Settings smallSettings()
{
    ReconnectPolicy::Settings s;
    s.baseMs = 100;
    s.capMs = 1000;
    s.stableAfterMs = 5000;
    s.maxAttempts = 6;
    s.offlineProbeMs = 60'000;
    return s;
}

// The upper bound of the jitter window after n consecutive failures.
qint64 windowAfter(const ReconnectPolicy::Settings &s, int failures)
{
    return std::min<qint64>(s.capMs, qint64(s.baseMs) << (failures - 1));
}

} // namespace

TEST(ReconnectPolicy, DefaultsMatchTheDocumentedValues)
{
    const ReconnectPolicy policy;
    EXPECT_EQ(policy.settings().baseMs, 500);
    EXPECT_EQ(policy.settings().capMs, 30'000);
    EXPECT_EQ(policy.settings().stableAfterMs, 10'000);
    EXPECT_EQ(policy.settings().maxAttempts, 8);
    EXPECT_EQ(policy.settings().offlineProbeMs, 60'000);
    EXPECT_EQ(policy.attempt(), 0);
    EXPECT_FALSE(policy.isOffline());
}

TEST(ReconnectPolicy, LowestRandomGivesZeroDelay)
{
    ReconnectPolicy policy(smallSettings(), [] { return 0.0; });
    for (int i = 0; i < 5; ++i) {
        policy.onAttemptFailed();
        EXPECT_EQ(policy.nextDelayMs(), 0) << "after " << policy.attempt() << " failures";
    }
}

TEST(ReconnectPolicy, HighestRandomReachesTheDoublingWindowThenTheCap)
{
    const auto s = smallSettings();
    ReconnectPolicy policy(s, [] { return kAlmostOne; });
    const qint64 expected[] = {100, 200, 400, 800, 1000};
    for (const qint64 bound : expected) {
        policy.onAttemptFailed();
        ASSERT_FALSE(policy.isOffline());
        EXPECT_EQ(policy.nextDelayMs(), bound) << "after " << policy.attempt() << " failures";
        EXPECT_EQ(bound, windowAfter(s, policy.attempt()));
    }
}

TEST(ReconnectPolicy, DelaysStayInsideTheJitterWindow)
{
    const auto s = smallSettings();
    double r = 0.0;
    ReconnectPolicy policy(s, [&r] { return r; });
    for (int failures = 1; failures < s.maxAttempts; ++failures) {
        policy.onAttemptFailed();
        for (r = 0.0; r < 1.0; r += 0.125) {
            const qint64 delay = policy.nextDelayMs();
            EXPECT_GE(delay, 0);
            EXPECT_LE(delay, windowAfter(s, failures));
        }
    }
}

TEST(ReconnectPolicy, HugeAttemptCountsNeverOverflowTheCap)
{
    auto s = smallSettings();
    s.maxAttempts = 1000;
    ReconnectPolicy policy(s, [] { return kAlmostOne; });
    for (int i = 0; i < 200; ++i)
        policy.onAttemptFailed();
    EXPECT_EQ(policy.nextDelayMs(), s.capMs);
}

TEST(ReconnectPolicy, QuickDropDoesNotResetTheBackoff)
{
    TestClock clock;
    ReconnectPolicy policy(smallSettings(), [] { return kAlmostOne; });
    policy.onAttemptFailed();
    policy.onAttemptFailed();
    ASSERT_EQ(policy.attempt(), 2);

    // The server accepts and drops at once, twice.
    for (int expected = 3; expected <= 4; ++expected) {
        policy.onConnected(clock.now());
        clock.advance(50);
        policy.onDisconnected(clock.now());
        EXPECT_EQ(policy.attempt(), expected);
    }
    EXPECT_EQ(policy.nextDelayMs(), 800);
}

TEST(ReconnectPolicy, StableConnectionResetsTheBackoff)
{
    const auto s = smallSettings();
    TestClock clock;
    ReconnectPolicy policy(s, [] { return kAlmostOne; });
    for (int i = 0; i < 4; ++i)
        policy.onAttemptFailed();

    policy.onConnected(clock.now());
    clock.advance(s.stableAfterMs - 1);
    policy.onDisconnected(clock.now());
    EXPECT_EQ(policy.attempt(), 5) << "one ms short of stable still counts as a failure";

    policy.onConnected(clock.now());
    clock.advance(s.stableAfterMs);
    policy.onDisconnected(clock.now());
    EXPECT_EQ(policy.attempt(), 0);
    EXPECT_EQ(policy.nextDelayMs(), s.baseMs);
}

TEST(ReconnectPolicy, OfflineAfterMaxAttemptsThenProbesSlowly)
{
    const auto s = smallSettings();
    double r = 0.0;
    ReconnectPolicy policy(s, [&r] { return r; });
    for (int i = 1; i < s.maxAttempts; ++i) {
        policy.onAttemptFailed();
        EXPECT_FALSE(policy.isOffline()) << "after " << i << " failures";
    }
    policy.onAttemptFailed();
    EXPECT_TRUE(policy.isOffline());
    EXPECT_EQ(policy.attempt(), s.maxAttempts);

    EXPECT_EQ(policy.nextDelayMs(), s.offlineProbeMs);
    r = kAlmostOne;
    const qint64 highest = policy.nextDelayMs();
    EXPECT_GT(highest, s.offlineProbeMs);
    EXPECT_LT(highest, s.offlineProbeMs + s.offlineProbeMs / 10 + 1);

    policy.onAttemptFailed();
    EXPECT_TRUE(policy.isOffline()) << "further failures keep probing";
}

TEST(ReconnectPolicy, RecoversFromOfflineOnAStableConnection)
{
    const auto s = smallSettings();
    TestClock clock;
    ReconnectPolicy policy(s, [] { return kAlmostOne; });
    for (int i = 0; i < s.maxAttempts; ++i)
        policy.onAttemptFailed();
    ASSERT_TRUE(policy.isOffline());

    policy.onConnected(clock.now());
    EXPECT_FALSE(policy.isOffline()) << "a working connection is not offline";
    EXPECT_TRUE(policy.isConnected());

    clock.advance(s.stableAfterMs);
    policy.onDisconnected(clock.now());
    EXPECT_FALSE(policy.isOffline());
    EXPECT_EQ(policy.attempt(), 0);
    EXPECT_EQ(policy.nextDelayMs(), s.baseMs);
}

TEST(ReconnectPolicy, QuickDropWhileOfflineStaysOffline)
{
    const auto s = smallSettings();
    TestClock clock;
    ReconnectPolicy policy(s, [] { return 0.0; });
    for (int i = 0; i < s.maxAttempts; ++i)
        policy.onAttemptFailed();
    policy.onConnected(clock.now());
    clock.advance(10);
    policy.onDisconnected(clock.now());
    EXPECT_TRUE(policy.isOffline());
    EXPECT_EQ(policy.nextDelayMs(), s.offlineProbeMs);
}

TEST(ReconnectPolicy, DisconnectWithoutConnectIsIgnored)
{
    ReconnectPolicy policy(smallSettings(), [] { return 0.0; });
    policy.onDisconnected(1000);
    EXPECT_EQ(policy.attempt(), 0);
}

TEST(ReconnectPolicy, DefaultRandomStaysInTheWindow)
{
    const auto s = smallSettings();
    ReconnectPolicy policy(s);
    policy.onAttemptFailed();
    policy.onAttemptFailed();
    for (int i = 0; i < 100; ++i) {
        const qint64 delay = policy.nextDelayMs();
        EXPECT_GE(delay, 0);
        EXPECT_LE(delay, 200);
    }
}

TEST(CircuitBreaker, ClosedUntilTheBudgetIsSpentThenOpen)
{
    const auto s = smallSettings();
    ReconnectPolicy policy(s, [] { return 0.0; });
    for (int i = 1; i < s.maxAttempts; ++i) {
        ASSERT_TRUE(policy.beginAttempt());
        policy.onAttemptFailed();
        EXPECT_EQ(policy.breakerState(), vantage::BreakerState::Closed) << "after " << i << " failures";
    }
    ASSERT_TRUE(policy.beginAttempt());
    policy.onAttemptFailed();
    EXPECT_EQ(policy.breakerState(), vantage::BreakerState::Open);
}

TEST(CircuitBreaker, HalfOpenAllowsExactlyOneProbe)
{
    const auto s = smallSettings();
    ReconnectPolicy policy(s, [] { return 0.0; });
    for (int i = 0; i < s.maxAttempts; ++i)
        policy.onAttemptFailed();
    ASSERT_EQ(policy.breakerState(), vantage::BreakerState::Open);

    EXPECT_TRUE(policy.beginAttempt());
    EXPECT_EQ(policy.breakerState(), vantage::BreakerState::HalfOpen);
    EXPECT_FALSE(policy.beginAttempt()) << "a second attempt while the probe is in flight";
    EXPECT_FALSE(policy.beginAttempt());

    policy.onAttemptFailed();
    EXPECT_EQ(policy.breakerState(), vantage::BreakerState::Open) << "a failed probe opens it again";
    EXPECT_TRUE(policy.beginAttempt()) << "the next probe may start";
}

TEST(CircuitBreaker, AnAbandonedProbeFreesItsSlotWithoutCountingAFailure)
{
    const auto s = smallSettings();
    ReconnectPolicy policy(s, [] { return 0.0; });
    for (int i = 0; i < s.maxAttempts; ++i)
        policy.onAttemptFailed();
    ASSERT_TRUE(policy.beginAttempt());
    ASSERT_EQ(policy.breakerState(), vantage::BreakerState::HalfOpen);

    policy.onAttemptAbandoned();
    EXPECT_EQ(policy.breakerState(), vantage::BreakerState::Open);
    EXPECT_EQ(policy.attempt(), s.maxAttempts);
    EXPECT_TRUE(policy.beginAttempt()) << "the next probe may start";
}

TEST(CircuitBreaker, SuccessfulProbeClosesIt)
{
    const auto s = smallSettings();
    TestClock clock;
    ReconnectPolicy policy(s, [] { return 0.0; });
    for (int i = 0; i < s.maxAttempts; ++i)
        policy.onAttemptFailed();
    ASSERT_TRUE(policy.beginAttempt());
    policy.onConnected(clock.now());
    EXPECT_EQ(policy.breakerState(), vantage::BreakerState::Closed);
    EXPECT_TRUE(policy.beginAttempt());
    clock.advance(s.stableAfterMs);
    policy.onDisconnected(clock.now());
    EXPECT_EQ(policy.breakerState(), vantage::BreakerState::Closed);
    EXPECT_EQ(policy.attempt(), 0);
}

TEST(CircuitBreaker, ServerBusyOpensAtOnce)
{
    const auto s = smallSettings();
    TestClock clock;
    ReconnectPolicy policy(s, [] { return 0.0; });
    policy.onConnected(clock.now());
    clock.advance(s.stableAfterMs * 10);
    policy.onServerBusy();
    EXPECT_EQ(policy.breakerState(), vantage::BreakerState::Open);
    EXPECT_EQ(policy.nextDelayMs(), s.offlineProbeMs);
}

TEST(CircuitBreaker, PersistentFailuresNeverResetEvenWhenLongLived)
{
    const auto s = smallSettings();
    TestClock clock;
    ReconnectPolicy policy(s, [] { return kAlmostOne; });
    for (int i = 1; i <= 3; ++i) {
        policy.onConnected(clock.now());
        clock.advance(s.stableAfterMs * 2);
        policy.onPersistentFailure();
        EXPECT_EQ(policy.attempt(), i);
    }
    EXPECT_EQ(policy.nextDelayMs(), windowAfter(s, 3));
}

TEST(CircuitBreaker, RestartDelayIsBetweenFiveAndThirtySeconds)
{
    double r = 0.0;
    ReconnectPolicy policy(smallSettings(), [&r] { return r; });
    EXPECT_EQ(policy.restartDelayMs(), 5'000);
    r = kAlmostOne;
    EXPECT_EQ(policy.restartDelayMs(), 30'000);
    r = 0.5;
    EXPECT_GT(policy.restartDelayMs(), 5'000);
    EXPECT_LT(policy.restartDelayMs(), 30'000);
}

namespace {

// For each retry round, the largest share of `clients` that retry within one wall-clock second,
// when they all lost the server at t = 0 and the server stays down.
std::vector<double> busiestSecondShares(int clients, int rounds, const std::function<double(int)> &randomFor)
{
    std::vector<qint64> at(std::size_t(clients), 0);
    std::vector<ReconnectPolicy> policies;
    for (int c = 0; c < clients; ++c)
        policies.emplace_back(ReconnectPolicy::Settings{}, [&randomFor, c] { return randomFor(c); });
    std::vector<double> shares;
    for (int round = 0; round < rounds; ++round) {
        std::map<qint64, int> perSecond;
        for (int c = 0; c < clients; ++c) {
            policies[std::size_t(c)].onAttemptFailed();
            at[std::size_t(c)] += policies[std::size_t(c)].nextDelayMs();
            ++perSecond[at[std::size_t(c)] / 1000];
        }
        int busiest = 0;
        for (const auto &[second, count] : perSecond)
            busiest = std::max(busiest, count);
        shares.push_back(double(busiest) / clients);
    }
    return shares;
}

} // namespace

// 1,000 clients lose the server at the same moment and retry with their own seeded jitter.
// Once the backoff window reaches 8 s (round 5 with the shipped 500 ms base), no second may take
// more than 15% of them; the same clients without jitter would all retry in the same second.
TEST(ReconnectStorm, ThousandClientsSpreadTheirRetriesOut)
{
    constexpr int kClients = 1000;
    constexpr int kRounds = 8; // the shipped retry budget before the breaker opens
    constexpr int kFirstWideRound = 4;
    constexpr double kMaxShare = 0.15;
    std::vector<QRandomGenerator> generators;
    QRandomGenerator seeds(20261122);
    for (int c = 0; c < kClients; ++c)
        generators.emplace_back(seeds.generate());
    const std::vector<double> jittered =
        busiestSecondShares(kClients, kRounds, [&generators](int c) { return generators[std::size_t(c)].generateDouble(); });
    for (int round = kFirstWideRound; round < kRounds; ++round)
        EXPECT_LE(jittered[std::size_t(round)], kMaxShare) << "round " << round + 1;

    const std::vector<double> lockstep = busiestSecondShares(kClients, kRounds, [](int) { return 0.5; });
    for (int round = kFirstWideRound; round < kRounds; ++round)
        EXPECT_EQ(lockstep[std::size_t(round)], 1.0) << "without jitter they all collide";
}

TEST(ReconnectPolicy, AnErrorStopsRetryingByDefault)
{
    const ReconnectPolicy policy;
    EXPECT_EQ(policy.settings().errorRetryMs, 0);
    EXPECT_EQ(policy.errorRetryDelayMs(), 0);

    auto s = smallSettings();
    s.errorRetryMs = -5;
    const ReconnectPolicy negative(s);
    EXPECT_EQ(negative.settings().errorRetryMs, 0);
    EXPECT_EQ(negative.errorRetryDelayMs(), 0);
}

TEST(ReconnectPolicy, ErrorRetryWaitsItsIntervalPlusUpToATenth)
{
    auto s = smallSettings();
    s.errorRetryMs = 30'000;
    double r = 0.0;
    ReconnectPolicy policy(s, [&r] { return r; });
    EXPECT_EQ(policy.errorRetryDelayMs(), 30'000);
    r = kAlmostOne;
    const qint64 highest = policy.errorRetryDelayMs();
    EXPECT_GT(highest, 30'000);
    EXPECT_LT(highest, 33'001);

    // The same wait once the breaker is open: an Error has its own pace, not the probe's.
    for (int i = 0; i < s.maxAttempts; ++i)
        policy.onAttemptFailed();
    ASSERT_TRUE(policy.isOffline());
    r = 0.0;
    EXPECT_EQ(policy.errorRetryDelayMs(), 30'000);
}
