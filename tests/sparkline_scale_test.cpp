#include "widgets/SparklineScale.h"

#include <QtNumeric>

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using vantage::SparklineScale;

namespace {

const QRectF area(0, 0, 100, 50);

double minY(const QPolygonF &line)
{
    return std::min_element(line.begin(), line.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); })->y();
}

double maxY(const QPolygonF &line)
{
    return std::max_element(line.begin(), line.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); })->y();
}

} // namespace

TEST(SparklineScale, MapsKnownPointsEdgeToEdge)
{
    const std::vector<double> values{0.0, 5.0, 10.0};
    const SparklineScale scale = SparklineScale::fit(values, area);
    ASSERT_TRUE(scale.valid);
    EXPECT_DOUBLE_EQ(scale.minValue, 0.0);
    EXPECT_DOUBLE_EQ(scale.maxValue, 10.0);

    const auto lines = scale.polylines(values);
    ASSERT_EQ(lines.size(), 1u);
    ASSERT_EQ(lines[0].size(), 3);
    EXPECT_EQ(lines[0][0], QPointF(0, 50));
    EXPECT_EQ(lines[0][1], QPointF(50, 25));
    EXPECT_EQ(lines[0][2], QPointF(100, 0));
}

TEST(SparklineScale, DecimationKeepsASingleSampleSpike)
{
    std::vector<double> values(10'000, 1.0);
    values[7'777] = 100.0;
    values[1'234] = 0.0;
    const SparklineScale scale = SparklineScale::fit(values, area);
    const auto lines = scale.polylines(values);
    ASSERT_EQ(lines.size(), 1u);
    // At most two points (min and max) per pixel column.
    EXPECT_LE(lines[0].size(), 2 * 100);
    EXPECT_GE(lines[0].size(), 100);
    EXPECT_DOUBLE_EQ(minY(lines[0]), 0.0);   // the spike reaches the top
    EXPECT_DOUBLE_EQ(maxY(lines[0]), 50.0);  // the dip reaches the bottom
    // The spike sits in the column of its index.
    const auto spike = std::min_element(lines[0].begin(), lines[0].end(),
                                        [](QPointF a, QPointF b) { return a.y() < b.y(); });
    EXPECT_NEAR(spike->x(), 77.0, 1.5);
}

TEST(SparklineScale, PointsRunLeftToRight)
{
    std::vector<double> values;
    for (int i = 0; i < 5'000; ++i)
        values.push_back(i % 7);
    const auto lines = SparklineScale::fit(values, area).polylines(values);
    ASSERT_EQ(lines.size(), 1u);
    for (qsizetype i = 1; i < lines[0].size(); ++i)
        EXPECT_GE(lines[0][i].x(), lines[0][i - 1].x());
}

TEST(SparklineScale, EmptySeriesHasNothingToDraw)
{
    const std::vector<double> values;
    const SparklineScale scale = SparklineScale::fit(values, area);
    EXPECT_FALSE(scale.valid);
    EXPECT_TRUE(scale.polylines(values).empty());
}

TEST(SparklineScale, SingleValueIsOnePointAtTheRightMidHeight)
{
    const std::vector<double> values{42.0};
    const auto lines = SparklineScale::fit(values, area).polylines(values);
    ASSERT_EQ(lines.size(), 1u);
    ASSERT_EQ(lines[0].size(), 1);
    EXPECT_EQ(lines[0][0], QPointF(100, 25));
}

TEST(SparklineScale, FlatSeriesSitsMidHeight)
{
    const std::vector<double> values(30, 7.0);
    const auto lines = SparklineScale::fit(values, area).polylines(values);
    ASSERT_EQ(lines.size(), 1u);
    ASSERT_EQ(lines[0].size(), 30);
    for (const QPointF &p : lines[0])
        EXPECT_DOUBLE_EQ(p.y(), 25.0);
}

TEST(SparklineScale, IncludeZeroPinsTheBaseline)
{
    const std::vector<double> values{5.0, 5.0};
    const SparklineScale scale = SparklineScale::fit(values, area, true);
    EXPECT_DOUBLE_EQ(scale.minValue, 0.0);
    const auto lines = scale.polylines(values);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_DOUBLE_EQ(lines[0][0].y(), 0.0);
}

TEST(SparklineScale, NaNSplitsTheLine)
{
    const std::vector<double> values{1.0, 2.0, qQNaN(), 3.0, 4.0};
    const SparklineScale scale = SparklineScale::fit(values, area);
    EXPECT_DOUBLE_EQ(scale.minValue, 1.0);
    EXPECT_DOUBLE_EQ(scale.maxValue, 4.0);
    const auto lines = scale.polylines(values);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].size(), 2);
    EXPECT_EQ(lines[1].size(), 2);
    EXPECT_DOUBLE_EQ(lines[1][0].x(), 75.0); // positions keep the gap's width
}

TEST(SparklineScale, NaNRunSplitsADecimatedLine)
{
    std::vector<double> values(1'000, 3.0);
    std::fill(values.begin() + 400, values.begin() + 600, qQNaN());
    values[10] = 9.0;
    const auto lines = SparklineScale::fit(values, area).polylines(values);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_LT(lines[0].last().x(), 41.0);
    EXPECT_GT(lines[1].first().x(), 59.0);
}

TEST(SparklineScale, AllNaNHasNothingToDraw)
{
    const std::vector<double> values(10, qQNaN());
    const SparklineScale scale = SparklineScale::fit(values, area);
    EXPECT_FALSE(scale.valid);
    EXPECT_TRUE(scale.polylines(values).empty());
}
