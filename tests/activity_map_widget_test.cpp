#include "support/TestClock.h"
#include "widgets/ActivityMap.h"
#include "widgets/Theme.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

// The activity map: what it paints where, its caches, clustering, clicks, the view's keys and
// mouse, heat mode, and the pulse timer's life.

using namespace vantage;

namespace {

constexpr qint64 t0 = 1'781'341'200'000; // 2026-06-13T09:00:00Z
constexpr QSize mapSize(800, 450);
// Old enough that the pulse is over, young enough that the dot has barely faded.
constexpr qint64 settledAgeMs = MapLiveLayer::pulseMs + 500;

constexpr double londonLat = 51.5074;
constexpr double londonLon = -0.1278;

MapMarker event(double lon, double lat, qint64 atMs, const QString &type, const QString &placeKey = QString(),
                const QString &label = QString())
{
    MapMarker marker;
    marker.lon = lon;
    marker.lat = lat;
    marker.atMs = atMs;
    marker.type = type;
    marker.placeKey = placeKey;
    marker.label = label;
    return marker;
}

MapMarker session(double lon, double lat, int weight, const QString &placeKey)
{
    MapMarker marker;
    marker.lon = lon;
    marker.lat = lat;
    marker.atMs = t0;
    marker.weight = weight;
    marker.session = true;
    marker.placeKey = placeKey;
    return marker;
}

// Nine events in a 3 x 3 grid 1.5 degrees apart around London: one blob at the world view, nine
// dots once framed.
std::vector<MapMarker> londonGrid()
{
    std::vector<MapMarker> markers;
    for (int row = -1; row <= 1; ++row) {
        for (int column = -1; column <= 1; ++column)
            markers.push_back(event(londonLon + 1.5 * column, londonLat + 1.5 * row, t0 - settledAgeMs,
                                    QStringLiteral("signup"),
                                    QStringLiteral("london-%1-%2").arg(row).arg(column)));
    }
    return markers;
}

struct Fixture
{
    explicit Fixture(const Theme &theme = Theme::dark())
    {
        map.resize(mapSize);
        map.setTheme(theme);
        map.setClock([this] { return clock.now(); });
    }
    QPoint pixel(double lon, double lat) const { return map.pixelOf(lon, lat).toPoint(); }

    test::TestClock clock{t0};
    ActivityMap map;
};

int colourDistance(QRgb a, const QColor &b)
{
    return std::abs(qRed(a) - b.red()) + std::abs(qGreen(a) - b.green()) + std::abs(qBlue(a) - b.blue());
}

bool hasColourNear(const QImage &image, QPoint centre, int reach, const QColor &colour, int tolerance = 30)
{
    const QRect area =
        QRect(centre - QPoint(reach, reach), centre + QPoint(reach, reach)).intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (colourDistance(image.pixel(x, y), colour) <= tolerance)
                return true;
        }
    }
    return false;
}

// Pixels between two radii around centre for which test holds.
template <typename Test>
int pixelsInRing(const QImage &image, QPoint centre, double inner, double outer, Test test)
{
    int found = 0;
    const int reach = int(std::ceil(outer));
    for (int dy = -reach; dy <= reach; ++dy) {
        for (int dx = -reach; dx <= reach; ++dx) {
            const double d = std::hypot(dx, dy);
            const QPoint p = centre + QPoint(dx, dy);
            if (d >= inner && d <= outer && image.rect().contains(p) && test(p))
                ++found;
        }
    }
    return found;
}

int colourInRing(const QImage &image, QPoint centre, double inner, double outer, const QColor &colour)
{
    return pixelsInRing(image, centre, inner, outer,
                        [&](QPoint p) { return colourDistance(image.pixel(p), colour) <= 60; });
}

int differingPixels(const QImage &a, const QImage &b, const QRect &area)
{
    int differing = 0;
    const QRect clipped = area.intersected(a.rect());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x)
            differing += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    }
    return differing;
}

void sendWheel(QWidget &widget, QPointF pos, int angleY)
{
    QWheelEvent wheel(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, angleY), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&widget, &wheel);
}

// A move with the left button held, as a drag delivers it (QTest's moves carry no buttons).
void dragMove(QWidget &widget, QPointF pos)
{
    QMouseEvent move(QEvent::MouseMove, pos, widget.mapToGlobal(pos), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(&widget, &move);
}

bool inside(const QWidget &widget, QPointF p)
{
    return QRectF(widget.rect()).contains(p);
}

} // namespace

