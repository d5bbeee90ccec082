#include "models/WorldShapes.h"

#include <gtest/gtest.h>

#include <QFile>

#include <cmath>
#include <stdexcept>

using vantage::CountryShape;
using vantage::WorldShapes;

namespace {

const CountryShape &bundledCountry(const char16_t *code)
{
    const CountryShape *country = WorldShapes::bundled().byCode(QStringView(code));
    if (!country)
        throw std::runtime_error("bundled country missing");
    return *country;
}

QString errorFor(const char *json)
{
    QString error;
    EXPECT_FALSE(WorldShapes::fromJson(QByteArrayView(json), &error).has_value()) << json;
    return error;
}

} // namespace

TEST(WorldShapes, BundledResourceIsInTheBinary)
{
    QFile file(QStringLiteral(":/map/countries-110m.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(file.errorString());
    EXPECT_GT(file.size(), 50'000);
}

TEST(WorldShapes, BundledDataLoadsWithNamedCountries)
{
    const WorldShapes &world = WorldShapes::bundled();
    EXPECT_GE(world.countries().size(), 170u);
    const std::pair<const char16_t *, const char16_t *> expected[] = {
        {u"GB", u"United Kingdom"}, {u"FR", u"France"}, {u"US", u"United States of America"},
        {u"BR", u"Brazil"},         {u"JP", u"Japan"},  {u"AU", u"Australia"},
    };
    for (const auto &[code, name] : expected) {
        const CountryShape *country = world.byCode(QStringView(code));
        ASSERT_NE(country, nullptr) << qPrintable(QStringView(code).toString());
        EXPECT_EQ(country->name, QStringView(name).toString());
        EXPECT_FALSE(country->polygons.empty());
        EXPECT_TRUE(country->bounds.isValid());
        EXPECT_TRUE(country->centroid.isValid());
    }
    EXPECT_EQ(&WorldShapes::bundled(), &world) << "loaded once";
}

TEST(WorldShapes, EveryRingIsClosedAndStaysOnOneSideOfTheAntimeridian)
{
    for (const CountryShape &country : WorldShapes::bundled().countries()) {
        for (const auto &polygon : country.polygons) {
            ASSERT_FALSE(polygon.empty()) << qPrintable(country.name);
            for (const auto &ring : polygon) {
                ASSERT_GE(ring.size(), 4u) << qPrintable(country.name);
                EXPECT_EQ(ring.front(), ring.back()) << qPrintable(country.name);
                for (size_t i = 1; i < ring.size(); ++i) {
                    const bool alongPole = std::abs(ring[i].y()) == 90.0 && ring[i].y() == ring[i - 1].y();
                    EXPECT_TRUE(alongPole || std::abs(ring[i].x() - ring[i - 1].x()) <= 180.0)
                        << qPrintable(country.name) << " point " << i;
                }
            }
        }
    }
}

TEST(WorldShapes, BoundsCrossTheAntimeridianWhereTheCountryDoes)
{
    const CountryShape &fiji = bundledCountry(u"FJ");
    EXPECT_GT(fiji.bounds.topLeft().longitude(), fiji.bounds.bottomRight().longitude());
    EXPECT_TRUE(fiji.bounds.contains(QGeoCoordinate(-17.8, 178.0)));
    EXPECT_TRUE(fiji.bounds.contains(QGeoCoordinate(-16.3, -179.9)));
    EXPECT_FALSE(fiji.bounds.contains(QGeoCoordinate(-17.0, 0.0)));

    const CountryShape &russia = bundledCountry(u"RU");
    EXPECT_TRUE(russia.bounds.contains(QGeoCoordinate(66.0, -172.0))) << "Chukotka, east of 180";
    EXPECT_FALSE(russia.bounds.contains(QGeoCoordinate(40.0, -100.0)));

    const CountryShape &france = bundledCountry(u"FR");
    EXPECT_LT(france.bounds.topLeft().longitude(), france.bounds.bottomRight().longitude());
    EXPECT_TRUE(france.bounds.contains(QGeoCoordinate(4.0, -53.0))) << "French Guiana";
}

TEST(WorldShapes, CentroidsLandInTheMainTerritory)
{
    const CountryShape &gb = bundledCountry(u"GB");
    EXPECT_TRUE(gb.bounds.contains(gb.centroid));
    EXPECT_NEAR(gb.centroid.latitude(), 54.0, 3.0);
    EXPECT_NEAR(gb.centroid.longitude(), -2.0, 3.0);

    const QGeoCoordinate france = bundledCountry(u"FR").centroid;
    EXPECT_GT(france.latitude(), 42.0);
    EXPECT_LT(france.latitude(), 51.0);
    EXPECT_GT(france.longitude(), -5.0);
    EXPECT_LT(france.longitude(), 8.0);

    const QGeoCoordinate us = bundledCountry(u"US").centroid;
    EXPECT_GT(us.latitude(), 30.0);
    EXPECT_LT(us.latitude(), 45.0);
    EXPECT_GT(us.longitude(), -110.0);
    EXPECT_LT(us.longitude(), -85.0);

    const QGeoCoordinate russia = bundledCountry(u"RU").centroid;
    EXPECT_GT(russia.longitude(), 60.0);
    EXPECT_LT(russia.longitude(), 130.0);
}

TEST(WorldShapes, ByCodeIsCaseInsensitiveAndTakesUkForGb)
{
    const WorldShapes &world = WorldShapes::bundled();
    const CountryShape *gb = world.byCode(u"GB");
    ASSERT_NE(gb, nullptr);
    EXPECT_EQ(world.byCode(u"gb"), gb);
    EXPECT_EQ(world.byCode(u"Uk"), gb);
    ASSERT_NE(world.byCode(u"xk"), nullptr);
    EXPECT_EQ(world.byCode(u"xk")->name, QStringLiteral("Kosovo"));
    EXPECT_EQ(world.byCode(u"ZZ"), nullptr);
    EXPECT_EQ(world.byCode(u""), nullptr);
    EXPECT_EQ(world.byCode(u"GBR"), nullptr);
}

TEST(WorldShapes, ByNameFoldsCaseAccentsAndKnowsAliases)
{
    const WorldShapes &world = WorldShapes::bundled();
    const std::pair<const char16_t *, const char16_t *> cases[] = {
        {u"united kingdom", u"GB"},
        {u"England", u"GB"},
        {u"USA", u"US"},
        {u"United States", u"US"},
        {u"United States of America", u"US"},
        {u"Russia", u"RU"},
        {u"Russian Federation", u"RU"},
        {u"South Korea", u"KR"},
        {u"Republic of Korea", u"KR"},
        {u"Cote d'Ivoire", u"CI"},
        {u"Côte d’Ivoire", u"CI"},
        {u"ESWATINI", u"SZ"},
        {u"Democratic Republic of the Congo", u"CD"},
        {u"Dem. Rep. Congo", u"CD"},
        {u"Czech Republic", u"CZ"},
    };
    for (const auto &[name, code] : cases) {
        const CountryShape *country = world.byName(QStringView(name));
        ASSERT_NE(country, nullptr) << qPrintable(QStringView(name).toString());
        EXPECT_EQ(country->alpha2, QStringView(code).toString()) << qPrintable(QStringView(name).toString());
    }
    EXPECT_EQ(world.byName(u"Atlantis"), nullptr);
    EXPECT_EQ(world.byName(u"GB"), nullptr) << "codes are not names";
}

TEST(WorldShapes, CountriesWithoutACodeAreStillFoundByName)
{
    const WorldShapes &world = WorldShapes::bundled();
    for (const char16_t *name : {u"N. Cyprus", u"Somaliland"}) {
        const CountryShape *country = world.byName(QStringView(name));
        ASSERT_NE(country, nullptr);
        EXPECT_TRUE(country->alpha2.isEmpty());
    }
}

TEST(WorldShapes, FindTriesCodeThenName)
{
    const WorldShapes &world = WorldShapes::bundled();
    const CountryShape *fr = world.byCode(u"FR");
    EXPECT_EQ(world.find(u"fr"), fr);
    EXPECT_EQ(world.find(u"  France "), fr);
    EXPECT_EQ(world.find(u"uk"), world.byCode(u"GB"));
    EXPECT_EQ(world.find(u"usa"), world.byCode(u"US"));
    EXPECT_EQ(world.find(u"Narnia"), nullptr);
    EXPECT_EQ(world.find(u""), nullptr);
}

TEST(WorldShapes, FromJsonComputesCentroidOfTheLargestPolygonAndBounds)
{
    // A 10x10 degree square near the equator and a small island far east.
    const char *json = R"({"scale":100,"countries":[{"a2":"AA","name":"Squareland","polygons":[
        [[0,0,1000,0,1000,1000,0,1000,0,0]],
        [[17000,-500,17100,-500,17100,-400,17000,-500]]]}]})";
    QString error;
    const std::optional<WorldShapes> world = WorldShapes::fromJson(QByteArrayView(json), &error);
    ASSERT_TRUE(world.has_value()) << qPrintable(error);
    const CountryShape *country = world->byCode(u"aa");
    ASSERT_NE(country, nullptr);
    EXPECT_NEAR(country->centroid.longitude(), 5.0, 1e-9);
    EXPECT_NEAR(country->centroid.latitude(), 5.0, 0.05);
    EXPECT_DOUBLE_EQ(country->bounds.topLeft().longitude(), 0.0);
    EXPECT_DOUBLE_EQ(country->bounds.bottomRight().longitude(), 171.0);
    EXPECT_DOUBLE_EQ(country->bounds.topLeft().latitude(), 10.0);
    EXPECT_DOUBLE_EQ(country->bounds.bottomRight().latitude(), -5.0);
    ASSERT_EQ(country->polygons.size(), 2u);
    EXPECT_EQ(country->polygons[1][0][1], QPointF(171.0, -5.0));
}

