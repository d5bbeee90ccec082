#include "models/CityTable.h"

#include <gtest/gtest.h>

#include <QFile>

#include <stdexcept>

using vantage::CityEntry;
using vantage::CityTable;
using vantage::placeKey;

namespace {

QString errorFor(const char *json)
{
    QString error;
    EXPECT_FALSE(CityTable::fromJson(QByteArrayView(json), &error).has_value()) << json;
    return error;
}

CityTable tableFrom(const char *json)
{
    QString error;
    std::optional<CityTable> table = CityTable::fromJson(QByteArrayView(json), &error);
    if (!table)
        throw std::runtime_error(error.toStdString());
    return std::move(*table);
}

} // namespace

TEST(CityTable, BundledResourceIsInTheBinary)
{
    QFile file(QStringLiteral(":/map/cities.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(file.errorString());
    EXPECT_LT(file.size(), 150'000) << "kept small";
}

TEST(CityTable, BundledHoldsTheLargestCitiesAndEveryCapitalMostPopulousFirst)
{
    const CityTable &table = CityTable::bundled();
    ASSERT_GE(table.cities().size(), 1500u);
    for (size_t i = 1; i < table.cities().size(); ++i)
        ASSERT_GE(table.cities()[i - 1].population, table.cities()[i].population) << i;
    // Capitals far below the population cut are still there.
    const CityEntry *valletta = table.find(u"Valletta", u"MT");
    ASSERT_NE(valletta, nullptr);
    EXPECT_LT(valletta->population, 100'000);
    EXPECT_NE(table.find(u"Vatican City", u"VA"), nullptr);
    EXPECT_EQ(&CityTable::bundled(), &table) << "loaded once";
}

TEST(CityTable, WithoutACountryTheMostPopulousNamesakeWins)
{
    const CityEntry *london = CityTable::bundled().find(u"London", u"");
    ASSERT_NE(london, nullptr);
    EXPECT_EQ(london->alpha2, QStringLiteral("GB"));
    EXPECT_NEAR(london->coordinate.latitude(), 51.51, 0.05);
    EXPECT_NEAR(london->coordinate.longitude(), -0.13, 0.05);
    EXPECT_GT(london->population, 5'000'000);
}

TEST(CityTable, WithACountryOnlyThatCountrysCity)
{
    const CityTable &table = CityTable::bundled();
    const CityEntry *ontario = table.find(u"london", u"ca");
    ASSERT_NE(ontario, nullptr);
    EXPECT_EQ(ontario->alpha2, QStringLiteral("CA"));
    EXPECT_NEAR(ontario->coordinate.longitude(), -81.2, 0.1);
    ASSERT_NE(table.find(u"Hyderabad", u"PK"), nullptr);
    EXPECT_NEAR(table.find(u"Hyderabad", u"PK")->coordinate.longitude(), 68.4, 0.2);
    EXPECT_NEAR(table.find(u"Hyderabad", u"IN")->coordinate.longitude(), 78.5, 0.2);
    EXPECT_EQ(table.find(u"London", u"FR"), nullptr);
}

TEST(CityTable, NamesMatchWithoutCaseAccentsOrTypographicApostrophes)
{
    const CityTable &table = CityTable::bundled();
    const std::pair<const char16_t *, const char16_t *> cases[] = {
        {u"Sao Paulo", u"São Paulo"}, {u"SAO  PAULO ", u"São Paulo"}, {u"zurich", u"Zürich"},
        {u"Montreal", u"Montréal"},   {u"Xi'an", u"Xi’an"},           {u"Urumqi", u"Ürümqi"},
        {u"Bogota", u"Bogotá"},
    };
    for (const auto &[asked, found] : cases) {
        const CityEntry *city = table.find(QStringView(asked), u"");
        ASSERT_NE(city, nullptr) << qPrintable(QStringView(asked).toString());
        EXPECT_EQ(city->name, QStringView(found).toString());
    }
    EXPECT_EQ(table.find(u"Sao Paolo", u""), nullptr) << "folding is not fuzzy matching";
}

TEST(CityTable, ShortNamesFindGeoNamesLongerSpellings)
{
    const CityTable &table = CityTable::bundled();
    const CityEntry *washington = table.find(u"Washington", u"US");
    ASSERT_NE(washington, nullptr);
    EXPECT_EQ(washington->name, QStringLiteral("Washington, D.C."));
    const CityEntry *newYork = table.find(u"New York", u"");
    ASSERT_NE(newYork, nullptr);
    EXPECT_EQ(newYork->name, QStringLiteral("New York City"));
}

TEST(CityTable, AnOwnNameOutranksAMorePopulousCitysShortenedOne)
{
    const CityTable table = tableFrom(R"({"scale":1000,"cities":[
        {"name":"Mexico City","a2":"MX","lat":19428,"lon":-99128,"pop":12294193},
        {"name":"Mexico","a2":"PH","lat":15065,"lon":120719,"pop":30000}]})");
    EXPECT_EQ(table.find(u"Mexico", u"")->alpha2, QStringLiteral("PH"));
    EXPECT_EQ(table.find(u"Mexico", u"MX")->name, QStringLiteral("Mexico City"));
}

TEST(CityTable, LargestInStandsInForACountry)
{
    const CityTable &table = CityTable::bundled();
    ASSERT_NE(table.largestIn(u"sg"), nullptr);
    EXPECT_EQ(table.largestIn(u"sg")->name, QStringLiteral("Singapore"));
    EXPECT_EQ(table.largestIn(u"GB")->name, QStringLiteral("London"));
    EXPECT_EQ(table.largestIn(u"ZZ"), nullptr);
}

TEST(CityTable, FromJsonAppliesTheScale)
{
    const CityTable table = tableFrom(R"({"scale":1000,"cities":[
        {"name":"Small","a2":"AA","lat":-1500,"lon":2250,"pop":10},
        {"name":"Big","a2":"AA","lat":51509,"lon":-126,"pop":1000}]})");
    ASSERT_EQ(table.cities().size(), 2u);
    EXPECT_EQ(table.cities().front().name, QStringLiteral("Big"));
    EXPECT_DOUBLE_EQ(table.cities().front().coordinate.latitude(), 51.509);
    EXPECT_DOUBLE_EQ(table.cities().front().coordinate.longitude(), -0.126);
    EXPECT_DOUBLE_EQ(table.cities().back().coordinate.latitude(), -1.5);
    EXPECT_EQ(table.largestIn(u"AA")->name, QStringLiteral("Big"));
}