TEST(ActivityMap, HasANameFocusAndAnEmptyWorldView)
{
    ActivityMap map;
    EXPECT_EQ(map.accessibleName(), QStringLiteral("Activity map"));
    EXPECT_EQ(map.focusPolicy(), Qt::StrongFocus);
    EXPECT_EQ(map.mode(), ActivityMap::Mode::Dots);
    EXPECT_TRUE(map.markers().empty());
    EXPECT_EQ(map.viewport().zoom(), MapViewport::minZoom);
    map.resize(mapSize);
    EXPECT_FALSE(map.grab().isNull());
    EXPECT_TRUE(map.spots().empty());
}

TEST(ActivityMap, PaintsAnEventInItsTypeColourWhereItHappened)
{
    for (const Theme &theme : {Theme::dark(), Theme::light()}) {
        Fixture f(theme);
        f.map.setMarkers({event(londonLon, londonLat, t0 - settledAgeMs, QStringLiteral("payment"))}, t0);
        const QImage image = f.map.grab().toImage();
        const QColor payment = theme.eventTypeColor(QStringLiteral("payment"));
        const QPoint london = f.pixel(londonLon, londonLat);
        ASSERT_TRUE(f.map.rect().contains(london));
        EXPECT_TRUE(hasColourNear(image, london, 3, payment));
        EXPECT_FALSE(hasColourNear(image, f.pixel(-35.0, 40.0), 3, payment)); // mid-Atlantic
        EXPECT_EQ(f.map.dotsDrawn(), 1);
        EXPECT_EQ(f.map.clustersDrawn(), 0);
    }
}

TEST(ActivityMap, TheBasemapIsRenderedOnlyWhenTheViewOrThemeChanges)
{
    Fixture f;
    f.map.grab();
    EXPECT_EQ(f.map.basemapRenders(), 1);

    // Live updates repaint over the cached land.
    f.map.setMarkers(londonGrid(), t0);
    f.map.grab();
    f.map.setNow(t0 + 1000);
    f.map.setUnknownCount(3);
    f.map.setMode(ActivityMap::Mode::Heat);
    f.map.grab();
    EXPECT_EQ(f.map.basemapRenders(), 1);

    f.map.resize(640, 400);
    f.map.grab();
    EXPECT_EQ(f.map.basemapRenders(), 2);
    QTest::keyClick(&f.map, Qt::Key_Plus);
    f.map.grab();
    EXPECT_EQ(f.map.basemapRenders(), 3);
    QTest::keyClick(&f.map, Qt::Key_Left);
    f.map.grab();
    EXPECT_EQ(f.map.basemapRenders(), 4);
    f.map.setTheme(Theme::light());
    f.map.grab();
    EXPECT_EQ(f.map.basemapRenders(), 5);
    f.map.grab();
    EXPECT_EQ(f.map.basemapRenders(), 5);
}

TEST(ActivityMap, MarkersInOneCityClusterAtTheWorldViewAndSplitWhenZoomedIn)
{
    Fixture f;
    f.map.setMarkers(londonGrid(), t0);
    const QImage world = f.map.grab().toImage();
    EXPECT_EQ(f.map.clustersDrawn(), 1);
    EXPECT_EQ(f.map.dotsDrawn(), 0);
    ASSERT_EQ(f.map.spots().size(), 1u);
    const MapSpot &cluster = f.map.spots().front();
    EXPECT_EQ(cluster.count, 9);
    EXPECT_LT(std::hypot(cluster.pixel.x() - f.map.pixelOf(londonLon, londonLat).x(),
                         cluster.pixel.y() - f.map.pixelOf(londonLon, londonLat).y()),
              2.0);
    // The cluster's disc, ringed in its type's colour, is bigger than a dot.
    const QColor signup = Theme::dark().eventTypeColor(QStringLiteral("signup"));
    EXPECT_GT(cluster.radius, 8.0);
    EXPECT_GT(colourInRing(world, cluster.pixel.toPoint(), cluster.radius - 4.0, cluster.radius, signup), 20);

    f.map.fitToActivity();
    f.map.grab();
    EXPECT_EQ(f.map.clustersDrawn(), 0);
    EXPECT_EQ(f.map.dotsDrawn(), 9);
}

