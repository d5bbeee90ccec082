#include "models/CityTable.h"
#include "models/LocationResolver.h"
#include "models/WorldShapes.h"

#include <gtest/gtest.h>


#include <cmath>
#include <limits>

using vantage::CityTable;
using vantage::GeoLocation;
using vantage::LocationPrecision;
using vantage::LocationResolver;
using vantage::ResolvedLocation;
using vantage::WorldShapes;

namespace {

GeoLocation at(double lat, double lon, QStringView country = {}, QStringView city = {})
{
    GeoLocation location;
    location.lat = lat;
    location.lon = lon;
    location.country = country.toString();
    location.city = city.toString();
    return location;
}

GeoLocation named(QStringView country, QStringView city)
{
    return at(qQNaN(), qQNaN(), country, city);
}

class LocationResolverTest : public ::testing::Test
{
protected:
    const WorldShapes &m_world = WorldShapes::bundled();
    const CityTable &m_cities = CityTable::bundled();
    LocationResolver m_resolver{m_world, m_cities};

    QGeoCoordinate centroidOf(const char16_t *code) const { return m_world.byCode(QStringView(code))->centroid; }
};

} // namespace

TEST_F(LocationResolverTest, UsableCoordinatesWinOverNames)
{
    const ResolvedLocation r = m_resolver.resolve(at(48.8566, 2.3522, u"GB", u"London"));
    EXPECT_EQ(r.precision, LocationPrecision::Coordinates);
    EXPECT_DOUBLE_EQ(r.coordinate.latitude(), 48.8566);
    EXPECT_DOUBLE_EQ(r.coordinate.longitude(), 2.3522);
    EXPECT_EQ(r.label, QStringLiteral("48.86, 2.35"));
    EXPECT_EQ(m_resolver.resolve(at(51.5074, -0.1278)).label, QStringLiteral("51.51, -0.13"));
    EXPECT_EQ(m_resolver.resolve(at(-90.0, 180.0)).precision, LocationPrecision::Coordinates);
}

TEST_F(LocationResolverTest, OutOfRangeCoordinatesFallThrough)
{
    const double inf = std::numeric_limits<double>::infinity();
    const ResolvedLocation badLat = m_resolver.resolve(at(95.0, 2.0, u"FR"));
    EXPECT_EQ(badLat.precision, LocationPrecision::Country);
    EXPECT_EQ(badLat.coordinate, centroidOf(u"FR"));
    EXPECT_EQ(m_resolver.resolve(at(48.0, -200.0, u"", u"Paris")).precision, LocationPrecision::City);
    EXPECT_EQ(m_resolver.resolve(at(inf, 2.0, u"FR")).precision, LocationPrecision::Country);
    EXPECT_EQ(m_resolver.resolve(at(48.0, qQNaN(), u"FR")).precision, LocationPrecision::Country);
    EXPECT_EQ(m_resolver.resolve(at(95.0, 2.0)).precision, LocationPrecision::Unknown);
}

TEST_F(LocationResolverTest, CityOnlyFindsTheMostPopulousNamesake)
{
    const ResolvedLocation r = m_resolver.resolve(named(u"", u"London"));
    EXPECT_EQ(r.precision, LocationPrecision::City);
    EXPECT_EQ(r.label, QStringLiteral("London, GB"));
    EXPECT_NEAR(r.coordinate.latitude(), 51.51, 0.05);
    EXPECT_EQ(m_resolver.resolve(named(u"", u"Tokyo")).label, QStringLiteral("Tokyo, JP"));
}

TEST_F(LocationResolverTest, CountryDisambiguatesTheCity)
{
    const ResolvedLocation ontario = m_resolver.resolve(named(u"CA", u"London"));
    EXPECT_EQ(ontario.precision, LocationPrecision::City);
    EXPECT_EQ(ontario.label, QStringLiteral("London, CA"));
    EXPECT_NEAR(ontario.coordinate.longitude(), -81.2, 0.1);
    EXPECT_EQ(m_resolver.resolve(named(u"Pakistan", u"Hyderabad")).label, QStringLiteral("Hyderabad, PK"));
    EXPECT_EQ(m_resolver.resolve(named(u"in", u"Hyderabad")).label, QStringLiteral("Hyderabad, IN"));
    EXPECT_EQ(m_resolver.resolve(named(u"UK", u"Birmingham")).label, QStringLiteral("Birmingham, GB"));
}

