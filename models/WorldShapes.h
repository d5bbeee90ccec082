#pragma once

#include "models/CountryShape.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace vantage {

// The countries of the bundled basemap (resources/map/countries-110m.json), looked up by
// ISO alpha-2 code or by name. Immutable once built, so one instance serves every thread.
class WorldShapes
{
public:
    // Loaded from ":/map/countries-110m.json" on first use; empty (with a warning) if unreadable.
    static const WorldShapes &bundled();
    // Null with *error naming the country index and field when the data is not as expected.
    static std::optional<WorldShapes> fromJson(QByteArrayView json, QString *error);

    const std::vector<CountryShape> &countries() const { return m_countries; }
    // Case-insensitive; "UK" is taken for GB.
    const CountryShape *byCode(QStringView alpha2) const;
    // Case- and accent-insensitive, Natural Earth's names plus common aliases ("USA", "Russian Federation").
    const CountryShape *byName(QStringView name) const;
    // A code first, then a name.
    const CountryShape *find(QStringView codeOrName) const;

private:
    explicit WorldShapes(std::vector<CountryShape> countries);

    std::vector<CountryShape> m_countries;
    QHash<QString, qsizetype> m_byCode; // upper-case alpha-2 -> index
    QHash<QString, qsizetype> m_byName; // placeKey() of a name or alias -> index
};

} // namespace vantage
