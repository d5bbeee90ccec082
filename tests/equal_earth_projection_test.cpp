#include "widgets/EqualEarthProjection.h"

#include <QtNumeric>

#include <gtest/gtest.h>

#include <cmath>

// The Equal Earth projection against d3-geo, round trips, and the world outline.

using vantage::EqualEarthProjection;

namespace {

struct Reference
{
    double lon;
    double lat;
    double x;
    double y; // north positive
};

// Printed by d3-geo 3.1.2 (npm): geoEqualEarth().scale(1).translate([0, 0])([lon, lat]), with
// d3's y (down) negated.
const Reference references[] = {
    {0.0, 0.0, 0.0, 0.0},
    {180.0, 0.0, 2.7066299836960748, 0.0},
    {-180.0, 0.0, -2.7066299836960748, 0.0},
    {0.0, 90.0, 0.0, 1.3173627591574133},
    {0.0, -90.0, 0.0, -1.3173627591574133},
    {180.0, 90.0, 1.6035886482840516, 1.3173627591574133},
    {10.0, 20.0, 0.14601710926210329, 0.40082521756248812},
    {-74.006, 40.7128, -0.98186144998585012, 0.78706422004910748},
    {139.6917, 35.6895, 1.9094629417000331, 0.69784471577813256},
    {151.2093, -33.8688, 2.0871064382221460, -0.66468377671612233},
    {-43.1729, -22.9068, -0.62458569347919124, -0.45751378642870383},
    {-120.0, -60.0, -1.3593733917143729, -1.0883008355053194},
};

constexpr double projectedTolerance = 1e-12;
constexpr double degreeTolerance = 1e-9;

} // namespace

TEST(EqualEarthProjection, MatchesD3GeoAtKnownPoints)
{
    for (const Reference &r : references) {
        const QPointF p = EqualEarthProjection::project(r.lon, r.lat);
        EXPECT_NEAR(p.x(), r.x, projectedTolerance) << r.lon << ", " << r.lat;
        EXPECT_NEAR(p.y(), r.y, projectedTolerance) << r.lon << ", " << r.lat;
    }
}

TEST(EqualEarthProjection, UnprojectMatchesD3GeoInvert)
{
    // d3-geo 3.1.2: geoEqualEarth().scale(1).translate([0, 0]).invert([2, -1]).
    const std::optional<QGeoCoordinate> c = EqualEarthProjection::unproject(QPointF(2.0, 1.0));
    ASSERT_TRUE(c);
    EXPECT_NEAR(c->longitude(), 166.5329538625363, degreeTolerance);
    EXPECT_NEAR(c->latitude(), 53.79821809650379, degreeTolerance);
}

TEST(EqualEarthProjection, WorldBoundsAreTheEquatorAndThePoles)
{
    const QRectF bounds = EqualEarthProjection::worldBounds();
    EXPECT_NEAR(bounds.left(), -2.7066299836960748, projectedTolerance);
    EXPECT_NEAR(bounds.right(), 2.7066299836960748, projectedTolerance);
    EXPECT_NEAR(bounds.top(), -1.3173627591574133, projectedTolerance);
    EXPECT_NEAR(bounds.bottom(), 1.3173627591574133, projectedTolerance);
    EXPECT_NEAR(bounds.center().x(), 0.0, projectedTolerance);
    EXPECT_NEAR(bounds.center().y(), 0.0, projectedTolerance);
}

TEST(EqualEarthProjection, RoundTripsOverAGrid)
{
    for (int lat = -89; lat <= 89; lat += 2) {
        for (int lon = -179; lon <= 179; lon += 2) {
            // Off the whole degrees too, so nothing lines up by luck.
            const double la = lat + 0.3;
            const double lo = lon + 0.7;
            const std::optional<QGeoCoordinate> c =
                EqualEarthProjection::unproject(EqualEarthProjection::project(lo, la));
            ASSERT_TRUE(c) << lo << ", " << la;
            EXPECT_NEAR(c->latitude(), la, degreeTolerance) << lo << ", " << la;
            EXPECT_NEAR(c->longitude(), lo, degreeTolerance) << lo << ", " << la;
        }
    }
}

