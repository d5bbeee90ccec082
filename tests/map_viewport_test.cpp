#include "widgets/MapViewport.h"

#include "widgets/EqualEarthProjection.h"

#include <QLineF>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

// The activity map's viewport: projected units to widget pixels and back, zoom, pan and fit.

using vantage::EqualEarthProjection;
using vantage::MapViewport;

namespace {

constexpr double pixelTolerance = 1e-6;

const QSizeF wide(800.0, 400.0);
const QGeoCoordinate paris(48.8566, 2.3522);
const QGeoCoordinate sydney(-33.8688, 151.2093);

void expectNear(QPointF actual, QPointF expected, double tolerance = pixelTolerance)
{
    EXPECT_NEAR(actual.x(), expected.x(), tolerance);
    EXPECT_NEAR(actual.y(), expected.y(), tolerance);
}

// The projected world box's edges in pixels: left, top (north), right, bottom (south).
QRectF worldInPixels(const MapViewport &viewport)
{
    const QRectF world = EqualEarthProjection::worldBounds();
    return QRectF(viewport.toPixel(QPointF(world.left(), world.bottom())),
                  viewport.toPixel(QPointF(world.right(), world.top())));
}

} // namespace

TEST(MapViewport, TheWorldsCentreIsTheWidgetsCentre)
{
    const MapViewport viewport(wide);
    EXPECT_EQ(viewport.zoom(), 1.0);
    expectNear(viewport.toPixel(QPointF(0.0, 0.0)), QPointF(400.0, 200.0));
    expectNear(viewport.toPixel(QGeoCoordinate(0.0, 0.0)), QPointF(400.0, 200.0));
    // North is up, east is right.
    EXPECT_LT(viewport.toPixel(QGeoCoordinate(45.0, 0.0)).y(), 200.0);
    EXPECT_GT(viewport.toPixel(QGeoCoordinate(0.0, 45.0)).x(), 400.0);
}

TEST(MapViewport, AtZoomOneTheWorldFitsWithTheMarginOnTheTighterAxis)
{
    // The world box is about 2.05 times wider than tall: a 4:3 widget is limited by its width.
    const QRectF fourByThree = worldInPixels(MapViewport(QSizeF(800.0, 600.0)));
    EXPECT_NEAR(fourByThree.left(), MapViewport::worldMarginPx, pixelTolerance);
    EXPECT_NEAR(fourByThree.right(), 800.0 - MapViewport::worldMarginPx, pixelTolerance);
    EXPECT_GT(fourByThree.top(), MapViewport::worldMarginPx + 1.0);
    EXPECT_NEAR(fourByThree.center().y(), 300.0, pixelTolerance);

    // A 3:1 one by its height.
    const QRectF threeByOne = worldInPixels(MapViewport(QSizeF(1200.0, 400.0)));
    EXPECT_NEAR(threeByOne.top(), MapViewport::worldMarginPx, pixelTolerance);
    EXPECT_NEAR(threeByOne.bottom(), 400.0 - MapViewport::worldMarginPx, pixelTolerance);
    EXPECT_GT(threeByOne.left(), MapViewport::worldMarginPx + 1.0);
    EXPECT_NEAR(threeByOne.center().x(), 600.0, pixelTolerance);
}

TEST(MapViewport, OneScaleOnBothAxes)
{
    for (QSizeF size : {wide, QSizeF(400.0, 800.0), QSizeF(333.0, 333.0)}) {
        MapViewport viewport(size);
        viewport.zoomAt(QPointF(100.0, 100.0), 3.0);
        const QPointF origin = viewport.toPixel(QPointF(0.1, 0.2));
        const QPointF east = viewport.toPixel(QPointF(1.1, 0.2));
        const QPointF north = viewport.toPixel(QPointF(0.1, 1.2));
        EXPECT_NEAR(east.x() - origin.x(), viewport.scale(), pixelTolerance);
        EXPECT_NEAR(east.y(), origin.y(), pixelTolerance);
        EXPECT_NEAR(origin.y() - north.y(), viewport.scale(), pixelTolerance);
        EXPECT_NEAR(north.x(), origin.x(), pixelTolerance);
    }
}

