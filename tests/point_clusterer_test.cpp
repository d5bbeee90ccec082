#include "widgets/PointClusterer.h"

#include <QtNumeric>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

// Grid clustering of the activity map's points in pixel space.

using vantage::MapCluster;
using vantage::MapPoint;
using vantage::PointClusterer;

namespace {

constexpr double cell = 40.0;

// n points within 1 px of centre, each numbered by its position in points.
void addGroup(std::vector<MapPoint> &points, QPointF centre, int n, int category = 0)
{
    for (int i = 0; i < n; ++i) {
        const QPointF offset((i % 3) - 1.0, (i / 3) - 1.0);
        points.push_back({centre + offset, category, 1, int(points.size())});
    }
}

std::vector<int> sortedSources(const PointClusterer &clusterer, const MapCluster &cluster)
{
    const std::span<const int> s = clusterer.sources(cluster);
    std::vector<int> sources(s.begin(), s.end());
    std::sort(sources.begin(), sources.end());
    return sources;
}

} // namespace

TEST(PointClusterer, ThreeTightGroupsGiveThreeClusters)
{
    // Each group sits in the middle of its own cell.
    std::vector<MapPoint> points;
    addGroup(points, QPointF(220.0, 300.0), 1);
    addGroup(points, QPointF(300.0, 100.0), 3);
    addGroup(points, QPointF(100.0, 100.0), 5);
    PointClusterer clusterer;
    const std::vector<MapCluster> clusters = clusterer.cluster(points, cell);
    ASSERT_EQ(clusters.size(), 3u);
    EXPECT_EQ(clusters[0].count, 5);
    EXPECT_EQ(clusters[1].count, 3);
    EXPECT_EQ(clusters[2].count, 1);
    EXPECT_EQ(sortedSources(clusterer, clusters[0]), (std::vector<int>{4, 5, 6, 7, 8}));
    EXPECT_EQ(sortedSources(clusterer, clusters[1]), (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(sortedSources(clusterer, clusters[2]), (std::vector<int>{0}));
    EXPECT_EQ(clusters[2].pixel, QPointF(219.0, 299.0));
    EXPECT_EQ(clusters[2].extent, QRectF(219.0, 299.0, 0.0, 0.0));
    EXPECT_EQ(clusters[1].extent, QRectF(299.0, 99.0, 2.0, 0.0));
}

TEST(PointClusterer, AGroupStraddlingACellBorderStaysOne)
{
    // x = 120 and y = 80 are cell borders: the group falls into four cells.
    std::vector<MapPoint> points;
    for (QPointF p : {QPointF(117.0, 77.0), QPointF(118.0, 83.0), QPointF(122.0, 78.0), QPointF(123.0, 82.0),
                      QPointF(119.0, 81.0)})
        points.push_back({p, 0, 1, int(points.size())});
    PointClusterer clusterer;
    const std::vector<MapCluster> clusters = clusterer.cluster(points, cell);
    ASSERT_EQ(clusters.size(), 1u);
    EXPECT_EQ(clusters[0].count, 5);
    EXPECT_EQ(clusters[0].sourceCount, 5);
    EXPECT_DOUBLE_EQ(clusters[0].pixel.x(), 119.8);
    EXPECT_DOUBLE_EQ(clusters[0].pixel.y(), 80.2);
    EXPECT_EQ(clusters[0].extent, QRectF(QPointF(117.0, 77.0), QPointF(123.0, 83.0)));
}

TEST(PointClusterer, NeighbouringCellsFarApartStaySeparate)
{
    // Adjacent cells, but their points are a cell apart.
    const std::vector<MapPoint> points{{QPointF(82.0, 100.0), 0, 1, 0}, {QPointF(158.0, 100.0), 0, 1, 1}};
    PointClusterer clusterer;
    EXPECT_EQ(clusterer.cluster(points, cell).size(), 2u);
}

TEST(PointClusterer, WeightsSumAndPullTheCentre)
{
    const std::vector<MapPoint> points{{QPointF(100.0, 100.0), 0, 3, 10},
                                       {QPointF(110.0, 100.0), 0, 1, 11},
                                       {QPointF(100.0, 108.0), 0, 4, 12}};
    PointClusterer clusterer;
    const std::vector<MapCluster> clusters = clusterer.cluster(points, cell);
    ASSERT_EQ(clusters.size(), 1u);
    EXPECT_EQ(clusters[0].count, 8);
    EXPECT_EQ(clusters[0].sourceCount, 3);
    EXPECT_DOUBLE_EQ(clusters[0].pixel.x(), 101.25);
    EXPECT_DOUBLE_EQ(clusters[0].pixel.y(), 104.0);
    EXPECT_EQ(sortedSources(clusterer, clusters[0]), (std::vector<int>{10, 11, 12}));
}

TEST(PointClusterer, TheDominantCategoryHasTheMostWeight)
{
    // Category 2 has fewer points but more weight.
    std::vector<MapPoint> points{{QPointF(100.0, 100.0), 1, 1, 0},
                                 {QPointF(101.0, 100.0), 1, 1, 1},
                                 {QPointF(102.0, 100.0), 1, 1, 2},
                                 {QPointF(103.0, 100.0), 2, 4, 3}};
    PointClusterer clusterer;
    EXPECT_EQ(clusterer.cluster(points, cell).front().dominantCategory, 2);
    points[3].weight = 3; // a tie: the smaller category
    EXPECT_EQ(clusterer.cluster(points, cell).front().dominantCategory, 1);
    points[3].weight = 1;
    points[0].category = 7;
    points[1].category = 7;
    EXPECT_EQ(clusterer.cluster(points, cell).front().dominantCategory, 7);
}

TEST(PointClusterer, CellsSmallerThanTheSpacingKeepEveryPoint)
{
    // 10 px apart with 6 px cells: some land in adjacent cells, but never close enough to merge.
    std::vector<MapPoint> points;
    for (int r = 0; r < 7; ++r) {
        for (int c = 0; c < 9; ++c)
            points.push_back({QPointF(5.0 + 10.0 * c, 5.0 + 10.0 * r), 0, 1, int(points.size())});
    }
    PointClusterer clusterer;
    const std::vector<MapCluster> clusters = clusterer.cluster(points, 6.0);
    ASSERT_EQ(clusters.size(), points.size());
    for (const MapCluster &cluster : clusters)
        EXPECT_EQ(cluster.count, 1);
    // Sorted top to bottom, left to right when counts tie.
    EXPECT_EQ(clusters.front().pixel, QPointF(5.0, 5.0));
    EXPECT_EQ(clusters[1].pixel, QPointF(15.0, 5.0));
    EXPECT_EQ(clusters.back().pixel, QPointF(85.0, 65.0));
}

TEST(PointClusterer, DenseDataDoesNotChainIntoOneBlob)
{
    // A 2 px lattice fills every cell: each cluster takes in at most its 3 x 3 neighbourhood.
    std::vector<MapPoint> points;
    for (int y = 1; y < 400; y += 2) {
        for (int x = 1; x < 400; x += 2)
            points.push_back({QPointF(x, y), 0, 1, int(points.size())});
    }
    PointClusterer clusterer;
    const std::vector<MapCluster> clusters = clusterer.cluster(points, cell);
    EXPECT_GT(clusters.size(), 10u);
    for (const MapCluster &cluster : clusters) {
        EXPECT_LT(cluster.extent.width(), 3.0 * cell);
        EXPECT_LT(cluster.extent.height(), 3.0 * cell);
    }
}

TEST(PointClusterer, TenThousandPointsAreAllAccountedFor)
{
    std::mt19937 random(20260613);
    std::uniform_real_distribution<double> x(0.0, 1920.0);
    std::uniform_real_distribution<double> y(0.0, 1080.0);
    std::uniform_int_distribution<int> weight(1, 3);
    std::uniform_int_distribution<int> category(0, 4);
    std::vector<MapPoint> points(10'000);
    int totalWeight = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i] = {QPointF(x(random), y(random)), category(random), weight(random), int(i)};
        totalWeight += points[i].weight;
    }

    PointClusterer clusterer;
    const std::vector<MapCluster> clusters = clusterer.cluster(points, 48.0);
    int countSum = 0;
    std::vector<int> seen(points.size(), 0);
    for (const MapCluster &cluster : clusters) {
        countSum += cluster.count;
        for (int source : clusterer.sources(cluster)) {
            ++seen[std::size_t(source)];
            const QPointF p = points[std::size_t(source)].pixel;
            // QRectF keeps a width, not a right edge: allow its rounding.
            EXPECT_TRUE(cluster.extent.adjusted(-1e-9, -1e-9, 1e-9, 1e-9).contains(p));
        }
    }
    EXPECT_EQ(countSum, totalWeight);
    EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    EXPECT_TRUE(std::is_sorted(clusters.begin(), clusters.end(),
                               [](const MapCluster &a, const MapCluster &b) { return a.count > b.count; }));
}

TEST(PointClusterer, TheSameInputGivesTheSameOutput)
{
    std::mt19937 random(7);
    std::uniform_real_distribution<double> coordinate(0.0, 600.0);
    std::vector<MapPoint> points(2'000);
    for (std::size_t i = 0; i < points.size(); ++i)
        points[i] = {QPointF(coordinate(random), coordinate(random)), int(i % 3), 1, int(i)};

    PointClusterer reused;
    PointClusterer fresh;
    reused.cluster(points, 17.0); // different state in the buffers first
    const std::vector<MapCluster> a = reused.cluster(points, 30.0);
    const std::vector<MapCluster> b = fresh.cluster(points, 30.0);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].pixel, b[i].pixel);
        EXPECT_EQ(a[i].count, b[i].count);
        EXPECT_EQ(a[i].dominantCategory, b[i].dominantCategory);
        EXPECT_EQ(a[i].extent, b[i].extent);
        const std::span<const int> sa = reused.sources(a[i]);
        const std::span<const int> sb = fresh.sources(b[i]);
        EXPECT_TRUE(std::equal(sa.begin(), sa.end(), sb.begin(), sb.end()));
    }
}

