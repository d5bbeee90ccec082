#include "models/AlertModel.h"
#include "models/DashboardModels.h"
#include "support/KioskOptions.h"
#include "support/TestClock.h"
#include "ui/AlertPanel.h"
#include "ui/CriticalTakeover.h"
#include "ui/KioskController.h"
#include "ui/MainWindow.h"
#include "ui/MapPanel.h"
#include "widgets/CounterTile.h"
#include "widgets/MetricCard.h"

#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

constexpr qint64 kRotateMs = 30'000;
constexpr qint64 kStaleMs = 20'000;

// A wall as app/WindowRun makes it, on a clock the test moves; the models read the same clock.
struct Wall
{
    test::TestClock clock;
    DashboardModels models{nullptr, [this] { return clock.now(); }};
    MainWindow window{&models};
    KioskController kiosk{&window, test::rotatingEvery(kRotateMs), [this] { return clock.now(); }};
    qint64 seq = 0;

    Wall()
    {
        window.setKioskMode(true);
        window.setStaleThresholdMs(kStaleMs);
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        ConnectionStatus live;
        live.state = ConnectionState::Live;
        live.transport = QStringLiteral("websocket");
        models.setConnectionStatus(live);
    }

    // Time passes on the wall: the kiosk's and the window's timers would run now.
    void advance(qint64 ms)
    {
        clock.advance(ms);
        window.refreshAlerts();
        window.tick();
        kiosk.tick();
    }

    void apply(std::vector<Message> messages)
    {
        FeedBatch batch;
        batch.messages = std::move(messages);
        batch.lastFrameMs = clock.now();
        models.applyBatch(batch);
        kiosk.tick();
    }

    Message alert(const QString &id, Severity severity)
    {
        AlertInfo info;
        info.id = id;
        info.severity = severity;
        info.message = QStringLiteral("Checkout <b>failing</b> for ") + id;
        info.affectedUsers = 1200;
        Message m;
        m.kind = MessageKind::Alert;
        m.seq = ++seq;
        m.tsMs = clock.now();
        m.wireType = QStringLiteral("alert");
        m.body = info;
        return m;
    }

    Message metrics(const QString &gauge, double value)
    {
        MetricsSample sample;
        sample.gauges = {{gauge, value}};
        Message m;
        m.kind = MessageKind::Metrics;
        m.seq = ++seq;
        m.tsMs = clock.now();
        m.wireType = QStringLiteral("metrics");
        m.body = sample;
        return m;
    }

    Message resolved(const QString &id)
    {
        Message m;
        m.kind = MessageKind::AlertResolved;
        m.seq = ++seq;
        m.tsMs = clock.now();
        m.wireType = QStringLiteral("alert_resolved");
        m.body = AlertResolvedInfo{id, QStringLiteral("fixed")};
        return m;
    }
};

} // namespace

