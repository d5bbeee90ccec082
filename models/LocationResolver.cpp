#include "models/LocationResolver.h"

#include "models/CityTable.h"
#include "models/PlainText.h"
#include "models/WorldShapes.h"

#include <cmath>

namespace vantage {

namespace {

// Bounds the cache against a feed of ever-new names; refilling costs one lookup per place.
constexpr qsizetype maxCachedPlaces = 4096;

bool usableCoordinates(const GeoLocation &location)
{
    return location.hasCoordinates() && std::isfinite(location.lat) && std::isfinite(location.lon)
        && std::abs(location.lat) <= 90.0 && std::abs(location.lon) <= 180.0;
}

// What the backend sent, on one line, so an unplaced event still says where it claimed to be.
QString sentLabel(const GeoLocation &location)
{
    const QString city = location.city.trimmed();
    const QString country = location.country.trimmed();
    if (city.isEmpty() || country.isEmpty())
        return singleLine(city + country);
    return singleLine(city + u", " + country);
}

} // namespace

LocationResolver::LocationResolver(const WorldShapes &shapes, const CityTable &cities)
    : m_shapes(shapes)
    , m_cities(cities)
{
}

ResolvedLocation LocationResolver::resolve(const GeoLocation &location) const
{
    if (usableCoordinates(location)) {
        return {QGeoCoordinate(location.lat, location.lon), LocationPrecision::Coordinates,
                QString::number(location.lat, 'f', 2) + u", " + QString::number(location.lon, 'f', 2)};
    }
    if (location.country.isEmpty() && location.city.isEmpty())
        return {};
    Key key{location.country, location.city};
    const auto cached = m_cache.constFind(key);
    if (cached != m_cache.cend())
        return *cached;
    if (m_cache.size() >= maxCachedPlaces)
        m_cache.clear();
    return *m_cache.insert(std::move(key), resolveNamed(location));
}

ResolvedLocation LocationResolver::resolveNamed(const GeoLocation &location) const
{
    const QStringView country = QStringView(location.country).trimmed();
    const CountryShape *shape = country.isEmpty() ? nullptr : m_shapes.find(country);
    // Countries too small for the 1:110m basemap (Singapore, Malta) are still known by code to
    // the city table. A country known to neither does not narrow the city search.
    QString code = shape ? shape->alpha2 : QString();
    if (!shape && country.size() == 2 && m_cities.largestIn(country))
        code = country.toString().toUpper();

    if (!location.city.trimmed().isEmpty()) {
        if (const CityEntry *city = m_cities.find(location.city, code))
            return {city->coordinate, LocationPrecision::City, city->name + u", " + city->alpha2};
    }
    if (shape)
        return {shape->centroid, LocationPrecision::Country, shape->name};
    if (!code.isEmpty())
        return {m_cities.largestIn(code)->coordinate, LocationPrecision::Country, code};
    return {QGeoCoordinate(), LocationPrecision::Unknown, sentLabel(location)};
}

} // namespace vantage
