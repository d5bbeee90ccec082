#pragma once

#include "feed/Message.h"
#include "models/ResolvedLocation.h"

#include <QHash>
#include <QString>

namespace vantage {

class CityTable;
class WorldShapes;

// Turns an event's location into a point on the map: the backend's coordinates when usable,
// else its city (narrowed to its country when we know that country), else the country's
// centroid. Named places are cached, so a repeated one costs a hash lookup. Not thread-safe
// (resolve() fills that cache): one resolver per thread; the tables it reads may be shared.
class LocationResolver
{
public:
    explicit LocationResolver(const WorldShapes &shapes, const CityTable &cities);

    ResolvedLocation resolve(const GeoLocation &location) const;

private:
    // Keyed on the strings as sent: folding them is the costly part of a lookup.
    struct Key
    {
        QString country;
        QString city;

        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.country, key.city); }
    };

    ResolvedLocation resolveNamed(const GeoLocation &location) const;

    const WorldShapes &m_shapes;
    const CityTable &m_cities;
    mutable QHash<Key, ResolvedLocation> m_cache;
};

} // namespace vantage