TEST(ActivityMap, AClickOnADotNamesItsPlaceAndTheSeaNamesNothing)
{
    Fixture f;
    f.map.setMarkers(
        {event(londonLon, londonLat, t0 - settledAgeMs, QStringLiteral("signup"),
               QStringLiteral("London, GB")),
         event(139.6917, 35.6895, t0 - settledAgeMs, QStringLiteral("payment"), QStringLiteral("Tokyo, JP"))},
        t0);
    QSignalSpy clicks(&f.map, &ActivityMap::placeClicked);
    QTest::mouseClick(&f.map, Qt::LeftButton, Qt::NoModifier, f.pixel(londonLon, londonLat));
    ASSERT_EQ(clicks.count(), 1);
    EXPECT_EQ(clicks.takeFirst().first().toString(), QStringLiteral("London, GB"));

    QTest::mouseClick(&f.map, Qt::LeftButton, Qt::NoModifier, f.pixel(-35.0, 40.0));
    QTest::mouseClick(&f.map, Qt::LeftButton, Qt::NoModifier, f.pixel(-140.0, -30.0)); // the Pacific
    QTest::mouseClick(&f.map, Qt::RightButton, Qt::NoModifier, f.pixel(londonLon, londonLat));
    EXPECT_EQ(clicks.count(), 0);
}

TEST(ActivityMap, AClusterNamesItsNewestEventAndSessionsTheirHeaviestPlace)
{
    Fixture f;
    const double madrid[] = {-3.7038, 40.4168};
    f.map.setMarkers(
        {event(londonLon, londonLat, t0 - 9000, QStringLiteral("signup"), QStringLiteral("old")),
         event(londonLon + 0.2, londonLat, t0 - 3000, QStringLiteral("signup"), QStringLiteral("newest")),
         event(londonLon - 0.2, londonLat, t0 - 6000, QStringLiteral("payment"), QStringLiteral("mid")),
         session(madrid[0], madrid[1], 3, QStringLiteral("light")),
         session(madrid[0] + 0.1, madrid[1], 12, QStringLiteral("heavy")),
         session(madrid[0] - 0.1, madrid[1], 5, QStringLiteral("medium"))},
        t0);
    QSignalSpy clicks(&f.map, &ActivityMap::placeClicked);
    QTest::mouseClick(&f.map, Qt::LeftButton, Qt::NoModifier, f.pixel(londonLon, londonLat));
    QTest::mouseClick(&f.map, Qt::LeftButton, Qt::NoModifier, f.pixel(madrid[0], madrid[1]));
    ASSERT_EQ(clicks.count(), 2);
    EXPECT_EQ(clicks.at(0).first().toString(), QStringLiteral("newest"));
    EXPECT_EQ(clicks.at(1).first().toString(), QStringLiteral("heavy"));
}

TEST(ActivityMap, SessionRingsGrowWithTheirUsersAndDoNotPulse)
{
    Fixture f;
    f.map.show();
    f.map.setMarkers({session(-74.006, 40.7128, 1, QStringLiteral("ny")),
                      session(139.6917, 35.6895, 16, QStringLiteral("tokyo"))},
                     t0);
    EXPECT_FALSE(f.map.isAnimating());
    f.map.grab();
    ASSERT_EQ(f.map.spots().size(), 2u);
    const MapSpot &one = f.map.spots()[0].count == 1 ? f.map.spots()[0] : f.map.spots()[1];
    const MapSpot &sixteen = f.map.spots()[0].count == 1 ? f.map.spots()[1] : f.map.spots()[0];
    EXPECT_TRUE(one.session);
    EXPECT_TRUE(sixteen.session);
    EXPECT_EQ(sixteen.count, 16);
    EXPECT_GT(sixteen.radius, one.radius * 1.5); // square-root scaling: 16 users are not 16 times wider
    EXPECT_LT(sixteen.radius, one.radius * 8.0);
}

TEST(ActivityMap, TooltipsArePlainText)
{
    Fixture f;
    f.map.setMarkers(
        {event(londonLon, londonLat, t0 - settledAgeMs, QStringLiteral("signup"), QStringLiteral("gb"),
               QStringLiteral("London, GB \u00b7 signup \u00b7 <b>Ana</b>"))},
        t0);
    const QPoint london = f.pixel(londonLon, londonLat);
    EXPECT_EQ(f.map.toolTipTextAt(london), QStringLiteral("London, GB \u00b7 signup \u00b7 <b>Ana</b>"));
    EXPECT_TRUE(f.map.toolTipTextAt(f.pixel(-35.0, 40.0)).isEmpty());

    f.map.show();
    QHelpEvent help(QEvent::ToolTip, london, f.map.mapToGlobal(london));
    QApplication::sendEvent(&f.map, &help);
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("&lt;b&gt;Ana&lt;/b&gt;")))
        << QToolTip::text().toStdString();
    QToolTip::hideText();
}

