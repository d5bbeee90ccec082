#pragma once

#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QPointF>
#include <QString>

#include <vector>

namespace vantage {

// x = longitude, y = latitude, in degrees; closed (the last point repeats the first).
using GeoRing = std::vector<QPointF>;
// The outer ring first, then its holes.
using GeoPolygon = std::vector<GeoRing>;

// One country of the bundled basemap. Rings are cut at ±180, so each can be drawn on a flat map.
struct CountryShape
{
    QString alpha2; // ISO 3166-1 alpha-2; "XK" for Kosovo; empty where there is none (N. Cyprus)
    QString name;   // as Natural Earth spells it: "United States of America", "Dem. Rep. Congo"
    std::vector<GeoPolygon> polygons;
    QGeoRectangle bounds; // crosses the antimeridian where the country does (Russia, Fiji)
    // Of the largest polygon's outer ring only, so France lands in Europe rather than being
    // pulled toward French Guiana, and the United States in the contiguous states.
    QGeoCoordinate centroid;
};

} // namespace vantage