TEST(WorldShapes, FromJsonBoundsAcrossTheAntimeridian)
{
    const char *json = R"({"scale":1,"countries":[{"a2":"AA","name":"Seam","polygons":[
        [[170,0,180,0,180,5,170,0]],[[-180,0,-175,0,-180,5,-180,0]]]}]})";
    QString error;
    const std::optional<WorldShapes> world = WorldShapes::fromJson(QByteArrayView(json), &error);
    ASSERT_TRUE(world.has_value()) << qPrintable(error);
    const QGeoRectangle bounds = world->countries().front().bounds;
    EXPECT_DOUBLE_EQ(bounds.topLeft().longitude(), 170.0);
    EXPECT_DOUBLE_EQ(bounds.bottomRight().longitude(), -175.0);
    EXPECT_TRUE(bounds.contains(QGeoCoordinate(2.0, 179.0)));
    EXPECT_FALSE(bounds.contains(QGeoCoordinate(2.0, 0.0)));
}

TEST(WorldShapes, FromJsonRejectsDocumentLevelProblems)
{
    EXPECT_TRUE(errorFor("{\"scale\":100,").contains(QStringLiteral("not JSON")));
    EXPECT_TRUE(errorFor("[]").contains(QStringLiteral("root")));
    EXPECT_TRUE(errorFor(R"({"countries":[]})").contains(QStringLiteral("\"scale\"")));
    EXPECT_TRUE(errorFor(R"({"scale":0,"countries":[]})").contains(QStringLiteral("\"scale\"")));
    EXPECT_TRUE(errorFor(R"({"scale":100})").contains(QStringLiteral("\"countries\"")));
}

