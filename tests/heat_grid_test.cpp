#include "widgets/HeatGrid.h"

#include <QtNumeric>

#include <gtest/gtest.h>

#include <vector>

// The activity map's heat mode: weights into cells, a mass-preserving blur, intensities 0..1.

using vantage::HeatGrid;
using vantage::MapPoint;

namespace {

const QSizeF widget(100.0, 50.0);

double blurredTotal(const HeatGrid &grid)
{
    double total = 0.0;
    for (int r = 0; r < grid.rows(); ++r) {
        for (int c = 0; c < grid.columns(); ++c)
            total += double(grid.at(c, r)) * double(grid.max());
    }
    return total;
}

} // namespace

TEST(HeatGrid, CellsCoverTheWidget)
{
    HeatGrid grid;
    grid.build({}, QSizeF(105.0, 50.0), 10.0);
    EXPECT_EQ(grid.columns(), 11); // the last one partly outside
    EXPECT_EQ(grid.rows(), 5);
    EXPECT_EQ(grid.cellRect(3, 2), QRectF(30.0, 20.0, 10.0, 10.0));
}

TEST(HeatGrid, ASinglePointPeaksAtItsCell)
{
    HeatGrid grid;
    const std::vector<MapPoint> points{{QPointF(55.0, 25.0), 0, 4, 0}};
    grid.build(points, widget, 10.0, 1);
    EXPECT_EQ(grid.at(5, 2), 1.0f);
    // The 1 2 1 kernel both ways leaves (2/4)^2 of the weight in the cell itself.
    EXPECT_FLOAT_EQ(grid.max(), 1.0f);
    for (int r = 0; r < grid.rows(); ++r) {
        for (int c = 0; c < grid.columns(); ++c) {
            if (c != 5 || r != 2) {
                EXPECT_LT(grid.at(c, r), 1.0f) << c << ", " << r;
            }
        }
    }
}

TEST(HeatGrid, TheBlurSpreadsSymmetrically)
{
    HeatGrid grid;
    const std::vector<MapPoint> points{{QPointF(55.0, 25.0), 0, 1, 0}};
    grid.build(points, widget, 10.0, 1);
    EXPECT_FLOAT_EQ(grid.at(4, 2), 0.5f);
    EXPECT_FLOAT_EQ(grid.at(6, 2), 0.5f);
    EXPECT_FLOAT_EQ(grid.at(5, 1), 0.5f);
    EXPECT_FLOAT_EQ(grid.at(5, 3), 0.5f);
    EXPECT_FLOAT_EQ(grid.at(4, 1), 0.25f);
    EXPECT_FLOAT_EQ(grid.at(6, 3), 0.25f);
    EXPECT_EQ(grid.at(7, 2), 0.0f); // beyond the radius
    EXPECT_EQ(grid.at(5, 0), 0.0f);

    grid.build(points, widget, 10.0, 2);
    EXPECT_FLOAT_EQ(grid.at(3, 2), grid.at(7, 2));
    EXPECT_FLOAT_EQ(grid.at(5, 0), grid.at(5, 4));
    EXPECT_FLOAT_EQ(grid.at(3, 2), 1.0f / 6.0f); // 1 4 6 4 1: two cells out is 1/6 of the centre
    EXPECT_GT(grid.at(4, 2), grid.at(3, 2));
    EXPECT_EQ(grid.at(8, 2), 0.0f);
}

TEST(HeatGrid, NoBlurKeepsTheCounts)
{
    HeatGrid grid;
    const std::vector<MapPoint> points{
        {QPointF(1.0, 1.0), 0, 3, 0}, {QPointF(9.0, 9.0), 0, 1, 1}, {QPointF(99.0, 49.0), 0, 2, 2}};
    grid.build(points, widget, 10.0, 0);
    EXPECT_FLOAT_EQ(grid.max(), 4.0f);
    EXPECT_FLOAT_EQ(grid.at(0, 0), 1.0f);
    EXPECT_FLOAT_EQ(grid.at(9, 4), 0.5f);
    EXPECT_EQ(grid.at(1, 0), 0.0f);
}

TEST(HeatGrid, TheEdgesKeepTheirWeight)
{
    HeatGrid grid;
    const std::vector<MapPoint> corner{{QPointF(2.0, 2.0), 0, 9, 0}};
    grid.build(corner, widget, 10.0, 1);
    // Along each axis the corner cell keeps 2/3 and passes 1/3 on: 4/9 stays.
    EXPECT_FLOAT_EQ(grid.max(), 4.0f);
    EXPECT_FLOAT_EQ(grid.at(0, 0), 1.0f);
    EXPECT_FLOAT_EQ(grid.at(1, 0), 0.5f);
    EXPECT_FLOAT_EQ(grid.at(0, 1), 0.5f);
    EXPECT_FLOAT_EQ(grid.at(1, 1), 0.25f);
    EXPECT_NEAR(grid.mass(), 9.0, 1e-9);
}

TEST(HeatGrid, TheBlurPreservesTheTotalWeight)
{
    std::vector<MapPoint> points;
    int total = 0;
    for (int i = 0; i < 200; ++i) {
        const int weight = 1 + i % 4;
        points.push_back({QPointF((i * 37) % 101, (i * 13) % 51), i % 3, weight, i});
        total += weight;
    }
    HeatGrid grid;
    for (int radius : {0, 1, 2, 5}) {
        grid.build(points, widget, 7.0, radius);
        EXPECT_NEAR(grid.mass(), total, 1e-9) << radius;
        EXPECT_NEAR(blurredTotal(grid), total, 1e-3 * total) << radius; // through at()'s floats
    }
}

TEST(HeatGrid, PointsOffTheWidgetAreLeftOut)
{
    HeatGrid grid;
    const std::vector<MapPoint> points{{QPointF(-1.0, 10.0), 0, 1, 0},
                                       {QPointF(10.0, 50.5), 0, 1, 1},
                                       {QPointF(qQNaN(), 10.0), 0, 1, 2},
                                       {QPointF(100.0, 50.0), 0, 0, 3}}; // on the edge: in, weight 1
    grid.build(points, widget, 10.0, 1);
    EXPECT_NEAR(grid.mass(), 1.0, 1e-12);
    EXPECT_EQ(grid.at(9, 4), 1.0f);
}

TEST(HeatGrid, AnEmptyGridIsCold)
{
    HeatGrid grid;
    EXPECT_EQ(grid.max(), 0.0f);
    EXPECT_EQ(grid.columns(), 0);
    grid.build({}, widget, 10.0);
    EXPECT_EQ(grid.max(), 0.0f);
    EXPECT_EQ(grid.mass(), 0.0);
    EXPECT_EQ(grid.at(3, 3), 0.0f);
    EXPECT_EQ(grid.at(-1, 0), 0.0f);
    EXPECT_EQ(grid.at(10, 0), 0.0f);

    // A rebuild forgets the last one.
    const std::vector<MapPoint> points{{QPointF(5.0, 5.0), 0, 1, 0}};
    grid.build(points, widget, 10.0);
    EXPECT_GT(grid.max(), 0.0f);
    grid.build({}, widget, 10.0);
    EXPECT_EQ(grid.max(), 0.0f);
    grid.build(points, QSizeF(0.0, 0.0), 10.0);
    EXPECT_EQ(grid.columns(), 0);
    EXPECT_EQ(grid.max(), 0.0f);
}
