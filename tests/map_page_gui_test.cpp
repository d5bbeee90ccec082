#include "support/OverviewFixture.h"
#include "ui/FeedPanel.h"
#include "ui/MapPanel.h"
#include "widgets/ActivityMap.h"

#include <QAction>
#include <QToolButton>

#include <gtest/gtest.h>

// The activity map in the window (issue 5): on the overview beside the alerts and on a page of its
// own, fed from the map's model once per batch while it is shown; a click on a place filters the
// feed to that place, and the feed says so until the filter is cleared.

using namespace vantage;

namespace {

GeoLocation place(const char *country, const char *city = "")
{
    GeoLocation location;
    location.country = QString::fromUtf8(country);
    location.city = QString::fromUtf8(city);
    return location;
}

Message eventAt(qint64 tsMs, const char *id, GeoLocation location)
{
    LiveEvent event;
    event.id = QString::fromLatin1(id);
    event.type = QStringLiteral("signup");
    event.userName = QString::fromLatin1(id);
    event.location = std::move(location);
    return Message{MessageKind::Event, -1, tsMs, QStringLiteral("event"), event};
}

FeedBatch londonParisAndNowhere(qint64 nowMs)
{
    ActiveUsersUpdate active;
    active.current = 3;
    active.locations = {place("GB", "London"), place("GB", "London"), place("BR", "São Paulo")};
    FeedBatch batch;
    batch.messages = {Message{MessageKind::ActiveUsers, -1, nowMs, QStringLiteral("active_users"), active},
                      eventAt(nowMs - 60'000, "ana", place("GB", "London")),
                      eventAt(nowMs - 50'000, "ben", place("BR", "São Paulo")),
                      eventAt(nowMs - 40'000, "cy", GeoLocation())};
    batch.lastFrameMs = nowMs;
    return batch;
}

QStringList feedIds(const FeedFilterProxy *proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids << proxy->index(row, 0).data(ActivityFeedModel::EventIdRole).toString();
    return ids;
}

} // namespace

TEST(MapPageGui, TheOverviewMapShowsPlacedEventsSessionsAndTheUnknown)
{
    test::OverviewFixture f;
    MapPanel *panel = f.window.overviewMap();
    ASSERT_TRUE(panel->isVisible());
    f.models.applyBatch(londonParisAndNowhere(f.models.nowMs()));

    // The map follows once the batch is applied: two places of sessions, two placed events.
    const std::vector<MapMarker> &markers = panel->map()->markers();
    ASSERT_TRUE(QTest::qWaitFor([&] { return markers.size() == 4u; }, 5000));
    EXPECT_TRUE(markers[0].session);
    EXPECT_EQ(markers[0].weight, 2);
    EXPECT_EQ(markers[0].placeKey, f.models.geo()->placeOf(place("GB", "London")));
    EXPECT_FALSE(markers[2].session);
    EXPECT_EQ(markers[3].placeKey, f.models.geo()->placeOf(place("BR", "São Paulo")));
    EXPECT_EQ(panel->map()->unknownCount(), 1u);
    EXPECT_EQ(panel->summaryText(), QStringLiteral("2 events placed \u00b7 3 sessions"));

    // The map page is hidden: it catches up when it is shown, not on every batch before.
    EXPECT_TRUE(f.window.mapPage()->map()->markers().empty());
    f.window.findChild<QAction *>(QStringLiteral("action.pageMap"))->trigger();
    EXPECT_EQ(f.window.page(), MainWindow::Page::Map);
    EXPECT_TRUE(f.window.mapPage()->isVisible());
    EXPECT_FALSE(panel->isVisible());
    EXPECT_EQ(f.window.mapPage()->map()->markers().size(), 4u);
}

TEST(MapPageGui, AClickOnAPlaceFiltersTheFeedUntilCleared)
{
    test::OverviewFixture f;
    f.window.showPage(MainWindow::Page::Map);
    f.models.applyBatch(londonParisAndNowhere(f.models.nowMs()));
    ActivityMap *map = f.window.mapPage()->map();
    ASSERT_TRUE(QTest::qWaitFor([&] { return map->markers().size() == 4u; }, 5000));
    map->repaint(); // lays the spots out where a click finds them
    const QString london = f.models.geo()->placeOf(place("GB", "London"));

    QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, map->pixelOf(-0.1278, 51.5074).toPoint());

    EXPECT_EQ(f.models.filteredFeed()->placeFilter(), london);
    EXPECT_EQ(feedIds(f.models.filteredFeed()), QStringList{QStringLiteral("ana")});
    QToolButton *chip = f.window.feedPanel()->placeFilterButton();
    EXPECT_FALSE(chip->isHidden());
    EXPECT_TRUE(chip->text().startsWith(london));

    chip->click();
    EXPECT_TRUE(f.models.filteredFeed()->placeFilter().isEmpty());
    EXPECT_TRUE(chip->isHidden());
    EXPECT_EQ(feedIds(f.models.filteredFeed()).size(), 3);
}

TEST(MapPageGui, APlaceWithAnAmpersandIsShownAsItIs)
{
    test::OverviewFixture f;
    f.models.filteredFeed()->setPlaceFilter(QStringLiteral("Port of Spain, Trinidad & Tobago"));
    EXPECT_EQ(f.window.feedPanel()->placeFilterButton()->text(),
              QStringLiteral("Port of Spain, Trinidad && Tobago  \u2715"));
}

TEST(MapPageGui, ABatchRightAfterARefreshStillShowsWhenTheIntervalIsOver)
{
    test::OverviewFixture f;
    MapPanel *panel = f.window.overviewMap();
    ActivityMap *map = panel->map();
    ASSERT_TRUE(QTest::qWaitFor([&] { return map->markers().empty() && panel->isVisible(); }, 5000));

    // Two batches back to back: the second waits for the map's refresh interval, then shows.
    f.models.applyBatch(londonParisAndNowhere(f.models.nowMs()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return map->markers().size() == 4u; }, 5000));
    FeedBatch more;
    more.messages = {eventAt(f.models.nowMs() - 30'000, "dee", place("GB", "London"))};
    more.lastFrameMs = f.models.nowMs();
    f.models.applyBatch(more);
    ASSERT_TRUE(QTest::qWaitFor([&] { return map->markers().size() == 5u; }, 5000));
}