TEST(WorldShapes, FromJsonNamesTheCountryIndexAndField)
{
    const std::pair<const char *, QString> cases[] = {
        {R"({"scale":100,"countries":[{"a2":"AA","name":"A","polygons":[[[0,0,100,0,0,100]]]},7]})",
         QStringLiteral("country 1: not an object")},
        {R"({"scale":100,"countries":[{"a2":"AA","polygons":[[[0,0,100,0,0,100]]]}]})",
         QStringLiteral("country 0: \"name\"")},
        {R"({"scale":100,"countries":[{"a2":"GBR","name":"B","polygons":[[[0,0,100,0,0,100]]]}]})",
         QStringLiteral("country 0 (\"B\"): \"a2\"")},
        {R"({"scale":100,"countries":[{"name":"B","polygons":[[[0,0,100,0,0,100]]]}]})",
         QStringLiteral("country 0 (\"B\"): \"a2\"")},
        {R"({"scale":100,"countries":[{"a2":"AA","name":"A","polygons":[[[0,0,100,0,0,100]]]},
            {"a2":"AA","name":"B","polygons":[[[0,0,100,0,0,100]]]}]})",
         QStringLiteral("country 1 (\"B\"): \"a2\" \"AA\" repeats")},
        {R"({"scale":100,"countries":[{"a2":"","name":"C","polygons":[]}]})",
         QStringLiteral("country 0 (\"C\"): \"polygons\"")},
        {R"({"scale":100,"countries":[{"a2":"","name":"C","polygons":[[[0,0,100,0,0,100]],[]]}]})",
         QStringLiteral("country 0 (\"C\"): polygons[1] is not an array of rings")},
        {R"({"scale":100,"countries":[{"a2":"","name":"C","polygons":[[[0,0,100,0,0,100],[0,0,1]]]}]})",
         QStringLiteral("polygons[0][1] has an odd number of values")},
        {R"({"scale":100,"countries":[{"a2":"","name":"C","polygons":[[[0,0,100,0]]]}]})",
         QStringLiteral("polygons[0][0] has fewer than 3 points")},
        {R"({"scale":100,"countries":[{"a2":"","name":"C","polygons":[[[0,0,100,0,0,100]],[[0,0,1,"x",2,2]]]}]})",
         QStringLiteral("polygons[1][0][3] is not an integer")},
        {R"({"scale":100,"countries":[{"a2":"","name":"C","polygons":[[[0,0,100,0.5,0,100]]]}]})",
         QStringLiteral("polygons[0][0][3] is not an integer")},
        {R"({"scale":100,"countries":[{"a2":"","name":"C","polygons":[[[0,0,18001,0,0,100]]]}]})",
         QStringLiteral("polygons[0][0][2] is beyond 180 degrees of longitude")},
        {R"({"scale":100,"countries":[{"a2":"","name":"C","polygons":[[[0,0,100,0,0,-9001]]]}]})",
         QStringLiteral("polygons[0][0][5] is beyond 90 degrees of latitude")},
        {R"({"scale":100,"countries":[{"a2":"","name":"C","polygons":[[7]]}]})",
         QStringLiteral("polygons[0][0] is not an array")},
    };
    for (const auto &[json, expected] : cases) {
        const QString error = errorFor(json);
        EXPECT_TRUE(error.contains(expected)) << "got: " << qPrintable(error) << "\nwanted: " << qPrintable(expected);
    }
}