TEST(CityTable, FromJsonNamesTheCityIndexAndField)
{
    EXPECT_TRUE(errorFor("nope").contains(QStringLiteral("not JSON")));
    EXPECT_TRUE(errorFor(R"({"cities":[]})").contains(QStringLiteral("\"scale\"")));
    EXPECT_TRUE(errorFor(R"({"scale":1000,"cities":{}})").contains(QStringLiteral("\"cities\"")));
    const std::pair<const char *, QString> cases[] = {
        {R"({"scale":1000,"cities":[{"name":"A","a2":"AA","lat":0,"lon":0,"pop":1},[]]})",
         QStringLiteral("city 1: not an object")},
        {R"({"scale":1000,"cities":[{"name":" ","a2":"AA","lat":0,"lon":0,"pop":1}]})",
         QStringLiteral("city 0: \"name\"")},
        {R"({"scale":1000,"cities":[{"name":"A","a2":"aa","lat":0,"lon":0,"pop":1}]})",
         QStringLiteral("city 0 (\"A\"): \"a2\"")},
        {R"({"scale":1000,"cities":[{"name":"A","a2":"AA","lat":90001,"lon":0,"pop":1}]})",
         QStringLiteral("city 0 (\"A\"): \"lat\"")},
        {R"({"scale":1000,"cities":[{"name":"A","a2":"AA","lat":0,"lon":"0","pop":1}]})",
         QStringLiteral("city 0 (\"A\"): \"lon\"")},
        {R"({"scale":1000,"cities":[{"name":"A","a2":"AA","lat":0,"lon":0,"pop":-1}]})",
         QStringLiteral("city 0 (\"A\"): \"pop\"")},
        {R"({"scale":1000,"cities":[{"name":"A","a2":"AA","lat":0,"lon":0}]})",
         QStringLiteral("city 0 (\"A\"): \"pop\"")},
    };
    for (const auto &[json, expected] : cases) {
        const QString error = errorFor(json);
        EXPECT_TRUE(error.contains(expected))
            << "got: " << qPrintable(error) << "\nwanted: " << qPrintable(expected);
    }
}

TEST(CityTable, PlaceKeyFoldsOnlyWhatShouldNotCount)
{
    EXPECT_EQ(placeKey(u"  São   Paulo "), placeKey(u"sao paulo"));
    EXPECT_EQ(placeKey(u"Côte d’Ivoire"), placeKey(u"cote d'ivoire"));
    EXPECT_NE(placeKey(u"Paris"), placeKey(u"Pari"));
    EXPECT_EQ(placeKey(u" New\tYORK  City"), QStringLiteral("new york city"))
        << "ASCII: simplified and folded";
    EXPECT_EQ(placeKey(u"Ｐａｒｉｓ"), QStringLiteral("paris")) << "full-width letters decompose to ASCII";
}