TEST(PointClusterer, EdgeCases)
{
    PointClusterer clusterer;
    EXPECT_TRUE(clusterer.cluster({}, cell).empty());

    const std::vector<MapPoint> points{{QPointF(qQNaN(), 5.0), 0, 1, 0},
                                       {QPointF(5.0, qInf()), 0, 1, 1},
                                       {QPointF(5.0, 5.0), 0, 0, 2},
                                       {QPointF(1e300, -1e300), 0, 1, 3}};
    const std::vector<MapCluster> clusters = clusterer.cluster(points, cell);
    // The non-finite ones are left out; a weight of 0 counts as 1.
    ASSERT_EQ(clusters.size(), 2u);
    EXPECT_EQ(clusters[0].count + clusters[1].count, 2);

    // A cell of no size (or NaN) still separates distinct points and groups identical ones.
    const std::vector<MapPoint> same{
        {QPointF(5.0, 5.0), 0, 1, 0}, {QPointF(5.0, 5.0), 0, 1, 1}, {QPointF(6.0, 5.0), 0, 1, 2}};
    for (double size : {0.0, -3.0, qQNaN()}) {
        const std::vector<MapCluster> tiny = clusterer.cluster(same, size);
        ASSERT_EQ(tiny.size(), 2u);
        EXPECT_EQ(tiny[0].count, 2);
    }
}
