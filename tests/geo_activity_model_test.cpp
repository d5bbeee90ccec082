#include "models/DashboardModels.h"
#include "models/GeoActivityModel.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

// The activity map's model: events placed once on arrival (coordinates, else city, else the
// country's centroid), the ones with no usable location counted over the same window, and the
// active users' places from the latest active_users message; seeks and look-back carry them.

using namespace vantage;

namespace {

constexpr qint64 t0 = 1'700'000'000'000;

GeoLocation at(double lat, double lon)
{
    GeoLocation location;
    location.lat = lat;
    location.lon = lon;
    return location;
}

GeoLocation named(const char *country, const char *city = "")
{
    GeoLocation location;
    location.country = QString::fromUtf8(country);
    location.city = QString::fromUtf8(city);
    return location;
}

FeedItem item(qint64 offsetMs, GeoLocation location, const char *type = "signup", const char *user = "Ana")
{
    LiveEvent event;
    event.id = QString::number(offsetMs);
    event.type = QString::fromLatin1(type);
    event.userName = QString::fromLatin1(user);
    event.location = std::move(location);
    return FeedItem{t0 + offsetMs, -1, event};
}

} // namespace

TEST(GeoActivityModel, PlacesEachEventByWhatItCarries)
{
    GeoActivityModel model;
    QSignalSpy changed(&model, &GeoActivityModel::changed);
    model.appendEvents({item(1, at(48.85, 2.35)), item(2, named("GB", "Manchester"), "payment", "Ben"),
                        item(3, named("BR")), item(4, GeoLocation()), item(5, named("Atlantis", "Nowhere"))});

    EXPECT_EQ(changed.count(), 1);
    ASSERT_EQ(model.eventCount(), 5);
    const GeoEvent &exact = model.event(4);
    EXPECT_EQ(exact.precision, LocationPrecision::Coordinates);
    EXPECT_DOUBLE_EQ(exact.lat, 48.85);
    EXPECT_DOUBLE_EQ(exact.lon, 2.35);
    EXPECT_EQ(exact.atMs, t0 + 1);

    const GeoEvent &city = model.event(3);
    EXPECT_EQ(city.precision, LocationPrecision::City);
    EXPECT_NEAR(city.lat, 53.48, 0.1);
    EXPECT_NEAR(city.lon, -2.24, 0.1);
    EXPECT_EQ(city.type, QStringLiteral("payment"));
    EXPECT_TRUE(city.label.contains(QStringLiteral("Manchester")));
    EXPECT_TRUE(city.label.contains(QStringLiteral("Ben")));
    EXPECT_EQ(city.place, model.placeOf(named("GB", "Manchester")));

    // Country only: the centroid of Brazil's shape.
    const GeoEvent &country = model.event(2);
    EXPECT_EQ(country.precision, LocationPrecision::Country);
    EXPECT_NEAR(country.lat, -10.8, 3.0);
    EXPECT_NEAR(country.lon, -53.0, 3.0);

    EXPECT_EQ(model.event(1).precision, LocationPrecision::Unknown);
    EXPECT_EQ(model.event(0).precision, LocationPrecision::Unknown);
    EXPECT_EQ(model.unknownCount(), 2u);
}

TEST(GeoActivityModel, TheUnknownCountFollowsTheWindow)
{
    GeoActivityModel model(3);
    model.appendEvents({item(1, GeoLocation()), item(2, GeoLocation()), item(3, named("FR"))});
    EXPECT_EQ(model.unknownCount(), 2u);
    model.appendEvents({item(4, named("DE"))}); // the first unknown leaves the window
    EXPECT_EQ(model.eventCount(), 3);
    EXPECT_EQ(model.unknownCount(), 1u);
    model.appendEvents({item(5, named("ES")), item(6, named("IT")), item(7, GeoLocation())});
    EXPECT_EQ(model.unknownCount(), 1u);
    EXPECT_EQ(model.event(2).atMs, t0 + 5);
    model.clearEvents();
    EXPECT_EQ(model.eventCount(), 0);
    EXPECT_EQ(model.unknownCount(), 0u);
}

TEST(GeoActivityModel, SessionsAreCountedPerPlace)
{
    GeoActivityModel model;
    model.setActiveLocations({named("GB", "London"), named("GB", "London"), named("IE", "Dublin"),
                              at(51.5074, -0.1278), GeoLocation()});
    const std::vector<GeoSessionPlace> &places = model.sessionPlaces();
    ASSERT_EQ(places.size(), 3u);
    EXPECT_EQ(places[0].sessions, 2);
    EXPECT_EQ(places[0].place, model.placeOf(named("GB", "London")));
    EXPECT_EQ(places[1].sessions, 1);
    EXPECT_EQ(model.sessionsUnknown(), 1);
    EXPECT_EQ(model.activeLocations().size(), 5u);
}

TEST(GeoActivityModel, DashboardBatchesFeedTheMapAndAggregatesCarryTheSessions)
{
    DashboardModels models(
        nullptr, [] { return t0; }, 100);
    ActiveUsersUpdate active;
    active.current = 2;
    active.locations = {named("GB", "London"), named("FR", "Paris")};
    LiveEvent event = item(0, named("GB", "London")).event;
    FeedBatch batch;
    batch.messages = {Message{MessageKind::ActiveUsers, -1, t0, QStringLiteral("active_users"), active},
                      Message{MessageKind::Event, 1, t0 + 1, QStringLiteral("event"), event}};
    models.applyBatch(batch);
    EXPECT_EQ(models.geo()->eventCount(), 1);
    EXPECT_EQ(models.geo()->sessionPlaces().size(), 2u);

    // An update without places keeps them; one saying nobody is active clears them.
    ActiveUsersUpdate countOnly;
    countOnly.current = 5;
    FeedBatch second;
    second.messages = {
        Message{MessageKind::ActiveUsers, -1, t0 + 2, QStringLiteral("active_users"), countOnly}};
    models.applyBatch(second);
    EXPECT_EQ(models.geo()->sessionPlaces().size(), 2u);

    const DashboardAggregates saved = models.aggregates();
    EXPECT_EQ(saved.activeLocations.size(), 2u);
    DashboardModels restored(
        nullptr, [] { return t0; }, 100);
    restored.restoreAggregates(saved);
    EXPECT_EQ(restored.geo()->sessionPlaces(), models.geo()->sessionPlaces());
    EXPECT_EQ(restored.geo()->eventCount(), 0); // refilled by the frames a seek replays

    DashboardModels copy(
        nullptr, [] { return t0; }, 100);
    copy.copyFrom(models);
    ASSERT_EQ(copy.geo()->eventCount(), 1);
    EXPECT_EQ(copy.geo()->event(0), models.geo()->event(0));

    ActiveUsersUpdate nobody;
    nobody.current = 0;
    FeedBatch third;
    third.messages = {Message{MessageKind::ActiveUsers, -1, t0 + 3, QStringLiteral("active_users"), nobody}};
    models.applyBatch(third);
    EXPECT_TRUE(models.geo()->sessionPlaces().empty());
}