TEST_F(LocationResolverTest, BirminghamInEitherCountryWithAFullerTable)
{
    QString error;
    const std::optional<CityTable> cities = CityTable::fromJson(QByteArrayView(R"({"scale":1000,"cities":[
        {"name":"Birmingham","a2":"GB","lat":52481,"lon":-1900,"pop":984333},
        {"name":"Birmingham","a2":"US","lat":33521,"lon":-86802,"pop":212461}]})"), &error);
    ASSERT_TRUE(cities.has_value()) << qPrintable(error);
    const LocationResolver resolver(m_world, *cities);
    const ResolvedLocation alabama = resolver.resolve(named(u"US", u"Birmingham"));
    EXPECT_EQ(alabama.precision, LocationPrecision::City);
    EXPECT_EQ(alabama.label, QStringLiteral("Birmingham, US"));
    EXPECT_NEAR(alabama.coordinate.longitude(), -86.8, 0.01);
    EXPECT_NEAR(resolver.resolve(named(u"GB", u"Birmingham")).coordinate.longitude(), -1.9, 0.01);
    EXPECT_EQ(resolver.resolve(named(u"", u"Birmingham")).label, QStringLiteral("Birmingham, GB"));
}

TEST_F(LocationResolverTest, ACityNotInTheGivenCountryFallsBackToThatCountry)
{
    const ResolvedLocation r = m_resolver.resolve(named(u"FR", u"London"));
    EXPECT_EQ(r.precision, LocationPrecision::Country);
    EXPECT_EQ(r.coordinate, centroidOf(u"FR"));
    EXPECT_EQ(r.label, QStringLiteral("France"));
}

TEST_F(LocationResolverTest, CountryOnlyLandsAtTheCentroid)
{
    for (const char16_t *country : {u"GB", u"gb", u"UK", u"United Kingdom", u"England"}) {
        const ResolvedLocation r = m_resolver.resolve(named(country, u""));
        EXPECT_EQ(r.precision, LocationPrecision::Country) << qPrintable(QStringView(country).toString());
        EXPECT_EQ(r.coordinate, centroidOf(u"GB"));
        EXPECT_EQ(r.label, QStringLiteral("United Kingdom"));
    }
    EXPECT_EQ(m_resolver.resolve(named(u"USA", u"")).label, QStringLiteral("United States of America"));
}

TEST_F(LocationResolverTest, ACountryTooSmallForTheBasemapUsesItsLargestCity)
{
    const ResolvedLocation r = m_resolver.resolve(named(u"SG", u""));
    EXPECT_EQ(r.precision, LocationPrecision::Country);
    EXPECT_EQ(r.coordinate, m_cities.largestIn(u"SG")->coordinate);
    EXPECT_EQ(r.label, QStringLiteral("SG"));
    EXPECT_EQ(m_resolver.resolve(named(u"mt", u"Valletta")).label, QStringLiteral("Valletta, MT"));
}

TEST_F(LocationResolverTest, UnknownPlacesAreUnknown)
{
    const ResolvedLocation r = m_resolver.resolve(named(u"Atlantis", u"Gotham"));
    EXPECT_EQ(r.precision, LocationPrecision::Unknown);
    EXPECT_FALSE(r.coordinate.isValid());
    EXPECT_EQ(r.label, QStringLiteral("Gotham, Atlantis"));
    EXPECT_EQ(m_resolver.resolve(named(u"ZZ", u"")).precision, LocationPrecision::Unknown);
    EXPECT_EQ(m_resolver.resolve(named(u"", u"Gotham\nCity")).label, QStringLiteral("Gotham City"));
    const ResolvedLocation empty = m_resolver.resolve(GeoLocation());
    EXPECT_EQ(empty.precision, LocationPrecision::Unknown);
    EXPECT_TRUE(empty.label.isEmpty());
}

TEST_F(LocationResolverTest, AnUnknownCountryDoesNotHideAKnownCity)
{
    const ResolvedLocation r = m_resolver.resolve(named(u"Atlantis", u"Paris"));
    EXPECT_EQ(r.precision, LocationPrecision::City);
    EXPECT_EQ(r.label, QStringLiteral("Paris, FR"));
}

TEST_F(LocationResolverTest, AccentsAndCaseDoNotMatter)
{
    EXPECT_EQ(m_resolver.resolve(named(u"BR", u"Sao Paulo")).label, QStringLiteral("São Paulo, BR"));
    EXPECT_EQ(m_resolver.resolve(named(u"", u"SÃO PAULO")).label, QStringLiteral("São Paulo, BR"));
    EXPECT_EQ(m_resolver.resolve(named(u"Brazil", u"sao paulo")).precision, LocationPrecision::City);
}

TEST_F(LocationResolverTest, RepeatedLookupsAgreeAndSurviveCacheTurnover)
{
    const ResolvedLocation first = m_resolver.resolve(named(u"GB", u"London"));
    for (int i = 0; i < 5000; ++i)
        m_resolver.resolve(named(u"", QString(u"Nowhere " + QString::number(i))));
    const ResolvedLocation again = m_resolver.resolve(named(u"GB", u"London"));
    EXPECT_EQ(again.precision, first.precision);
    EXPECT_EQ(again.coordinate, first.coordinate);
    EXPECT_EQ(again.label, first.label);
}