TEST(ActivityMap, KeysZoomPanResetAndFit)
{
    Fixture f;
    const auto zoom = [&] { return f.map.viewport().zoom(); };
    QTest::keyClick(&f.map, Qt::Key_Plus);
    EXPECT_DOUBLE_EQ(zoom(), ActivityMap::keyZoomFactor);
    QTest::keyClick(&f.map, Qt::Key_Equal);
    EXPECT_DOUBLE_EQ(zoom(), ActivityMap::keyZoomFactor * ActivityMap::keyZoomFactor);
    QTest::keyClick(&f.map, Qt::Key_Minus);
    EXPECT_DOUBLE_EQ(zoom(), ActivityMap::keyZoomFactor);

    const QPointF centre = f.map.viewport().center();
    QTest::keyClick(&f.map, Qt::Key_Left);
    EXPECT_LT(f.map.viewport().center().x(), centre.x()); // looking further west
    QTest::keyClick(&f.map, Qt::Key_Right);
    QTest::keyClick(&f.map, Qt::Key_Right);
    EXPECT_GT(f.map.viewport().center().x(), centre.x());
    QTest::keyClick(&f.map, Qt::Key_Up);
    EXPECT_GT(f.map.viewport().center().y(), centre.y()); // projected y grows north

    QTest::keyClick(&f.map, Qt::Key_Home);
    EXPECT_EQ(zoom(), MapViewport::minZoom);
    EXPECT_EQ(f.map.viewport().center(), QPointF());
    QTest::keyClick(&f.map, Qt::Key_Plus);
    QTest::keyClick(&f.map, Qt::Key_0);
    EXPECT_EQ(zoom(), MapViewport::minZoom);

    f.map.setMarkers(londonGrid(), t0);
    QTest::keyClick(&f.map, Qt::Key_F);
    EXPECT_GT(zoom(), 4.0);

    // Other modifiers are the window's.
    QKeyEvent ctrlPlus(QEvent::KeyPress, Qt::Key_Plus, Qt::ControlModifier);
    const double before = zoom();
    QApplication::sendEvent(&f.map, &ctrlPlus);
    EXPECT_FALSE(ctrlPlus.isAccepted());
    EXPECT_EQ(zoom(), before);
}

TEST(ActivityMap, TheWheelZoomsAtTheCursor)
{
    Fixture f;
    // Lagos, near the middle, where the clamp that keeps the world on screen leaves the anchor be.
    const double lagos[] = {3.3792, 6.5244};
    const QPointF cursor = f.map.pixelOf(lagos[0], lagos[1]);
    sendWheel(f.map, cursor, 120);
    EXPECT_NEAR(f.map.viewport().zoom(), ActivityMap::wheelNotchZoomFactor, 1e-9);
    sendWheel(f.map, cursor, 240);
    EXPECT_NEAR(f.map.viewport().zoom(), std::pow(ActivityMap::wheelNotchZoomFactor, 3), 1e-9);
    // Lagos stays under the cursor.
    const QPointF after = f.map.pixelOf(lagos[0], lagos[1]);
    EXPECT_NEAR(after.x(), cursor.x(), 0.5);
    EXPECT_NEAR(after.y(), cursor.y(), 0.5);
    sendWheel(f.map, cursor, -360);
    EXPECT_NEAR(f.map.viewport().zoom(), MapViewport::minZoom, 1e-9);
}

TEST(ActivityMap, ADragPansWithoutClickingAndADoubleClickZoomsIn)
{
    Fixture f;
    f.map.setMarkers(
        {event(londonLon, londonLat, t0 - settledAgeMs, QStringLiteral("signup"), QStringLiteral("gb"))}, t0);
    QSignalSpy clicks(&f.map, &ActivityMap::placeClicked);
    QTest::keyClick(&f.map, Qt::Key_Plus);
    QTest::keyClick(&f.map, Qt::Key_Plus);
    const QPoint start = f.pixel(londonLon, londonLat);
    const QPointF before = f.map.viewport().center();
    QTest::mousePress(&f.map, Qt::LeftButton, Qt::NoModifier, start);
    dragMove(f.map, start + QPoint(30, 0));
    dragMove(f.map, start + QPoint(100, 0));
    QTest::mouseRelease(&f.map, Qt::LeftButton, Qt::NoModifier, start + QPoint(100, 0));
    EXPECT_NEAR(f.map.viewport().center().x(), before.x() - 100.0 / f.map.viewport().scale(), 1e-9);
    EXPECT_EQ(clicks.count(), 0); // a drag that started on a dot is still a drag
    // London followed the mouse.
    EXPECT_NEAR(f.map.pixelOf(londonLon, londonLat).x(), start.x() + 100.0, 1.0);

    const double zoom = f.map.viewport().zoom();
    QTest::mouseDClick(&f.map, Qt::LeftButton, Qt::NoModifier, f.pixel(-35.0, 40.0));
    EXPECT_NEAR(f.map.viewport().zoom(), zoom * ActivityMap::keyZoomFactor, 1e-9);
}