TEST(KioskNeverLiesGui, TheStaleBannerShowsAfterTheThresholdAndGoesOnFreshData)
{
    Wall w;
    w.apply({});
    w.advance(0);
    EXPECT_TRUE(w.window.staleBannerText().isEmpty());

    w.advance(kStaleMs - 1);
    EXPECT_TRUE(w.window.staleBannerText().isEmpty()) << w.window.staleBannerText().toStdString();
    // The numbers grey out sooner than the banner, on their own threshold.
    EXPECT_TRUE(w.window.tile(QStringLiteral("signups"))->isStale());

    ConnectionStatus down;
    down.state = ConnectionState::Reconnecting;
    down.transport = QStringLiteral("websocket");
    down.reason = QStringLiteral("connection refused");
    down.retryAtMs = w.clock.now() + 4'000;
    w.models.setConnectionStatus(down);
    w.advance(1);
    const QString text = w.window.staleBannerText();
    EXPECT_TRUE(text.contains(QStringLiteral("DATA IS 20 S OLD"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Reconnecting"))) << text.toStdString();
    EXPECT_TRUE(w.window.findChild<QWidget *>(QStringLiteral("staleBanner"))->isVisible());
    EXPECT_TRUE(w.window.tile(QStringLiteral("signups"))->isStale());
    EXPECT_TRUE(w.window.card(QStringLiteral("avg_response_ms"))->isStale());

    // Fresh data: the banner goes at once, and so does the grey.
    w.apply({});
    EXPECT_TRUE(w.window.staleBannerText().isEmpty());
    EXPECT_FALSE(w.window.findChild<QWidget *>(QStringLiteral("staleBanner"))->isVisible());
    EXPECT_FALSE(w.window.tile(QStringLiteral("signups"))->isStale());
}

TEST(KioskNeverLiesGui, NoDataAtAllIsCalledOutToo)
{
    Wall w;
    w.advance(0);
    w.advance(kStaleMs - 1);
    EXPECT_TRUE(w.window.staleBannerText().isEmpty());
    w.advance(1);
    EXPECT_TRUE(w.window.staleBannerText().startsWith(QStringLiteral("NO DATA FOR 20 S")))
        << w.window.staleBannerText().toStdString();
}

TEST(KioskNeverLiesGui, ACriticalAlertTakesOverUntilAcknowledged)
{
    Wall w;
    w.advance(kRotateMs); // the map
    ASSERT_EQ(w.window.page(), MainWindow::Page::Map);

    // A warning does not take the wall over.
    w.apply({w.alert(QStringLiteral("warn-1"), Severity::Warning)});
    EXPECT_FALSE(w.window.takeoverShown());

    w.apply({w.alert(QStringLiteral("crit-1"), Severity::Critical), w.alert(QStringLiteral("crit-2"), Severity::Critical)});
    ASSERT_TRUE(w.window.takeoverShown());
    EXPECT_TRUE(w.window.takeover()->isVisible());
    EXPECT_EQ(w.window.takeover()->alertId(), QStringLiteral("crit-1")); // the oldest first
    // The server's words are shown as written, markup and all.
    EXPECT_EQ(w.window.takeover()->messageText(), QStringLiteral("Checkout <b>failing</b> for crit-1"));
    EXPECT_TRUE(w.window.takeover()->detailText().contains(QStringLiteral("1,200 users affected")))
        << w.window.takeover()->detailText().toStdString();

    // The rotation stops while it lasts, however long.
    w.advance(5 * kRotateMs);
    EXPECT_TRUE(w.window.takeoverShown());
    EXPECT_EQ(w.window.page(), MainWindow::Page::Map);
    EXPECT_TRUE(w.window.takeover()->detailText().contains(QStringLiteral("open for 2 min")))
        << w.window.takeover()->detailText().toStdString();

    // Acknowledged at a workstation (shared by the server), the next critical one shows.
    w.models.alerts()->acknowledge(QStringLiteral("crit-1"), AlertAck{QStringLiteral("anna"), {}, w.clock.now(), true});
    w.window.refreshAlerts();
    ASSERT_TRUE(w.window.takeoverShown());
    EXPECT_EQ(w.window.takeover()->alertId(), QStringLiteral("crit-2"));

    // Silenced counts as handled too; then the wall returns to its page, with a full interval.
    w.models.alerts()->silence(QStringLiteral("crit-2"), w.clock.now() + 60 * 60'000);
    w.advance(0);
    EXPECT_FALSE(w.window.takeoverShown());
    EXPECT_EQ(w.window.page(), MainWindow::Page::Map);
    EXPECT_TRUE(w.window.mapPage()->isVisible());
    w.advance(kRotateMs - 1);
    EXPECT_EQ(w.window.page(), MainWindow::Page::Map);
    w.advance(1);
    EXPECT_EQ(w.window.page(), MainWindow::Page::Alerts);
}

// The metrics page follows the data only while shown: under a takeover it does not, and when the
// wall gets it back (here with no batch to bring it up to date) it catches up at once.
TEST(KioskNeverLiesGui, TheMetricsPageCatchesUpWhenATakeoverEnds)
{
    Wall w;
    for (int step = 0; step < 3; ++step) // the map, the alerts, the metrics
        w.advance(kRotateMs);
    ASSERT_EQ(w.window.page(), MainWindow::Page::Metrics);
    w.apply({w.alert(QStringLiteral("crit-1"), Severity::Critical)});
    ASSERT_TRUE(w.window.takeoverShown());

    w.apply({w.metrics(QStringLiteral("avg_response_ms"), 640.0)});
    auto *card = w.window.findChild<MetricCard *>(QStringLiteral("metrics.avg_response_ms"));
    ASSERT_NE(card, nullptr);
    EXPECT_NE(card->value(), 640.0);

    w.models.alerts()->silence(QStringLiteral("crit-1"), w.clock.now() + 60 * 60'000);
    w.advance(0);
    ASSERT_FALSE(w.window.takeoverShown());
    ASSERT_EQ(w.window.page(), MainWindow::Page::Metrics);
    EXPECT_DOUBLE_EQ(card->value(), 640.0);
    EXPECT_EQ(card->history(), std::vector<double>{640.0});
}

TEST(KioskNeverLiesGui, AResolvedCriticalAlertGivesTheWallBack)
{
    Wall w;
    w.apply({w.alert(QStringLiteral("crit-1"), Severity::Critical)});
    ASSERT_TRUE(w.window.takeoverShown());
    w.apply({w.resolved(QStringLiteral("crit-1"))});
    EXPECT_FALSE(w.window.takeoverShown());
    EXPECT_EQ(w.window.page(), MainWindow::Page::Overview);
}

TEST(KioskNeverLiesGui, ADeskWindowIsNeverTakenOver)
{
    test::TestClock clock;
    DashboardModels models(nullptr, [&] { return clock.now(); });
    MainWindow desk(&models);
    desk.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&desk));
    Wall source;
    FeedBatch batch;
    batch.messages = {source.alert(QStringLiteral("crit-1"), Severity::Critical)};
    batch.lastFrameMs = clock.now();
    models.applyBatch(batch);
    EXPECT_EQ(models.alerts()->unhandledCriticalCount(), 1);
    EXPECT_FALSE(desk.takeoverShown());
    EXPECT_EQ(desk.page(), MainWindow::Page::Overview);
}

TEST(KioskNeverLiesGui, TheTypeScaleReachesEveryPaintedWidget)
{
    DashboardModels models;
    MainWindow desk(&models);
    MainWindow wall(&models);
    wall.setKioskMode(true);
    wall.setTypeScale(2.0);
    // Style sheets reach a widget when it is polished, at the latest as it is shown.
    for (MainWindow *window : {&desk, &wall}) {
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
    }
    EXPECT_EQ(wall.tile(QStringLiteral("signups"))->font().pixelSize(), 26);
    const int deskHeight = desk.tile(QStringLiteral("signups"))->sizeHint().height();
    const int wallHeight = wall.tile(QStringLiteral("signups"))->sizeHint().height();
    EXPECT_GE(wallHeight, deskHeight * 18 / 10) << deskHeight << " -> " << wallHeight;
    EXPECT_GE(wall.card(QStringLiteral("error_rate"))->sizeHint().height(),
              desk.card(QStringLiteral("error_rate"))->sizeHint().height() * 18 / 10);
}

// The takeover is built when the first critical alert comes, long after the wall's type scale
// was set: its type is still the wall's.
TEST(KioskNeverLiesGui, TheTakeoverBuiltOnTheFirstCriticalAlertHasTheWallsType)
{
    Wall w;
    EXPECT_EQ(w.window.takeover(), nullptr);
    w.window.setTypeScale(2.0);
    w.apply({w.alert(QStringLiteral("crit-1"), Severity::Critical)});
    ASSERT_TRUE(w.window.takeoverShown());
    auto *message = w.window.takeover()->findChild<QLabel *>(QStringLiteral("takeover.message"));
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(QTest::qWaitFor([&] { return message->font().pixelSize() == 88; }, 2'000))
        << message->font().pixelSize(); // 44 px at twice the type

    // A theme chosen later reaches it as well: the light theme's critical red is another colour.
    const QColor darkTitle = w.window.takeover()->findChild<QLabel *>(QStringLiteral("takeover.title"))
                                 ->palette()
                                 .color(QPalette::WindowText);
    w.window.setTheme(Theme::Mode::Light);
    EXPECT_NE(w.window.takeover()->findChild<QLabel *>(QStringLiteral("takeover.title"))
                  ->palette()
                  .color(QPalette::WindowText),
              darkTitle);
}

TEST(KioskNeverLiesGui, AWallOffersNoAlertActions)
{
    Wall w;
    w.apply({w.alert(QStringLiteral("warn-1"), Severity::Warning)});
    for (AlertPanel *panel : {w.window.alertPanel(), w.window.alertsPage()}) {
        QSignalSpy asked(panel, &AlertPanel::acknowledgeRequested);
        panel->view()->setCurrentIndex(w.models.alerts()->index(0));
        EXPECT_EQ(panel->selectedOpenId(), QStringLiteral("warn-1"));
        EXPECT_EQ(panel->view()->contextMenuPolicy(), Qt::NoContextMenu);
        Q_EMIT panel->view()->activated(panel->view()->currentIndex());
        EXPECT_EQ(asked.count(), 0);
    }
    // The same panel at a desk acts.
    w.window.setKioskMode(false);
    QSignalSpy asked(w.window.alertPanel(), &AlertPanel::acknowledgeRequested);
    Q_EMIT w.window.alertPanel()->view()->activated(w.window.alertPanel()->view()->currentIndex());
    EXPECT_EQ(asked.count(), 1);
}

TEST(KioskNeverLiesGui, TheMetricsPageShowsWhatArrivedWhileItWasHidden)
{
    Wall w;
    w.apply({w.metrics(QStringLiteral("avg_response_ms"), 412.0)});
    ASSERT_EQ(w.window.page(), MainWindow::Page::Overview);
    EXPECT_DOUBLE_EQ(w.window.card(QStringLiteral("avg_response_ms"))->value(), 412.0);

    w.window.showPage(MainWindow::Page::Metrics);
    auto *card = w.window.findChild<MetricCard *>(QStringLiteral("metrics.avg_response_ms"));
    ASSERT_NE(card, nullptr);
    EXPECT_DOUBLE_EQ(card->value(), 412.0);
}
