#include "models/MetricSeriesStore.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

#include <cmath>

using vantage::MetricSeries;
using vantage::MetricSeriesStore;
using vantage::MetricsSample;
using vantage::NamedValue;

namespace {

MetricsSample sample(std::initializer_list<std::pair<const char *, double>> gauges)
{
    MetricsSample m;
    for (const auto &[name, value] : gauges)
        m.gauges.push_back(NamedValue{QString::fromLatin1(name), value});
    return m;
}

} // namespace

TEST(MetricSeries, KeepsAFixedWindowOldestFirst)
{
    MetricSeries series(3);
    EXPECT_EQ(series.size(), 0);
    EXPECT_TRUE(std::isnan(series.latest()));
    EXPECT_EQ(series.latestTs(), 0);
    for (int i = 1; i <= 5; ++i)
        series.append(1000 * i, i * 1.5);
    ASSERT_EQ(series.size(), 3);
    EXPECT_EQ(series.capacity(), 3);
    EXPECT_EQ(series.at(0).tsMs, 3000);
    EXPECT_DOUBLE_EQ(series.at(0).value, 4.5);
    EXPECT_EQ(series.at(2).tsMs, 5000);
    EXPECT_DOUBLE_EQ(series.latest(), 7.5);
    EXPECT_EQ(series.latestTs(), 5000);
}

TEST(MetricSeriesStore, NewGaugeNamesAppearInFirstSeenOrder)
{
    MetricSeriesStore store(nullptr, 4);
    QSignalSpy changed(&store, &MetricSeriesStore::changed);
    store.applyMetrics(1000, sample({{"requests_per_second", 120}, {"error_rate", 0.5}}));
    EXPECT_EQ(store.names(), (QStringList{QStringLiteral("requests_per_second"), QStringLiteral("error_rate")}));
    const MetricSeries *rps = store.series(QStringLiteral("requests_per_second"));
    ASSERT_NE(rps, nullptr);

    store.applyMetrics(2000, sample({{"queue_depth", 7}, {"requests_per_second", 130}}));
    EXPECT_EQ(store.names().size(), 3);
    EXPECT_EQ(store.names().last(), QStringLiteral("queue_depth"));
    // The pointer taken earlier still reads the same, grown series.
    EXPECT_EQ(rps, store.series(QStringLiteral("requests_per_second")));
    EXPECT_EQ(rps->size(), 2);
    EXPECT_EQ(store.series(QStringLiteral("error_rate"))->size(), 1);
    EXPECT_EQ(store.series(QStringLiteral("nope")), nullptr);
    EXPECT_EQ(changed.count(), 2);

    store.applyMetrics(3000, MetricsSample{});
    EXPECT_EQ(changed.count(), 2);
}

TEST(MetricSeriesStore, LatestAndWindowBound)
{
    MetricSeriesStore store(nullptr, 4);
    for (int i = 0; i < 10; ++i)
        store.applyMetrics(1000 * i, sample({{"cpu_percent", 10.0 + i}}));
    const MetricSeries *cpu = store.series(QStringLiteral("cpu_percent"));
    ASSERT_NE(cpu, nullptr);
    EXPECT_EQ(cpu->size(), 4);
    EXPECT_EQ(store.windowSamples(), 4);
    EXPECT_DOUBLE_EQ(store.latest(QStringLiteral("cpu_percent")), 19.0);
    EXPECT_DOUBLE_EQ(cpu->at(0).value, 16.0);
    EXPECT_TRUE(std::isnan(store.latest(QStringLiteral("memory_percent"))));
}

TEST(MetricSeriesStore, UpdateScopeCoalescesChanged)
{
    MetricSeriesStore store;
    QSignalSpy changed(&store, &MetricSeriesStore::changed);
    store.beginUpdate();
    store.applyMetrics(1000, sample({{"a", 1}}));
    store.applyMetrics(2000, sample({{"a", 2}}));
    EXPECT_EQ(changed.count(), 0);
    store.endUpdate();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_DOUBLE_EQ(store.latest(QStringLiteral("a")), 2.0);
}

TEST(MetricSeriesStore, DistinctGaugesAreCapped)
{
    MetricSeriesStore store(nullptr, 4);
    QSignalSpy changed(&store, &MetricSeriesStore::changed);
    for (qsizetype i = 0; i < MetricSeriesStore::maxSeries; ++i) {
        const QByteArray name = "gauge_" + QByteArray::number(i);
        store.applyMetrics(1000, sample({{name.constData(), double(i)}}));
    }
    ASSERT_EQ(store.names().size(), MetricSeriesStore::maxSeries);
    EXPECT_EQ(store.droppedGauges(), 0u);
    EXPECT_EQ(changed.count(), MetricSeriesStore::maxSeries);

    // Known names keep updating; samples of new names are counted, not stored.
    store.applyMetrics(2000, sample({{"gauge_0", 42}, {"new_a", 1}, {"new_b", 2}}));
    store.applyMetrics(3000, sample({{"new_a", 3}}));
    EXPECT_EQ(store.names().size(), MetricSeriesStore::maxSeries);
    EXPECT_EQ(store.droppedGauges(), 3u);
    EXPECT_EQ(store.series(QStringLiteral("new_a")), nullptr);
    EXPECT_DOUBLE_EQ(store.latest(QStringLiteral("gauge_0")), 42.0);
    // Only the sample that stored something signals a change.
    EXPECT_EQ(changed.count(), MetricSeriesStore::maxSeries + 1);
}