TEST(ActivityMap, FitToActivityFramesEveryMarker)
{
    Fixture f;
    const std::vector<MapMarker> markers = {
        event(-74.006, 40.7128, t0 - settledAgeMs, QStringLiteral("signup")), // New York
        event(londonLon, londonLat, t0 - settledAgeMs, QStringLiteral("payment")),
        event(3.3792, 6.5244, t0 - settledAgeMs, QStringLiteral("signup")),         // Lagos
        event(-46.6333, -23.5505, t0 - settledAgeMs, QStringLiteral("invitation")), // São Paulo
        session(-99.1332, 19.4326, 4, QStringLiteral("mx")),                        // Mexico City
    };
    f.map.setMarkers(markers, t0);
    f.map.fitToActivity();
    EXPECT_GT(f.map.viewport().zoom(), 1.0);
    for (const MapMarker &marker : markers)
        EXPECT_TRUE(inside(f.map, f.map.pixelOf(marker.lon, marker.lat))) << marker.lon << ", " << marker.lat;

    // A compact set fills more of the view, still all inside.
    std::vector<MapMarker> europe = {event(londonLon, londonLat, t0, QStringLiteral("signup")),
                                     event(13.405, 52.52, t0, QStringLiteral("signup")),     // Berlin
                                     event(-3.7038, 40.4168, t0, QStringLiteral("signup"))}; // Madrid
    f.map.setMarkers(europe, t0);
    const double worldFit = f.map.viewport().zoom();
    f.map.fitToActivity();
    EXPECT_GT(f.map.viewport().zoom(), worldFit);
    for (const MapMarker &marker : europe)
        EXPECT_TRUE(inside(f.map, f.map.pixelOf(marker.lon, marker.lat)));

    f.map.setMarkers({}, t0);
    f.map.fitToActivity();
    EXPECT_EQ(f.map.viewport().zoom(), MapViewport::minZoom);
}

TEST(ActivityMap, HeatModePaintsTheHotSpot)
{
    Fixture f;
    std::vector<MapMarker> markers = londonGrid();
    markers.push_back(
        event(139.6917, 35.6895, t0 - settledAgeMs, QStringLiteral("payment"))); // Tokyo, cooler
    f.map.setMarkers(markers, t0);
    const QImage dots = f.map.grab().toImage();
    f.map.setMode(ActivityMap::Mode::Heat);
    EXPECT_EQ(f.map.mode(), ActivityMap::Mode::Heat);
    const QImage heat = f.map.grab().toImage();
    EXPECT_EQ(f.map.clustersDrawn(), 0);
    EXPECT_EQ(f.map.dotsDrawn(), 0);

    // Around London, beyond the cluster's disc, heat is drawn where dots left the land bare.
    const QPoint london = f.pixel(londonLon, londonLat);
    const QRect aroundLondon(london - QPoint(28, 28), QSize(57, 57));
    const QRect clusterDisc(london - QPoint(18, 18), QSize(37, 37));
    int heatOnly = 0;
    for (int y = aroundLondon.top(); y <= aroundLondon.bottom(); ++y) {
        for (int x = aroundLondon.left(); x <= aroundLondon.right(); ++x)
            heatOnly += !clusterDisc.contains(x, y) && dots.pixel(x, y) != heat.pixel(x, y) ? 1 : 0;
    }
    EXPECT_GT(heatOnly, 300);
    // Far from any activity the two modes paint the same land.
    const QPoint sahara = f.pixel(10.0, 20.0);
    EXPECT_EQ(differingPixels(dots, heat, QRect(sahara - QPoint(10, 10), QSize(21, 21))), 0);
}

