#include "models/GaugeHistory.h"
#include "models/MetricSeriesStore.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace vantage;

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kHour = 3600 * kSecond;
constexpr qint64 kStart = 1'700'000'000'000 - 1'700'000'000'000 % GaugeHistory::kBucketMs;

bool hasPoint(const std::vector<QPointF> &points, qint64 tsMs, double value)
{
    return std::any_of(points.begin(), points.end(),
                       [&](const QPointF &p) { return p.x() == double(tsMs) && p.y() == value; });
}

} // namespace

TEST(GaugeHistory, TheNewestHourKeepsEverySampleAndOlderMinutesTheirExtremes)
{
    GaugeHistory history;
    // Two hours at one sample a second, a spike up and one down in the first hour.
    for (qint64 s = 0; s < 2 * 3600; ++s) {
        double value = 50;
        if (s == 600)
            value = 900;
        if (s == 1234)
            value = -40;
        history.append(kStart + s * kSecond, value);
    }
    const qint64 end = kStart + 2 * kHour;
    const std::vector<QPointF> recent = history.points(end - kHour, end);
    // Every sample of the hour, and the minute's point just before it.
    EXPECT_EQ(recent.size(), size_t(3600 + 1));
    const std::vector<QPointF> all = history.points(kStart, end);
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    EXPECT_TRUE(hasPoint(all, kStart + 600 * kSecond, 900));
    EXPECT_TRUE(hasPoint(all, kStart + 1234 * kSecond, -40));
    // The first hour is down to two points a minute; the second is whole.
    EXPECT_LE(all.size(), size_t(3600 + 2 * 60));
    EXPECT_FALSE(hasPoint(all, kStart + 602 * kSecond, 50));
    EXPECT_TRUE(hasPoint(all, end - 601 * kSecond, 50));
}

TEST(GaugeHistory, AWeekIsTheMostItKeeps)
{
    GaugeHistory history;
    const qint64 eightDays = 8 * 24 * kHour;
    for (qint64 t = 0; t < eightDays; t += 10 * kSecond)
        history.append(kStart + t, double(t % 7));
    const std::vector<QPointF> all = history.points(kStart, kStart + eightDays);
    EXPECT_LE(all.size(), size_t(GaugeHistory::kRawSamples + 2 * GaugeHistory::kBuckets));
    ASSERT_FALSE(all.empty());
    EXPECT_GE(all.front().x(), double(kStart + eightDays - 7 * 24 * kHour - GaugeHistory::kBucketMs));
}

TEST(GaugeHistory, RangesHaveTheirNeighboursAndGapsAndLateSamplesAreLeftOut)
{
    GaugeHistory history;
    history.append(kStart, 1);
    history.append(kStart + 10 * kSecond, std::nan(""));
    history.append(kStart + 20 * kSecond, 3);
    history.append(kStart + 15 * kSecond, 99); // older than the newest: left out
    history.append(kStart + 30 * kSecond, 4);
    const std::vector<QPointF> middle = history.points(kStart + 18 * kSecond, kStart + 22 * kSecond);
    EXPECT_EQ(middle, (std::vector<QPointF>{{double(kStart), 1},
                                            {double(kStart + 20 * kSecond), 3},
                                            {double(kStart + 30 * kSecond), 4}}));
    history.clear();
    EXPECT_TRUE(history.isEmpty());
    EXPECT_TRUE(history.points(kStart, kStart + kHour).empty());
}

TEST(MetricSeriesStore, KeepsHistoriesForTheFirstGaugesAndRestoresThem)
{
    MetricSeriesStore store(nullptr, 10);
    for (int i = 0; i < 100; ++i)
        store.applyMetrics(kStart + i * kSecond,
                           MetricsSample{{NamedValue{QStringLiteral("rps"), double(i)}}});
    // The card's window is 10 samples; the history has all 100.
    EXPECT_EQ(store.series(QStringLiteral("rps"))->size(), 10);
    EXPECT_EQ(store.history(QStringLiteral("rps"), kStart, kStart + kHour).size(), size_t(100));
    EXPECT_TRUE(store.history(QStringLiteral("unknown"), kStart, kStart + kHour).empty());

    MetricsSample many;
    for (int g = 0; g < MetricSeriesStore::maxHistories + 5; ++g)
        many.gauges.push_back(NamedValue{QStringLiteral("g%1").arg(g), 1});
    store.applyMetrics(kStart + 200 * kSecond, many);
    EXPECT_EQ(store.history(QStringLiteral("g0"), kStart, kStart + kHour).size(), size_t(1));
    EXPECT_TRUE(
        store.history(QStringLiteral("g%1").arg(MetricSeriesStore::maxHistories + 4), kStart, kStart + kHour)
            .empty());

    // A replay's seek restores the window; the history starts again from it.
    const MetricSeriesStore::State state = store.state();
    store.clear();
    EXPECT_TRUE(store.history(QStringLiteral("rps"), kStart, kStart + kHour).empty());
    store.restoreState(state);
    EXPECT_EQ(store.history(QStringLiteral("rps"), kStart, kStart + kHour).size(), size_t(10));
}

TEST(GaugeHistory, FirstIsTheOldestSampleStillKept)
{
    GaugeHistory history;
    // Within one minute, the first sample is neither its lowest nor its highest.
    history.append(kStart, 5);
    history.append(kStart + kSecond, 1);
    history.append(kStart + 2 * kSecond, 9);
    EXPECT_EQ(history.firstMs(), kStart);
    // Once it has left the newest hour's samples, only its minute's lowest and highest stay.
    for (qint64 s = 3; s <= GaugeHistory::kRawSamples + 3; ++s)
        history.append(kStart + s * kSecond, 5);
    EXPECT_EQ(history.firstMs(), kStart + kSecond);
    EXPECT_EQ(qint64(history.points(kStart, kStart + kHour).front().x()), kStart + kSecond);
}
