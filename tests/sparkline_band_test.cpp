#include "widgets/SparklineBand.h"
#include "widgets/SparklineScale.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

using namespace vantage;

namespace {

constexpr double kLineWidth = 1.6;
constexpr double kHalf = kLineWidth / 2.0;
// How close the band follows the pen: its straight edges within a fortieth of a pixel, its round
// ends and joins by chords every 45 degrees (each a sagitta of kHalf × (1 - cos 22.5°) from its arc).
constexpr double kStraight = 0.025;
constexpr double kRound = kHalf * (1.0 - 0.9239) + kStraight;

// Where the band is at x: the lowest and highest of its edges' crossings of that vertical line.
std::optional<std::pair<double, double>> extentAt(const QPolygonF &band, double x)
{
    double top = std::numeric_limits<double>::infinity();
    double bottom = -std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < band.size(); ++i) {
        const QPointF a = band[i];
        const QPointF b = band[(i + 1) % band.size()];
        if (x < std::min(a.x(), b.x()) || x > std::max(a.x(), b.x()))
            continue;
        const double y =
            a.x() == b.x() ? std::min(a.y(), b.y()) : a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x());
        const double otherY = a.x() == b.x() ? std::max(a.y(), b.y()) : y;
        top = std::min(top, y);
        bottom = std::max(bottom, otherY);
    }
    if (top > bottom)
        return std::nullopt;
    return std::pair(top, bottom);
}

// A series decimated into a sparkline of `width` px, as Sparkline::paint draws it.
QPolygonF sparkline(const std::vector<double> &values, double width)
{
    return SparklineScale::fit(values, QRectF(4, 4, width, 22), true).polylines(values).front();
}

std::vector<double> series(int count, const std::function<double(int, unsigned)> &value)
{
    std::vector<double> values;
    unsigned state = 12345;
    for (int i = 0; i < count; ++i) {
        state = state * 1103515245u + 12345u;
        values.push_back(value(i, state >> 16));
    }
    return values;
}

// A card's history: a random walk.
std::vector<double> walk(int count)
{
    double value = 50.0;
    return series(count, [&](int, unsigned random) {
        value = std::clamp(value + double(int(random % 13) - 6), 5.0, 95.0);
        return value;
    });
}

// Coverage (alpha, 0-255) of each pixel of what `paint` draws in opaque white.
std::vector<int> coverage(const std::function<void(QPainter &)> &paint)
{
    QImage image(310, 30, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    paint(painter);
    painter.end();
    std::vector<int> alpha;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            alpha.push_back(qAlpha(image.pixel(x, y)));
    }
    return alpha;
}

// The band's pixels against a round pen's, as one outline with its overlaps merged. (Stroking the
// line straight inks up to 10 % more: where its segments overlap, the rasteriser adds up their
// partial coverage of the same edge pixels.)
void expectTheInkOfARoundPen(const QPolygonF &line, double lineWidth = kLineWidth)
{
    const std::vector<int> pen = coverage([&](QPainter &painter) {
        QPainterPath path;
        path.addPolygon(line);
        QPainterPathStroker stroker(QPen(Qt::white, lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.fillPath(stroker.createStroke(path).simplified(), Qt::white);
    });
    const std::vector<int> band = coverage([&](QPainter &painter) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawPolygon(SparklineBand::outline(line, lineWidth), Qt::WindingFill);
    });
    long penInk = 0;
    long bandInk = 0;
    long difference = 0;
    int unlike = 0;
    for (size_t i = 0; i < pen.size(); ++i) {
        penInk += pen[i];
        bandInk += band[i];
        difference += std::abs(pen[i] - band[i]);
        // A pixel one paints more than half and the other less than half as much.
        unlike += std::abs(pen[i] - band[i]) > 128;
    }
    EXPECT_NEAR(double(bandInk) / double(penInk), 1.0, 0.02);
    EXPECT_LT(double(difference) / double(penInk), 0.03);
    EXPECT_EQ(unlike, 0);
}

} // namespace

TEST(SparklineBand, NothingForAnEmptyLine)
{
    EXPECT_TRUE(SparklineBand::outline(QPolygonF(), kLineWidth).isEmpty());
}

TEST(SparklineBand, AFlatLineIsThePensWidthWithRoundEnds)
{
    const QPolygonF band =
        SparklineBand::outline({QPointF(10, 20), QPointF(11, 20), QPointF(12, 20)}, kLineWidth);
    for (double x : {10.0, 10.5, 11.0, 12.0}) {
        const auto extent = extentAt(band, x);
        ASSERT_TRUE(extent) << x;
        EXPECT_NEAR(extent->first, 20 - kHalf, kStraight) << x;
        EXPECT_NEAR(extent->second, 20 + kHalf, kStraight) << x;
    }
    // Half the pen's radius past an end, the round end is sqrt(0.8² - 0.4²) to either side.
    const auto end = extentAt(band, 12 + kHalf / 2);
    ASSERT_TRUE(end);
    EXPECT_NEAR(end->first, 20 - std::sqrt(0.75) * kHalf, kRound);
    EXPECT_FALSE(extentAt(band, 12 + kHalf + 0.01));
    EXPECT_FALSE(extentAt(band, 10 - kHalf - 0.01));
}

