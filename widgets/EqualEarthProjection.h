#pragma once

#include <QGeoCoordinate>
#include <QPointF>
#include <QRectF>

#include <optional>

namespace vantage {

// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018) on the unit sphere, centred on
// the Greenwich meridian, for the activity map. Projected units: x grows east, y grows NORTH (a
// painter's y points down; MapViewport flips it). Equal-area, so a heat grid over it does not
// inflate high latitudes; the poles are flat lines, not points.
struct EqualEarthProjection
{
    // Latitude is clamped to [-90, 90]. Longitude is wrapped into [-180, 180] (190 is -170,
    // -540 is -180); exactly +180 and -180 stay on their own edge of the map. Non-finite input
    // gives a non-finite point.
    static QPointF project(double lonDeg, double latDeg);
    // The coordinate at a projected point, by Newton iteration on the parametric latitude as in
    // the paper; nullopt outside the world outline (beyond the poles' lines or past +-180). Points
    // on the outline itself are inside. Within about 2e-6 degrees of a pole y no longer resolves
    // latitude in double precision, so such points come back at exactly +-90.
    static std::optional<QGeoCoordinate> unproject(QPointF xy);
    // The outline's bounding box: x in [-2.7066..., 2.7066...] (+-180 on the equator), y in
    // [-1.3173..., 1.3173...] (the poles); symmetric, so top/bottom need no y convention.
    static QRectF worldBounds();
};

} // namespace vantage
