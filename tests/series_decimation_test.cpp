#include "models/SeriesDecimation.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace vantage;

namespace {

// Noise with rare spikes either way, one point a second over a week.
std::vector<QPointF> noisyWeek(quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<QPointF> points;
    for (int i = 0; i < 7 * 24 * 3600; ++i) {
        double y = 100 + random.bounded(10.0);
        if (random.bounded(5000) == 0)
            y += random.bounded(2) ? 5000 : -5000;
        points.emplace_back(double(i), y);
    }
    return points;
}

} // namespace

TEST(SeriesDecimation, EveryColumnKeepsItsMinimumAndMaximum)
{
    const std::vector<QPointF> points = noisyWeek(7);
    constexpr int columns = 800;
    const double xMin = 3600;
    const double xMax = 6 * 24 * 3600;
    const QList<QPointF> out = decimateMinMax(points, xMin, xMax, columns);

    ASSERT_LE(out.size(), 2 * columns + 2);
    EXPECT_TRUE(std::is_sorted(out.begin(), out.end(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    // The points just outside the range, for the lines to reach the edges.
    EXPECT_EQ(out.front(), points[3599]);
    EXPECT_EQ(out.back(), points[6 * 24 * 3600 + 1]);

    const double perColumn = (xMax - xMin) / columns;
    for (int column = 0; column < columns; ++column) {
        const double from = xMin + column * perColumn;
        const double to = column == columns - 1 ? xMax + 1 : from + perColumn;
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (const QPointF &point : points) {
            if (point.x() >= from && point.x() < to) {
                low = std::min(low, point.y());
                high = std::max(high, point.y());
            }
        }
        const auto kept = [&](double y) {
            return std::any_of(out.begin(), out.end(),
                               [&](const QPointF &p) { return p.x() >= from && p.x() < to && p.y() == y; });
        };
        ASSERT_TRUE(kept(low)) << "column " << column << " lost its minimum " << low;
        ASSERT_TRUE(kept(high)) << "column " << column << " lost its maximum " << high;
    }
}

TEST(SeriesDecimation, ShortSeriesPassAndGapsAreLeftOut)
{
    const std::vector<QPointF> few{{0, 1}, {1, std::nan("")}, {2, 3}, {3, 4}};
    const QList<QPointF> out = decimateMinMax(few, 0, 3, 800);
    EXPECT_EQ(out, (QList<QPointF>{{0, 1}, {2, 3}, {3, 4}}));
    EXPECT_TRUE(decimateMinMax({}, 0, 10, 800).isEmpty());
    // A range that holds nothing keeps the neighbours, and the line between them.
    const std::vector<QPointF> wide{{0, 1}, {100, 2}};
    EXPECT_EQ(decimateMinMax(wide, 10, 20, 800), (QList<QPointF>{{0, 1}, {100, 2}}));
}

TEST(SeriesDecimation, AColumnOfGapsAddsNothing)
{
    std::vector<QPointF> points;
    for (int i = 0; i < 1000; ++i)
        points.emplace_back(i, i < 500 ? std::nan("") : double(i));
    const QList<QPointF> out = decimateMinMax(points, 0, 999, 10);
    ASSERT_FALSE(out.isEmpty());
    EXPECT_GE(out.front().x(), 500);
    EXPECT_LE(out.size(), 10);
}
