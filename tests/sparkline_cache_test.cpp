#include "widgets/Sparkline.h"
#include "widgets/SparklineCache.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace vantage;

namespace {

const QColor background(24, 28, 36);
const QColor line(80, 160, 255);

QImage canvas()
{
    QImage image(240, 90, QImage::Format_ARGB32_Premultiplied);
    image.fill(background);
    return image;
}

std::vector<double> wave(double phase)
{
    std::vector<double> values;
    for (int i = 0; i < 180; ++i)
        values.push_back(50.0 + 40.0 * std::sin(phase + i / 9.0));
    return values;
}

QImage direct(const QRectF &rect, const std::vector<double> &values, double typeScale = 1.0)
{
    QImage image = canvas();
    QPainter painter(&image);
    Sparkline::paint(painter, rect, values, line, true, typeScale);
    return image;
}

QImage cached(SparklineCache &cache, const QRectF &rect, const std::vector<double> &values,
              double typeScale = 1.0)
{
    QImage image = canvas();
    QPainter painter(&image);
    cache.paint(painter, rect, values, line, true, typeScale);
    return image;
}

// The largest difference of any channel between two images of the same size: compositing through an
// image rounds once more than painting straight onto the surface.
int largestDifference(const QImage &a, const QImage &b)
{
    int largest = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            largest = std::max({largest, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                std::abs(qBlue(p) - qBlue(q))});
        }
    }
    return largest;
}

int pixelsUnlike(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != colour.rgb())
                ++count;
        }
    }
    return count;
}

} // namespace

TEST(SparklineCache, PaintsWhatTheSparklinePaints)
{
    const QRectF rect(10.5, 20.25, 200, 40);
    SparklineCache cache;
    const QImage expected = direct(rect, wave(0.0));
    const QImage shown = cached(cache, rect, wave(0.0));
    EXPECT_GT(pixelsUnlike(expected, background), 2000);
    EXPECT_LE(largestDifference(expected, shown), 2);
    // The newest sample's dot sits on the rect's edge and is not cut by the image's border.
    EXPECT_LE(largestDifference(direct(rect, wave(1.5), 2.0), cached(cache, rect, wave(1.5), 2.0)), 2);
}

TEST(SparklineCache, BlitsWhileNothingChangesAndDrawsAgainWhenSomethingDoes)
{
    const QRectF rect(4, 4, 200, 40);
    SparklineCache cache;
    cached(cache, rect, wave(0.0));
    cached(cache, rect, wave(0.0));
    cached(cache, rect.translated(20, 30), wave(0.0));
    EXPECT_EQ(cache.renders(), 1);

    const QImage changed = cached(cache, rect, wave(0.7));
    EXPECT_EQ(cache.renders(), 2);
    EXPECT_LE(largestDifference(direct(rect, wave(0.7)), changed), 2);
    EXPECT_GT(largestDifference(direct(rect, wave(0.0)), changed), 40);

    cached(cache, rect.adjusted(0, 0, -20, 0), wave(0.7));
    EXPECT_EQ(cache.renders(), 3);
    QImage muted = canvas();
    QPainter painter(&muted);
    cache.paint(painter, rect, wave(0.7), Qt::gray, true, 1.0);
    EXPECT_EQ(cache.renders(), 4);
}

TEST(SparklineCache, AGapInTheHistoryDoesNotDefeatTheCache)
{
    std::vector<double> values = wave(0.0);
    values[40] = std::nan("");
    SparklineCache cache;
    cached(cache, QRectF(4, 4, 200, 40), values);
    cached(cache, QRectF(4, 4, 200, 40), values);
    EXPECT_EQ(cache.renders(), 1);
}

// A high-DPI screen paints at its ratio: the image is drawn at that ratio too and still blitted.
TEST(SparklineCache, AHighDpiDeviceIsCachedAtItsRatio)
{
    const QRectF rect(10, 20, 200, 40);
    const auto onRatio2 = [&](const std::function<void(QPainter &)> &draw) {
        QImage image(480, 180, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2.0);
        image.fill(background);
        QPainter painter(&image);
        draw(painter);
        return image;
    };
    SparklineCache cache;
    const QImage expected =
        onRatio2([&](QPainter &p) { Sparkline::paint(p, rect, wave(0.0), line, true, 1.0); });
    onRatio2([&](QPainter &p) { cache.paint(p, rect, wave(0.0), line, true, 1.0); });
    const QImage shown = onRatio2([&](QPainter &p) { cache.paint(p, rect, wave(0.0), line, true, 1.0); });
    EXPECT_EQ(cache.renders(), 1);
    EXPECT_LE(largestDifference(expected, shown), 2);
    EXPECT_GT(pixelsUnlike(expected, background), 8000); // drawn at twice the pixels
}

TEST(SparklineCache, AScaledPainterIsPaintedDirectly)
{
    const QRectF rect(4, 4, 100, 20);
    SparklineCache cache;
    QImage image = canvas();
    QPainter painter(&image);
    painter.scale(2.0, 2.0);
    cache.paint(painter, rect, wave(0.0), line, true, 1.0);
    painter.end();
    EXPECT_EQ(cache.renders(), 0);
    EXPECT_LE(largestDifference(image,
                                [&] {
                                    QImage expected = canvas();
                                    QPainter p(&expected);
                                    p.scale(2.0, 2.0);
                                    Sparkline::paint(p, rect, wave(0.0), line, true, 1.0);
                                    return expected;
                                }()),
              0);
}
