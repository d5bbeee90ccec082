#pragma once

#include <QGeoCoordinate>
#include <QString>

namespace vantage {

// One place of the bundled GeoNames city table.
struct CityEntry
{
    QString name;   // as GeoNames gives it, UTF-8: "São Paulo", "Washington, D.C."
    QString alpha2; // ISO 3166-1 alpha-2, upper case
    QGeoCoordinate coordinate;
    qint64 population = 0;
};

} // namespace vantage