TEST(SparklineBand, AColumnsSpikeIsCoveredWhole)
{
    // The middle column holds a minimum and a maximum far apart, as decimation keeps them.
    const QPolygonF band = SparklineBand::outline(
        {QPointF(10, 20), QPointF(11, 2), QPointF(11, 28), QPointF(12, 20)}, kLineWidth);
    const auto extent = extentAt(band, 11);
    ASSERT_TRUE(extent);
    EXPECT_NEAR(extent->first, 2 - kHalf, kStraight);
    EXPECT_NEAR(extent->second, 28 + kHalf, kStraight);
}

TEST(SparklineBand, ASlopeIsTallerThanThePenIsWide)
{
    // Rising 2 in 4: across the segment the pen reaches 0.8, up and down 0.8 × sqrt(1 + 0.5²).
    const QPolygonF band = SparklineBand::outline({QPointF(10, 22), QPointF(14, 20)}, kLineWidth);
    const auto extent = extentAt(band, 12);
    ASSERT_TRUE(extent);
    EXPECT_NEAR(extent->first, 21 - kHalf * std::sqrt(1.25), kStraight);
    EXPECT_NEAR(extent->second, 21 + kHalf * std::sqrt(1.25), kStraight);
}

TEST(SparklineBand, APenWiderThanTheGapReachesAcrossFromAColumnsSpan)
{
    // Flat at 28 into column 11, which climbs to 2 and carries on flat from there.
    const QPolygonF line{QPointF(10, 28), QPointF(11, 28), QPointF(11, 2), QPointF(12, 2)};

    // Half a pixel from column 11, a 1.6 px pen covers the climb, and its round end reaches
    // sqrt(0.8² - 0.5²) above it.
    const auto wide = extentAt(SparklineBand::outline(line, kLineWidth), 10.5);
    ASSERT_TRUE(wide);
    EXPECT_NEAR(wide->first, 2 - std::sqrt(kHalf * kHalf - 0.25), kRound);

    // A 0.8 px pen does not reach that far: halfway, only the flat segment's stroke is there.
    const double narrowHalf = 0.4;
    const auto narrow = extentAt(SparklineBand::outline(line, 2 * narrowHalf), 10.5);
    ASSERT_TRUE(narrow);
    EXPECT_NEAR(narrow->first, 28 - narrowHalf, kStraight);
}

TEST(SparklineBand, AColumnsSidesAreWhereThePenReaches)
{
    const QPolygonF band = SparklineBand::outline(
        {QPointF(10, 28), QPointF(11, 28), QPointF(11, 2), QPointF(12, 2)}, kLineWidth);
    // Just inside the column's left side the climb is inked to the top; just outside, only the
    // flat stroke into it.
    const auto inside = extentAt(band, 11 - kHalf + 0.01);
    const auto outside = extentAt(band, 11 - kHalf - 0.01);
    ASSERT_TRUE(inside && outside);
    EXPECT_LT(inside->first, 2.0);
    EXPECT_NEAR(outside->first, 28 - kHalf, kStraight);
}

TEST(SparklineBand, ALonePointIsADiscOfThePensWidth)
{
    const QRectF bounds = SparklineBand::outline({QPointF(5, 5)}, kLineWidth).boundingRect();
    EXPECT_NEAR(bounds.width(), kLineWidth, 1e-9);
    EXPECT_NEAR(bounds.height(), kLineWidth, 1e-9);
    EXPECT_EQ(bounds.center(), QPointF(5, 5));
}

TEST(SparklineBand, InksWhatARoundPenInksOnACardsHistory)
{
    // 900 samples decimated into 296 px, as on the metrics page; 180 in 230 px, the overview's.
    const QPolygonF decimated = sparkline(walk(900), 296);
    ASSERT_GT(decimated.size(), 296) << "not decimated: two points in some columns";
    expectTheInkOfARoundPen(decimated);
    expectTheInkOfARoundPen(sparkline(walk(180), 230));
}

TEST(SparklineBand, InksWhatARoundPenInksOnSteepAndSparseLines)
{
    // Full-height zigzags a pixel and four pixels apart, lone spikes, and noise.
    const auto zigzag = [](int i, unsigned) { return i % 2 ? 100.0 : 0.0; };
    const auto spikes = [](int i, unsigned) { return i % 5 ? 20.0 : 80.0; };
    const auto noise = [](int, unsigned random) { return double(random % 100); };
    expectTheInkOfARoundPen(sparkline(series(230, zigzag), 230));
    expectTheInkOfARoundPen(sparkline(series(60, zigzag), 230));
    expectTheInkOfARoundPen(sparkline(series(230, spikes), 230));
    expectTheInkOfARoundPen(sparkline(series(60, noise), 230));
}

TEST(SparklineBand, InksWhatARoundPenInksOnSmoothCurves)
{
    // Gentle curves, where leaving out the points of an edge that is nearly straight must not add
    // up to a drift.
    const auto parabola = [](int i, unsigned) { return (i - 115.0) * (i - 115.0); };
    const auto root = [](int i, unsigned) { return std::sqrt(double(i)); };
    const auto sine = [](int i, unsigned) { return std::sin(i / 40.0); };
    expectTheInkOfARoundPen(sparkline(series(230, parabola), 230));
    expectTheInkOfARoundPen(sparkline(series(900, root), 296));
    expectTheInkOfARoundPen(sparkline(series(230, sine), 230));
}

TEST(SparklineBand, InksWhatARoundPenInksAtTwiceTheType)
{
    expectTheInkOfARoundPen(sparkline(walk(180), 230), 2 * kLineWidth);
    expectTheInkOfARoundPen(sparkline(series(60, [](int i, unsigned) { return i % 2 ? 100.0 : 0.0; }), 230),
                            2 * kLineWidth);
}