TEST(MapViewport, ZoomAtKeepsThePlaceUnderTheCursor)
{
    MapViewport viewport(wide);
    const QPointF cursors[] = {{600.0, 120.0}, {250.0, 300.0}, {410.0, 190.0}};
    const double factors[] = {2.5, 3.0, 0.5};
    for (int i = 0; i < 3; ++i) {
        const QPointF before = viewport.toProjected(cursors[i]);
        const std::optional<QGeoCoordinate> place = viewport.toCoordinate(cursors[i]);
        ASSERT_TRUE(place);
        const double zoom = viewport.zoom();
        viewport.zoomAt(cursors[i], factors[i]);
        EXPECT_DOUBLE_EQ(viewport.zoom(), zoom * factors[i]);
        expectNear(viewport.toPixel(before), cursors[i]);
        expectNear(viewport.toPixel(*place), cursors[i]);
    }
}

TEST(MapViewport, ZoomIsClamped)
{
    MapViewport viewport(wide);
    const QPointF cursor(380.0, 210.0);
    const QPointF before = viewport.toProjected(cursor);
    viewport.zoomAt(cursor, 1'000.0);
    EXPECT_EQ(viewport.zoom(), MapViewport::maxZoom);
    expectNear(viewport.toPixel(before), cursor); // the anchor holds at the clamped zoom
    viewport.zoomAt(cursor, 1e-3);
    EXPECT_EQ(viewport.zoom(), MapViewport::minZoom);
    expectNear(viewport.center(), QPointF(0.0, 0.0), 1e-12); // at zoom 1 the world is centred

    viewport.setZoom(0.25);
    EXPECT_EQ(viewport.zoom(), MapViewport::minZoom);
    viewport.setZoom(100.0);
    EXPECT_EQ(viewport.zoom(), MapViewport::maxZoom);
    viewport.setZoom(qQNaN());
    viewport.zoomAt(cursor, -2.0);
    viewport.zoomAt(cursor, qInf());
    EXPECT_EQ(viewport.zoom(), MapViewport::maxZoom);
}

TEST(MapViewport, PanMovesTheContentLikeADrag)
{
    MapViewport viewport(wide);
    viewport.setZoom(4.0);
    const QPointF before = viewport.toPixel(paris);
    viewport.panBy(QPointF(30.0, -20.0));
    expectNear(viewport.toPixel(paris), before + QPointF(30.0, -20.0));
}

TEST(MapViewport, PanIsClampedAtTheWorldsEdges)
{
    MapViewport viewport(wide);
    viewport.panBy(QPointF(300.0, 100.0));
    expectNear(viewport.center(), QPointF(0.0, 0.0), 1e-12); // the whole world shows: nowhere to go

    viewport.setZoom(4.0);
    viewport.panBy(QPointF(1e5, 1e5)); // dragging right and down shows the north-west
    QRectF world = worldInPixels(viewport);
    EXPECT_NEAR(world.left(), 0.0, pixelTolerance);
    EXPECT_NEAR(world.top(), 0.0, pixelTolerance);

    viewport.panBy(QPointF(-1e6, -1e6));
    world = worldInPixels(viewport);
    EXPECT_NEAR(world.right(), 800.0, pixelTolerance);
    EXPECT_NEAR(world.bottom(), 400.0, pixelTolerance);

    viewport.setCenter(QPointF(-50.0, 50.0));
    world = worldInPixels(viewport);
    EXPECT_NEAR(world.left(), 0.0, pixelTolerance);
    EXPECT_NEAR(world.top(), 0.0, pixelTolerance);
}

TEST(MapViewport, AResizeKeepsZoomAndReclampsTheCentre)
{
    MapViewport viewport(wide);
    viewport.setZoom(2.0);
    viewport.panBy(QPointF(1e5, 0.0));
    viewport.setSize(QSizeF(900.0, 400.0));
    EXPECT_EQ(viewport.zoom(), 2.0);
    EXPECT_NEAR(worldInPixels(viewport).left(), 0.0, pixelTolerance);
    // Wide enough that the world no longer fills it at this zoom: centred.
    viewport.setSize(QSizeF(1600.0, 400.0));
    EXPECT_EQ(viewport.zoom(), 2.0);
    expectNear(viewport.toPixel(QPointF(0.0, 0.0)), QPointF(800.0, 200.0));
    viewport.setZoom(5.0);
    viewport.panBy(QPointF(100.0, 0.0));
    viewport.reset();
    EXPECT_EQ(viewport.zoom(), 1.0);
    expectNear(viewport.toPixel(QPointF(0.0, 0.0)), QPointF(800.0, 200.0));
}

TEST(MapViewport, FitPutsTheAreaInsideWithTheMargin)
{
    MapViewport viewport(wide);
    const QGeoRectangle europe(QGeoCoordinate(60.0, -10.0), QGeoCoordinate(35.0, 30.0));
    const double margin = 20.0;
    viewport.fit(europe, margin);
    EXPECT_GT(viewport.zoom(), 1.0);
    EXPECT_LE(viewport.zoom(), MapViewport::maxFitZoom);

    double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
    for (double lat : {35.0, 47.5, 60.0}) {
        for (double lon : {-10.0, 10.0, 30.0}) {
            const QPointF p = viewport.toPixel(QGeoCoordinate(lat, lon));
            left = std::min(left, p.x());
            right = std::max(right, p.x());
            top = std::min(top, p.y());
            bottom = std::max(bottom, p.y());
        }
    }
    EXPECT_GE(left, margin - pixelTolerance);
    EXPECT_LE(right, 800.0 - margin + pixelTolerance);
    EXPECT_GE(top, margin - pixelTolerance);
    EXPECT_LE(bottom, 400.0 - margin + pixelTolerance);
    // The tighter axis (here the height: Europe is taller than the widget's shape) meets the margin.
    EXPECT_NEAR(std::min({left, 800.0 - right, top, 400.0 - bottom}), margin, pixelTolerance);
    EXPECT_NEAR(top, margin, pixelTolerance);
    EXPECT_NEAR(bottom, 400.0 - margin, pixelTolerance);
}

TEST(MapViewport, FitToAPointStopsAtTheFitLimit)
{
    MapViewport viewport(wide);
    viewport.fit(QGeoRectangle(paris, paris), 20.0);
    EXPECT_EQ(viewport.zoom(), MapViewport::maxFitZoom);
    expectNear(viewport.toPixel(paris), QPointF(400.0, 200.0));

    viewport.fit(QGeoRectangle(QGeoCoordinate(48.86, 2.35), QGeoCoordinate(48.85, 2.36)), 20.0);
    EXPECT_EQ(viewport.zoom(), MapViewport::maxFitZoom);

    // The whole world, or more margin than there is room for, stays at zoom 1.
    viewport.fit(QGeoRectangle(QGeoCoordinate(90.0, -180.0), QGeoCoordinate(-90.0, 180.0)), 20.0);
    EXPECT_EQ(viewport.zoom(), 1.0);
    viewport.fit(QGeoRectangle(QGeoCoordinate(60.0, -10.0), QGeoCoordinate(35.0, 30.0)), 1'000.0);
    EXPECT_EQ(viewport.zoom(), 1.0);

    viewport.setZoom(5.0);
    viewport.fit(QGeoRectangle(), 20.0);
    EXPECT_EQ(viewport.zoom(), 1.0);
}

TEST(MapViewport, FitAcrossTheAntimeridianShowsBothEdges)
{
    MapViewport viewport(wide);
    viewport.fit(QGeoRectangle(QGeoCoordinate(70.0, 170.0), QGeoCoordinate(50.0, -170.0)), 10.0);
    for (const QGeoCoordinate &c : {QGeoCoordinate(60.0, 175.0), QGeoCoordinate(60.0, -175.0)}) {
        const QPointF p = viewport.toPixel(c);
        EXPECT_TRUE(QRectF(QPointF(0.0, 0.0), wide).contains(p)) << p.x() << ", " << p.y();
    }
}

TEST(MapViewport, PixelsAndCoordinatesRoundTrip)
{
    MapViewport viewport(wide);
    for (double zoom : {1.0, 3.0, 40.0}) {
        viewport.fit(QGeoRectangle(paris, paris), 0.0);
        viewport.setZoom(zoom);
        for (double x = 5.0; x < 800.0; x += 35.0) {
            for (double y = 5.0; y < 400.0; y += 35.0) {
                const QPointF pixel(x, y);
                const std::optional<QGeoCoordinate> c = viewport.toCoordinate(pixel);
                if (!c)
                    continue;
                expectNear(viewport.toPixel(*c), pixel);
            }
        }
        expectNear(viewport.toPixel(*viewport.toCoordinate(viewport.toPixel(sydney))),
                   viewport.toPixel(sydney));
    }
}

TEST(MapViewport, PixelsOffTheWorldHaveNoCoordinate)
{
    const MapViewport viewport(wide);
    EXPECT_FALSE(viewport.toCoordinate(QPointF(2.0, 2.0)));     // the widget's corner, in the margin
    EXPECT_FALSE(viewport.toCoordinate(QPointF(30.0, 30.0)));   // inside the world's box, past its curve
    EXPECT_FALSE(viewport.toCoordinate(QPointF(-50.0, 200.0))); // outside the widget
    EXPECT_TRUE(viewport.toCoordinate(QPointF(400.0, 200.0)));
}

TEST(MapViewport, TheTransformAgreesWithToPixel)
{
    MapViewport viewport(wide);
    viewport.zoomAt(QPointF(520.0, 140.0), 6.0);
    viewport.panBy(QPointF(-37.0, 12.5));
    const QTransform transform = viewport.projectedToPixel();
    for (QPointF p : {QPointF(0.0, 0.0), QPointF(1.0, 0.5), QPointF(-2.5, -1.2), QPointF(0.3, 0.9)})
        expectNear(transform.map(p), viewport.toPixel(p), 1e-9);
}

TEST(MapViewport, VisibleBoundsHoldWhatIsOnScreen)
{
    MapViewport viewport(wide);
    const QGeoRectangle everything = viewport.visibleBounds();
    EXPECT_NEAR(everything.topLeft().latitude(), 90.0, 1e-9);
    EXPECT_NEAR(everything.bottomRight().latitude(), -90.0, 1e-9);
    EXPECT_NEAR(everything.topLeft().longitude(), -180.0, 1e-9);
    EXPECT_NEAR(everything.bottomRight().longitude(), 180.0, 1e-9);

    viewport.fit(QGeoRectangle(paris, paris), 0.0);
    viewport.setZoom(8.0);
    const QGeoRectangle bounds = viewport.visibleBounds();
    ASSERT_TRUE(bounds.isValid());
    EXPECT_TRUE(bounds.contains(paris));
    EXPECT_FALSE(bounds.contains(sydney));
    EXPECT_LT(bounds.width(), 90.0);
    for (double x = 0.0; x <= 800.0; x += 50.0) {
        for (double y = 0.0; y <= 400.0; y += 50.0) {
            const std::optional<QGeoCoordinate> c = viewport.toCoordinate(QPointF(x, y));
            ASSERT_TRUE(c);
            EXPECT_TRUE(bounds.contains(*c)) << x << ", " << y;
        }
    }
    // Exact in latitude: the top and bottom edges of the widget.
    EXPECT_NEAR(bounds.topLeft().latitude(), viewport.toCoordinate(QPointF(400.0, 0.0))->latitude(), 1e-9);
    EXPECT_NEAR(bounds.bottomRight().latitude(), viewport.toCoordinate(QPointF(400.0, 400.0))->latitude(),
                1e-9);

    EXPECT_FALSE(MapViewport().visibleBounds().isValid());
}
