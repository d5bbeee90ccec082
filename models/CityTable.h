#pragma once

#include "models/CityEntry.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace vantage {

// The key place names are compared by: case, accents, spacing and typographic apostrophes do
// not count, so "sao  paulo" matches "São Paulo" and "Xi'an" matches "Xi’an".
QString placeKey(QStringView name);

// The most populous cities of the world plus every capital (resources/map/cities.json), looked
// up by name. Immutable once built, so one instance serves every thread.
class CityTable
{
public:
    // Loaded from ":/map/cities.json" on first use; empty (with a warning) if unreadable.
    static const CityTable &bundled();
    // Null with *error naming the city index and field when the data is not as expected.
    static std::optional<CityTable> fromJson(QByteArrayView json, QString *error);

    // Most populous first.
    const std::vector<CityEntry> &cities() const { return m_cities; }
    // With an empty country the most populous namesake; otherwise only that country's
    // (alpha-2, case-insensitive).
    const CityEntry *find(QStringView city, QStringView countryCodeOrEmpty) const;
    // The country's most populous city in the table; a stand-in for countries too small for the basemap.
    const CityEntry *largestIn(QStringView alpha2) const;

private:
    explicit CityTable(std::vector<CityEntry> cities);

    std::vector<CityEntry> m_cities;
    QHash<QString, std::vector<qsizetype>> m_byName; // placeKey() -> indices, most populous first
    QHash<QString, qsizetype> m_largestByCountry;    // upper-case alpha-2 -> index
};

} // namespace vantage