TEST(EqualEarthProjection, RoundTripsThePolesAndTheAntimeridian)
{
    for (double lon : {-180.0, -90.0, 0.0, 45.0, 180.0}) {
        for (double lat : {-90.0, -89.9, -45.0, 0.0, 45.0, 89.9, 90.0}) {
            const std::optional<QGeoCoordinate> c =
                EqualEarthProjection::unproject(EqualEarthProjection::project(lon, lat));
            ASSERT_TRUE(c) << lon << ", " << lat;
            EXPECT_NEAR(c->latitude(), lat, degreeTolerance) << lon << ", " << lat;
            EXPECT_NEAR(c->longitude(), lon, degreeTolerance) << lon << ", " << lat;
        }
    }
}

TEST(EqualEarthProjection, ThePolesAreLinesAndTheMeridiansCurve)
{
    // Every point of a pole line has the pole's y; the line is shorter than the equator.
    const QPointF northWest = EqualEarthProjection::project(-180.0, 90.0);
    const QPointF northEast = EqualEarthProjection::project(180.0, 90.0);
    EXPECT_DOUBLE_EQ(northWest.y(), northEast.y());
    EXPECT_DOUBLE_EQ(northWest.x(), -northEast.x());
    EXPECT_LT(northEast.x(), EqualEarthProjection::project(180.0, 0.0).x());
    EXPECT_GT(northEast.x(), 0.0);
    // A meridian's x shrinks toward the poles, the same north and south.
    EXPECT_LT(EqualEarthProjection::project(90.0, 60.0).x(), EqualEarthProjection::project(90.0, 30.0).x());
    EXPECT_DOUBLE_EQ(EqualEarthProjection::project(90.0, 60.0).x(),
                     EqualEarthProjection::project(90.0, -60.0).x());
}

TEST(EqualEarthProjection, WrapsLongitudeAndClampsLatitude)
{
    EXPECT_EQ(EqualEarthProjection::project(190.0, 10.0), EqualEarthProjection::project(-170.0, 10.0));
    EXPECT_EQ(EqualEarthProjection::project(-190.0, 10.0), EqualEarthProjection::project(170.0, 10.0));
    EXPECT_EQ(EqualEarthProjection::project(370.0, 10.0), EqualEarthProjection::project(10.0, 10.0));
    // The edges keep their side.
    EXPECT_GT(EqualEarthProjection::project(180.0, 10.0).x(), 0.0);
    EXPECT_LT(EqualEarthProjection::project(-180.0, 10.0).x(), 0.0);
    EXPECT_EQ(EqualEarthProjection::project(30.0, 95.0), EqualEarthProjection::project(30.0, 90.0));
    EXPECT_EQ(EqualEarthProjection::project(30.0, -120.0), EqualEarthProjection::project(30.0, -90.0));
}

TEST(EqualEarthProjection, NothingOutsideTheOutline)
{
    const QRectF bounds = EqualEarthProjection::worldBounds();
    // Beyond the poles.
    EXPECT_FALSE(EqualEarthProjection::unproject(QPointF(0.0, bounds.bottom() + 1e-6)));
    EXPECT_FALSE(EqualEarthProjection::unproject(QPointF(0.0, bounds.top() - 1e-6)));
    // Past +-180 on the equator.
    EXPECT_FALSE(EqualEarthProjection::unproject(QPointF(bounds.right() + 1e-6, 0.0)));
    EXPECT_FALSE(EqualEarthProjection::unproject(QPointF(bounds.left() - 1e-6, 0.0)));
    // Inside the bounding box but in its corners, past the curved edge.
    const QPointF poleEnd = EqualEarthProjection::project(180.0, 90.0);
    EXPECT_FALSE(EqualEarthProjection::unproject(QPointF(poleEnd.x() + 0.01, poleEnd.y())));
    EXPECT_FALSE(EqualEarthProjection::unproject(QPointF(2.6, -1.0)));
    EXPECT_TRUE(EqualEarthProjection::unproject(QPointF(poleEnd.x() - 0.01, poleEnd.y())));
    EXPECT_FALSE(EqualEarthProjection::unproject(QPointF(qQNaN(), 0.0)));
    EXPECT_FALSE(EqualEarthProjection::unproject(QPointF(0.0, qInf())));
}
