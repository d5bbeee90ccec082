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

TEST(MetricSeriesStore, TheArchiveFillsInBeforeTheStoresOwnHistory)
{
    // The archive: a sample every 10 s from 0 to 200 s. The store's own: from 100 s to 150 s.
    auto archive = std::make_shared<vantage::GaugeArchive>();
    for (qint64 s = 0; s <= 200; s += 10)
        (*archive)[QStringLiteral("load")].append(s * 1000, double(s));
    (*archive)[QStringLiteral("queue")].append(5'000, 1);
    MetricSeriesStore store;
    for (qint64 s = 100; s <= 150; s += 5)
        store.applyMetrics(s * 1000, sample({{"load", -double(s)}}));
    QSignalSpy changed(&store, &MetricSeriesStore::changed);
    store.setArchive(archive);
    EXPECT_EQ(changed.count(), 1);

    const auto xs = [](const std::vector<QPointF> &points) {
        std::vector<qint64> seconds;
        for (const QPointF &point : points)
            seconds.push_back(qint64(point.x()) / 1000);
        return seconds;
    };
    // From 35 s: the archive's neighbour at 30 s, its samples until the own history begins,
    // then the store's own samples (negative), nothing of the archive after them.
    const std::vector<QPointF> points = store.history(QStringLiteral("load"), 35'000, 150'000);
    EXPECT_EQ(xs(points), (std::vector<qint64>{30, 40, 50, 60, 70, 80, 90, 100, 105, 110, 115, 120, 125, 130,
                                               135, 140, 145, 150}));
    EXPECT_DOUBLE_EQ(points[6].y(), 90.0);
    EXPECT_DOUBLE_EQ(points[7].y(), -100.0);
    // A range the own history covers shows only it; one before it, only the archive.
    EXPECT_EQ(xs(store.history(QStringLiteral("load"), 120'000, 130'000)),
              (std::vector<qint64>{115, 120, 125, 130, 135}));
    EXPECT_EQ(xs(store.history(QStringLiteral("load"), 20'000, 45'000)), (std::vector<qint64>{10, 20, 30, 40, 50}));
    // A name only the archive knows; one nobody knows.
    EXPECT_EQ(xs(store.history(QStringLiteral("queue"), 0, 10'000)), (std::vector<qint64>{5}));
    EXPECT_TRUE(store.history(QStringLiteral("nothing"), 0, 200'000).empty());

    // A seek's restore keeps the archive, a copy takes it along, clear() drops it.
    store.restoreState(store.state());
    EXPECT_EQ(xs(store.history(QStringLiteral("load"), 0, 20'000)), (std::vector<qint64>{0, 10, 20, 30}));
    MetricSeriesStore copy;
    copy.copyHistoryFrom(store);
    EXPECT_EQ(copy.history(QStringLiteral("load"), 35'000, 150'000), points);
    store.clear();
    EXPECT_TRUE(store.history(QStringLiteral("load"), 0, 200'000).empty());
}