TEST(ActivityMap, APulseRingGrowsAroundANewEventAndIsGoneAfterIt)
{
    Fixture f;
    f.map.setMarkers({event(londonLon, londonLat, t0, QStringLiteral("signup"))},
                     t0 + MapLiveLayer::pulseMs / 2);
    const QPoint london = f.pixel(londonLon, londonLat);
    const QImage pulsing = f.map.grab().toImage();
    f.map.setNow(t0 + MapLiveLayer::pulseMs + 1);
    const QImage settled = f.map.grab().toImage();
    // Half-way, the ring is well clear of the 4.5 px dot; after the pulse only the land is there.
    const auto differs = [&](QPoint p) { return pulsing.pixel(p) != settled.pixel(p); };
    EXPECT_GT(pixelsInRing(pulsing, london, 12.0, 24.0, differs), 40);
    EXPECT_EQ(pixelsInRing(pulsing, london, 30.0, 40.0, differs), 0);
    const QColor signup = Theme::dark().eventTypeColor(QStringLiteral("signup"));
    EXPECT_EQ(colourInRing(settled, london, 12.0, 24.0, signup), 0);
}

TEST(ActivityMap, ThePulseTimerRunsWhileAPulseDoesAndThenStops)
{
    Fixture f;
    f.map.show();
    f.map.setMarkers({event(londonLon, londonLat, t0 - settledAgeMs, QStringLiteral("signup"))}, t0);
    EXPECT_FALSE(f.map.isAnimating()); // nothing new

    f.map.setMarkers({event(londonLon, londonLat, t0, QStringLiteral("signup"))}, t0);
    EXPECT_TRUE(f.map.isAnimating());
    // The clock's pulse frames carry the time on until the pulse is over.
    f.clock.advance(MapLiveLayer::pulseMs + 1);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !f.map.isAnimating(); }, 5000));

    // A hidden map animates nothing.
    f.map.hide();
    f.map.setMarkers({event(londonLon, londonLat, f.clock.now(), QStringLiteral("signup"))}, f.clock.now());
    EXPECT_FALSE(f.map.isAnimating());
}

TEST(ActivityMap, AStuckClockCannotAnimateForever)
{
    Fixture f;
    f.map.show();
    f.map.setMarkers({event(londonLon, londonLat, t0, QStringLiteral("signup"))}, t0);
    ASSERT_TRUE(f.map.isAnimating());
    // The clock never moves: the frames run out rather than repainting the same moment for weeks.
    EXPECT_TRUE(QTest::qWaitFor([&] { return !f.map.isAnimating(); }, 20000));
}

TEST(ActivityMap, EventsFadeAndLeaveTheMap)
{
    Fixture f;
    f.map.setMarkers({event(londonLon, londonLat, t0, QStringLiteral("signup"))}, t0 + settledAgeMs);
    f.map.grab();
    EXPECT_EQ(f.map.spots().size(), 1u);
    EXPECT_GT(MapLiveLayer::eventAlpha(MapLiveLayer::fadeMs / 2),
              MapLiveLayer::eventAlpha(MapLiveLayer::fadeMs - 1000));
    f.map.setNow(t0 + MapLiveLayer::fadeMs);
    f.map.grab();
    EXPECT_TRUE(f.map.spots().empty());
    QSignalSpy clicks(&f.map, &ActivityMap::placeClicked);
    QTest::mouseClick(&f.map, Qt::LeftButton, Qt::NoModifier, f.pixel(londonLon, londonLat));
    EXPECT_EQ(clicks.count(), 0);
}

TEST(ActivityMap, TheEmptyStateAndTheUnknownCountShowInTheirPlaces)
{
    Fixture f;
    const QImage empty = f.map.grab().toImage();
    f.map.setMarkers({event(139.6917, 35.6895, t0 - settledAgeMs, QStringLiteral("signup"))}, t0);
    const QImage located = f.map.grab().toImage();
    const QRect middle(mapSize.width() / 2 - 60, mapSize.height() / 2 - 10, 120, 20);
    EXPECT_GT(differingPixels(empty, located, middle), 50); // "No located activity yet" went away

    const QRect bottomRight(mapSize.width() - 120, mapSize.height() - 40, 120, 40);
    f.map.setUnknownCount(12);
    EXPECT_EQ(f.map.unknownCount(), 12u);
    const QImage unknown = f.map.grab().toImage();
    EXPECT_GT(differingPixels(located, unknown, bottomRight), 50);
    f.map.setUnknownCount(0);
    EXPECT_EQ(differingPixels(located, f.map.grab().toImage(), bottomRight), 0);
}
