#pragma once

#include <QGeoCoordinate>
#include <QString>

namespace vantage {

// How closely a resolved point stands for where an event happened, best first.
enum class LocationPrecision {
    Coordinates, // the backend sent a usable latitude and longitude
    City,        // the city's centre, from the bundled city table
    Country,     // the country's centroid (or, for one too small for the basemap, its largest city)
    Unknown,     // nothing usable: no coordinate
};

struct ResolvedLocation
{
    QGeoCoordinate coordinate; // invalid when Unknown
    LocationPrecision precision = LocationPrecision::Unknown;
    QString label; // plain text for a tooltip: "London, GB", "United Kingdom", "51.51, -0.13"
};

} // namespace vantage
