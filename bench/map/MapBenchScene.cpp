#include "MapBenchScene.h"

#include "models/WorldShapes.h"
#include "widgets/MapLiveLayer.h"

#include <QStringList>

#include <algorithm>
#include <random>

namespace vantage {

namespace {

constexpr int cityCount = 300;
constexpr double cityScatterDeg = 3.0; // cities around a country's centroid
constexpr double placeJitterDeg = 0.2; // markers around their city
constexpr double sessionShare = 0.2;
constexpr double pulsingShare = 0.01;

struct City
{
    double lon = 0;
    double lat = 0;
    QString name;
    QString key;
};

bool inRegion(const QGeoCoordinate &c, BenchRegion region)
{
    if (region == BenchRegion::World)
        return c.latitude() > -60.0; // Antarctica has no customers
    const bool europe =
        c.longitude() > -25.0 && c.longitude() < 45.0 && c.latitude() > 34.0 && c.latitude() < 72.0;
    const bool americas = c.longitude() > -170.0 && c.longitude() < -30.0 && c.latitude() > -56.0;
    return europe || americas;
}

std::vector<City> benchCities(BenchRegion region, std::mt19937 &random)
{
    std::vector<const CountryShape *> countries;
    for (const CountryShape &country : WorldShapes::bundled().countries()) {
        if (country.centroid.isValid() && inRegion(country.centroid, region))
            countries.push_back(&country);
    }
    std::vector<City> cities;
    if (countries.empty())
        return cities;
    std::uniform_int_distribution<std::size_t> pick(0, countries.size() - 1);
    std::normal_distribution<double> scatter(0.0, cityScatterDeg);
    for (int i = 0; i < cityCount; ++i) {
        const CountryShape &country = *countries[pick(random)];
        City city;
        city.lon = country.centroid.longitude() + scatter(random);
        city.lat = std::clamp(country.centroid.latitude() + scatter(random) * 0.6, -85.0, 85.0);
        city.name = QStringLiteral("City %1, %2").arg(i).arg(country.alpha2);
        city.key = QStringLiteral("%1:%2").arg(country.alpha2).arg(i);
        cities.push_back(std::move(city));
    }
    return cities;
}

} // namespace

std::vector<MapMarker> benchMarkers(int count, BenchRegion region, qint64 nowMs, quint32 seed)
{
    std::mt19937 random(seed);
    const std::vector<City> cities = benchCities(region, random);
    std::vector<MapMarker> markers;
    if (cities.empty())
        return markers;

    // Zipf-like: the n-th city is visited about 1/n as often as the first.
    std::vector<double> popularity;
    for (std::size_t i = 0; i < cities.size(); ++i)
        popularity.push_back(1.0 / double(i + 1));
    std::discrete_distribution<std::size_t> pickCity(popularity.begin(), popularity.end());
    const QStringList types = {QStringLiteral("signup"), QStringLiteral("payment"),
                               QStringLiteral("form_submission"), QStringLiteral("invitation"),
                               QStringLiteral("export")};
    std::discrete_distribution<int> pickType({35, 30, 20, 10, 5});
    std::normal_distribution<double> jitter(0.0, placeJitterDeg);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::geometric_distribution<int> users(0.35);

    markers.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const City &city = cities[pickCity(random)];
        MapMarker marker;
        marker.lon = city.lon + jitter(random);
        marker.lat = city.lat + jitter(random) * 0.6;
        marker.placeKey = city.key;
        if (unit(random) < sessionShare) {
            marker.session = true;
            marker.weight = 1 + users(random);
            marker.atMs = nowMs;
            marker.label = city.name;
        } else {
            marker.type = types[pickType(random)];
            const double age = unit(random) < pulsingShare ? unit(random) * double(MapLiveLayer::pulseMs)
                                                           : unit(random) * double(MapLiveLayer::fadeMs);
            marker.atMs = nowMs - qint64(age);
            marker.label = city.name + QStringLiteral(" \u00b7 ") + marker.type;
        }
        markers.push_back(std::move(marker));
    }
    return markers;
}

} // namespace vantage
