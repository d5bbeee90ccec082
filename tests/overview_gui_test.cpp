#include "feed/FeedBatch.h"
#include "models/ActivityFeedModel.h"
#include "models/AlertModel.h"
#include "models/DashboardModels.h"
#include "models/FeedFilterProxy.h"
#include "models/MetricSeriesStore.h"
#include "ui/AlertPanel.h"
#include "ui/FeedPanel.h"
#include "ui/MainWindow.h"
#include "support/OverviewFixture.h"
#include "support/TestClock.h"
#include "widgets/ConnectionBadge.h"
#include "widgets/CounterTile.h"
#include "widgets/MetricCard.h"
#include "widgets/Pill.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace vantage;

namespace {

qint64 nowMs()
{
    return systemNowMs();
}

Message eventMessage(qint64 seq, qint64 ts, const QString &type, const QString &user, const QString &description,
                     double value = qQNaN(), const QString &role = {})
{
    LiveEvent e;
    e.id = QStringLiteral("evt-%1").arg(seq);
    e.type = type;
    e.userId = QStringLiteral("u-%1").arg(seq);
    e.userName = user;
    e.role = role;
    e.description = description;
    e.value = value;
    if (!qIsNaN(value))
        e.currency = QStringLiteral("GBP");
    Message m;
    m.kind = MessageKind::Event;
    m.seq = seq;
    m.tsMs = ts;
    m.wireType = QStringLiteral("event");
    m.body = e;
    return m;
}

Message metricsMessage(qint64 seq, qint64 ts, double avgResponse, double errorRate)
{
    MetricsSample sample;
    sample.gauges = {{QStringLiteral("requests_per_second"), 840.0},
                     {QStringLiteral("avg_response_ms"), avgResponse},
                     {QStringLiteral("p95_response_ms"), 2'300.0},
                     {QStringLiteral("error_rate"), errorRate},
                     {QStringLiteral("queue_depth"), 12.0}};
    Message m;
    m.kind = MessageKind::Metrics;
    m.seq = seq;
    m.tsMs = ts;
    m.wireType = QStringLiteral("metrics");
    m.body = sample;
    return m;
}

Message activeUsersMessage(qint64 seq, qint64 ts, double current)
{
    ActiveUsersUpdate update;
    update.current = current;
    update.byRole = {{QStringLiteral("supplier"), 100.0}, {QStringLiteral("couple"), current - 100.0}};
    Message m;
    m.kind = MessageKind::ActiveUsers;
    m.seq = seq;
    m.tsMs = ts;
    m.wireType = QStringLiteral("active_users");
    m.body = update;
    return m;
}

Message alertMessage(qint64 seq, qint64 ts, const QString &id, Severity severity, const QString &text, int affected)
{
    AlertInfo alert;
    alert.id = id;
    alert.severity = severity;
    alert.message = text;
    alert.affectedUsers = affected;
    Message m;
    m.kind = MessageKind::Alert;
    m.seq = seq;
    m.tsMs = ts;
    m.wireType = QStringLiteral("alert");
    m.body = alert;
    return m;
}

// A realistic minute of traffic: signups, payments totalling 1,250, forms, invitations,
// an unknown event type, two metrics samples, active users and two alerts.
FeedBatch sampleBatch(qint64 now)
{
    FeedBatch batch;
    qint64 seq = 1;
    qint64 ts = now - 60'000;
    const auto next = [&] { ts += 1'000; return seq++; };
    batch.messages.push_back(metricsMessage(next(), ts, 240.0, 0.4));
    batch.messages.push_back(eventMessage(next(), ts, QStringLiteral("signup"), QStringLiteral("Amelia Hart"),
                                          QStringLiteral("New supplier signed up"), qQNaN(), QStringLiteral("supplier")));
    batch.messages.push_back(eventMessage(next(), ts, QStringLiteral("signup"), QStringLiteral("Oliver & Grace"),
                                          QStringLiteral("New couple signed up"), qQNaN(), QStringLiteral("couple")));
    batch.messages.push_back(eventMessage(next(), ts, QStringLiteral("payment"), QStringLiteral("Bloom Florists"),
                                          QStringLiteral("Premium plan, annual"), 1'000.0));
    batch.messages.push_back(eventMessage(next(), ts, QStringLiteral("payment"), QStringLiteral("Lakeside Barn"),
                                          QStringLiteral("Featured listing"), 250.0));
    batch.messages.push_back(eventMessage(next(), ts, QStringLiteral("form_submission"), QStringLiteral("Sophie Turner"),
                                          QStringLiteral("Submitted the venue questionnaire")));
    batch.messages.push_back(eventMessage(next(), ts, QStringLiteral("invitation"), QStringLiteral("James Wu"),
                                          QStringLiteral("Invited 3 guests")));
    batch.messages.push_back(eventMessage(next(), ts, QStringLiteral("review_posted"), QStringLiteral("Nina Patel"),
                                          QStringLiteral("Left a 5-star review")));
    batch.messages.push_back(activeUsersMessage(next(), ts, 342.0));
    batch.messages.push_back(alertMessage(next(), ts, QStringLiteral("a-1"), Severity::Critical,
                                          QStringLiteral("Payment provider timeouts above 5%"), 120));
    batch.messages.push_back(alertMessage(next(), ts, QStringLiteral("a-2"), Severity::Warning,
                                          QStringLiteral("Email queue is backing up"), 0));
    batch.messages.push_back(metricsMessage(next(), ts, 800.0, 0.6));
    batch.stats.framesReceived = quint64(seq - 1);
    batch.stats.messagesDecoded = quint64(seq - 1);
    batch.stats.decodeErrors = 2;
    batch.stats.errorsByReason = {{QStringLiteral("invalid_json"), 2}};
    batch.lastFrameMs = now;
    batch.flushedAtMs = now;
    return batch;
}

// An hour of varied traffic for the layout checks and the screenshots: events spread over
// the minutes (so the sparklines have a shape), a metrics sample a minute, several alerts.
FeedBatch realisticBatch(qint64 now)
{
    static const QString names[] = {QStringLiteral("Amelia Hart"), QStringLiteral("Bloom Florists"),
                                    QStringLiteral("Oliver & Grace"), QStringLiteral("Lakeside Barn"),
                                    QStringLiteral("Sophie Turner"), QStringLiteral("James Wu"),
                                    QStringLiteral("Harbour View Hotel"), QStringLiteral("Priya & Sam")};
    static const QString types[] = {QStringLiteral("signup"), QStringLiteral("payment"),
                                    QStringLiteral("form_submission"), QStringLiteral("invitation")};
    static const QString descriptions[] = {QStringLiteral("New supplier signed up"),
                                           QStringLiteral("Premium plan, annual"),
                                           QStringLiteral("Submitted the venue questionnaire"),
                                           QStringLiteral("Invited 12 guests to the RSVP form")};
    FeedBatch batch;
    qint64 seq = 1;
    for (int minute = 60; minute >= 0; --minute) {
        const qint64 ts = now - minute * 60'000;
        const double wave = 1.0 + 0.5 * std::sin(minute / 6.0);
        MetricsSample sample;
        sample.gauges = {{QStringLiteral("requests_per_second"), 700.0 + 180.0 * wave},
                         {QStringLiteral("avg_response_ms"), 180.0 + 60.0 * wave + (minute < 4 ? 500.0 : 0.0)},
                         {QStringLiteral("p95_response_ms"), 420.0 + 90.0 * wave},
                         {QStringLiteral("error_rate"), 0.2 + 0.15 * wave},
                         {QStringLiteral("queue_depth"), 20.0 + 10.0 * wave},
                         {QStringLiteral("cpu_percent"), 45.0 + 12.0 * wave}};
        Message metrics;
        metrics.kind = MessageKind::Metrics;
        metrics.seq = seq++;
        metrics.tsMs = ts;
        metrics.body = sample;
        batch.messages.push_back(metrics);
        batch.messages.push_back(activeUsersMessage(seq++, ts, 300.0 + 40.0 * wave));
        const int events = 1 + (minute * 7) % 4;
        for (int i = 0; i < events; ++i) {
            const int k = (minute * 3 + i) % 4;
            const double value = k == 1 ? 49.0 + (minute * 37 % 400) : qQNaN();
            batch.messages.push_back(eventMessage(seq, ts + i * 7'000, types[k], names[(minute + i) % 8],
                                                  descriptions[k], value,
                                                  k == 0 ? QStringLiteral("supplier") : QString()));
            ++seq;
        }
    }
    batch.messages.push_back(alertMessage(seq++, now - 240'000, QStringLiteral("a-1"), Severity::Critical,
                                          QStringLiteral("Payment provider timeouts above 5%"), 120));
    batch.messages.push_back(alertMessage(seq++, now - 600'000, QStringLiteral("a-2"), Severity::Warning,
                                          QStringLiteral("Email queue is backing up"), 0));
    batch.messages.push_back(alertMessage(seq++, now - 1'200'000, QStringLiteral("a-3"), Severity::Info,
                                          QStringLiteral("Nightly export finished late"), 0));
    batch.stats.messagesDecoded = quint64(seq - 1);
    batch.stats.framesReceived = quint64(seq - 1);
    batch.lastFrameMs = now;
    return batch;
}

// A point inside a tile's padding, right of the text and above the sparkline: bare surface.
QRgb tileSurfacePixel(CounterTile *tile)
{
    return tile->grab().toImage().pixel(tile->width() - 6, tile->height() / 2);
}

using Overview = test::OverviewFixture;

} // namespace

TEST(OverviewGui, ShowsWhatTheBatchCarried)
{
    Overview o(QSize(1280, 800));
    QSignalSpy applied(&o.models, &DashboardModels::batchApplied);
    o.models.applyBatch(sampleBatch(nowMs()));
    ASSERT_EQ(applied.count(), 1);
    QCoreApplication::processEvents();

    auto *revenue = o.window.findChild<CounterTile *>(QStringLiteral("tile.revenue"));
    ASSERT_NE(revenue, nullptr);
    EXPECT_TRUE(revenue->valueText().contains(QStringLiteral("1,250"))) << qPrintable(revenue->valueText());
    EXPECT_TRUE(revenue->valueText().startsWith(QStringLiteral("\u00a3")));

    auto *signups = o.window.findChild<CounterTile *>(QStringLiteral("tile.signups"));
    ASSERT_NE(signups, nullptr);
    EXPECT_EQ(signups->valueText(), QStringLiteral("2"));
    EXPECT_EQ(signups->subtitle(), QStringLiteral("1 supplier \u00b7 1 couple"));
    EXPECT_EQ(o.window.findChild<CounterTile *>(QStringLiteral("tile.payments"))->valueText(), QStringLiteral("2"));
    EXPECT_EQ(o.window.findChild<CounterTile *>(QStringLiteral("tile.forms"))->valueText(), QStringLiteral("1"));
    EXPECT_EQ(o.window.findChild<CounterTile *>(QStringLiteral("tile.invitations"))->valueText(), QStringLiteral("1"));
    EXPECT_EQ(o.window.findChild<CounterTile *>(QStringLiteral("tile.active_users"))->valueText(),
              QStringLiteral("342"));

    auto *avg = o.window.findChild<MetricCard *>(QStringLiteral("card.avg_response_ms"));
    ASSERT_NE(avg, nullptr);
    EXPECT_EQ(avg->level(), HealthLevel::Warning); // 800 ms is past the 500 ms warn level
    EXPECT_EQ(avg->levelText(), QStringLiteral("WARN"));
    EXPECT_TRUE(avg->valueText().startsWith(QStringLiteral("800")));
    auto *p95 = o.window.findChild<MetricCard *>(QStringLiteral("card.p95_response_ms"));
    ASSERT_NE(p95, nullptr);
    EXPECT_EQ(p95->level(), HealthLevel::Critical);
    auto *errors = o.window.findChild<MetricCard *>(QStringLiteral("card.error_rate"));
    ASSERT_NE(errors, nullptr);
    EXPECT_EQ(errors->level(), HealthLevel::Ok);
    EXPECT_EQ(errors->valueText(), QStringLiteral("0.60%"));
    // CPU has not arrived, so its card stays out of the way.
    EXPECT_FALSE(o.window.findChild<MetricCard *>(QStringLiteral("card.cpu_percent"))->isVisible());

    auto *feedView = o.window.findChild<QListView *>(QStringLiteral("feed.view"));
    ASSERT_NE(feedView, nullptr);
    EXPECT_EQ(feedView->model()->rowCount(), 7);
    EXPECT_TRUE(feedView->uniformItemSizes());
    EXPECT_EQ(feedView->model()->index(0, 0).data(ActivityFeedModel::UserNameRole).toString(),
              QStringLiteral("Nina Patel")); // newest first
    EXPECT_EQ(o.window.findChild<QLabel *>(QStringLiteral("feed.count"))->text(), QStringLiteral("7 events"));

    auto *alertView = o.window.findChild<QListView *>(QStringLiteral("alerts.view"));
    ASSERT_NE(alertView, nullptr);
    ASSERT_EQ(alertView->model()->rowCount(), 2);
    EXPECT_EQ(alertView->model()->index(0, 0).data(AlertModel::MessageRole).toString(),
              QStringLiteral("Payment provider timeouts above 5%"));
    EXPECT_TRUE(alertView->isVisible());
    EXPECT_EQ(o.window.alertPanel()->headerText(), QStringLiteral("Alerts \u00b7 2 open \u00b7 120 users affected"));
    EXPECT_EQ(o.window.alertPanel()->severityCountsText(), QStringLiteral("1 critical \u00b7 1 warning"));

    auto *errorsLabel = o.window.findChild<QLabel *>(QStringLiteral("status.errors"));
    ASSERT_NE(errorsLabel, nullptr);
    EXPECT_EQ(errorsLabel->text(), QStringLiteral("2 decode errors"));
    EXPECT_TRUE(errorsLabel->toolTip().contains(QStringLiteral("invalid_json")));
    EXPECT_TRUE(o.window.statusText().contains(QStringLiteral("12 received")));
}

// The numbers follow every batch; the per-minute sparklines within a second (drawing them again
// every frame only moves their last minute), and at once when the models are cleared or restored.
TEST(OverviewGui, TileSparklinesFollowWithinASecondAndAtOnceOnAClear)
{
    Overview o(QSize(1280, 800));
    auto *signups = o.window.findChild<CounterTile *>(QStringLiteral("tile.signups"));
    ASSERT_NE(signups, nullptr);
    const auto current = [&] { return o.models.counters()->lastHourPerMinute(Counter::Signups); };
    const auto total = [](const std::vector<double> &values) {
        return std::accumulate(values.begin(), values.end(), 0.0);
    };
    ASSERT_EQ(total(signups->history()), 0.0);

    o.models.applyBatch(sampleBatch(nowMs()));
    EXPECT_EQ(signups->valueText(), QStringLiteral("2"));
    EXPECT_EQ(total(signups->history()), 0.0);
    ASSERT_EQ(total(current()), 2.0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return signups->history() == current(); }, 5'000));

    o.models.clear();
    EXPECT_EQ(total(current()), 0.0);
    EXPECT_EQ(signups->history(), current());
}

// The cards' numbers follow every batch; their sparklines at most four times a second (a fast
// stream moves every gauge's history each frame), the last change always shown, and at once when
// the models are cleared.
TEST(OverviewGui, CardSparklinesFollowWithinAQuarterSecondAndAtOnceOnAClear)
{
    Overview o(QSize(1280, 800));
    auto *response = o.window.findChild<MetricCard *>(QStringLiteral("card.avg_response_ms"));
    ASSERT_NE(response, nullptr);
    const auto current = [&] {
        std::vector<double> values;
        if (const MetricSeries *series = o.models.series()->series(QStringLiteral("avg_response_ms"))) {
            for (qsizetype i = 0; i < series->size(); ++i)
                values.push_back(series->at(i).value);
        }
        return values;
    };

    o.models.applyBatch(sampleBatch(nowMs()));
    ASSERT_EQ(current(), (std::vector<double>{240.0, 800.0}));
    EXPECT_EQ(response->value(), 800.0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return response->history() == current(); }, 5'000));

    // Just after a sparkline was handed over, the next waits its turn; the number does not.
    FeedBatch next;
    next.messages.push_back(metricsMessage(100, nowMs(), 500.0, 0.5));
    o.models.applyBatch(next);
    EXPECT_EQ(response->value(), 500.0);
    EXPECT_EQ(response->history(), (std::vector<double>{240.0, 800.0}));
    EXPECT_TRUE(QTest::qWaitFor([&] { return response->history() == current(); }, 5'000));
    EXPECT_EQ(current().size(), 3u);

    o.models.clear();
    EXPECT_TRUE(response->history().empty());
}

TEST(OverviewGui, TypeComboAndSearchFilterTheFeed)
{
    Overview o(QSize(1280, 800));
    o.models.applyBatch(sampleBatch(nowMs()));
    FeedPanel *panel = o.window.feedPanel();
    QListView *view = panel->view();
    ASSERT_EQ(view->model()->rowCount(), 7);

    panel->typeCombo()->setCurrentIndex(panel->typeCombo()->findData(QStringLiteral("payment")));
    EXPECT_EQ(view->model()->rowCount(), 2);
    EXPECT_EQ(panel->countText(), QStringLiteral("2 of 7 events"));

    panel->typeCombo()->setCurrentIndex(panel->typeCombo()->count() - 1); // Other
    ASSERT_EQ(view->model()->rowCount(), 1);
    EXPECT_EQ(view->model()->index(0, 0).data(ActivityFeedModel::TypeRole).toString(), QStringLiteral("review_posted"));

    panel->typeCombo()->setCurrentIndex(0);
    panel->searchEdit()->setText(QStringLiteral("florists"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return view->model()->rowCount() == 1; }, 5'000));
    EXPECT_EQ(view->model()->index(0, 0).data(ActivityFeedModel::UserNameRole).toString(),
              QStringLiteral("Bloom Florists"));
    panel->searchEdit()->clear();
    EXPECT_TRUE(QTest::qWaitFor([&] { return view->model()->rowCount() == 7; }, 5'000));
}

TEST(OverviewGui, OtherFilterPicksUpNewTypes)
{
    Overview o(QSize(1280, 800));
    FeedPanel *panel = o.window.feedPanel();
    panel->typeCombo()->setCurrentIndex(panel->typeCombo()->count() - 1); // Other, before any event
    EXPECT_EQ(panel->view()->model()->rowCount(), 0);

    FeedBatch batch;
    const qint64 now = nowMs();
    batch.messages.push_back(eventMessage(1, now, QStringLiteral("signup"), QStringLiteral("A"), QStringLiteral("a")));
    batch.messages.push_back(eventMessage(2, now, QStringLiteral("vendor_verified"), QStringLiteral("B"),
                                          QStringLiteral("b")));
    batch.lastFrameMs = now;
    o.models.applyBatch(batch);
    ASSERT_EQ(panel->view()->model()->rowCount(), 1);
    EXPECT_EQ(panel->view()->model()->index(0, 0).data(ActivityFeedModel::TypeRole).toString(),
              QStringLiteral("vendor_verified"));
}

TEST(OverviewGui, ConnectionDemoThemeAndMenus)
{
    Overview o(QSize(1280, 800));
    ConnectionStatus status;
    status.state = ConnectionState::Live;
    status.transport = QStringLiteral("websocket");
    o.models.setConnectionStatus(status);
    EXPECT_EQ(o.window.connectionBadge()->text(), QStringLiteral("Live \u00b7 WebSocket"));

    auto *demo = o.window.findChild<Pill *>(QStringLiteral("pill.demo"));
    ASSERT_NE(demo, nullptr);
    EXPECT_FALSE(demo->isVisible());
    o.window.setDemoMode(true);
    EXPECT_TRUE(demo->isVisible());
    EXPECT_EQ(demo->text(), QStringLiteral("DEMO"));

    o.window.setSourceLabel(QStringLiteral("ws://127.0.0.1:9000/stream"));
    EXPECT_EQ(o.window.findChild<QLabel *>(QStringLiteral("sourceLabel"))->text(),
              QStringLiteral("ws://127.0.0.1:9000/stream"));

    EXPECT_EQ(o.window.themeMode(), Theme::Mode::Dark);
    CounterTile *signups = o.window.tile(QStringLiteral("signups"));
    ASSERT_NE(signups, nullptr);
    EXPECT_EQ(tileSurfacePixel(signups), Theme::dark().surface.rgb());
    o.window.findChild<QAction *>(QStringLiteral("action.themeLight"))->trigger();
    EXPECT_EQ(o.window.themeMode(), Theme::Mode::Light);
    EXPECT_EQ(o.window.palette().color(QPalette::Window), Theme::light().window);
    // The painted widgets follow the theme, not only the palette.
    EXPECT_EQ(tileSurfacePixel(signups), Theme::light().surface.rgb());
    // The same theme again restyles nothing (startup sets the saved one over the default).
    QSignalSpy restyled(&o.window, &MainWindow::themeChanged);
    o.window.setTheme(Theme::Mode::Light);
    EXPECT_EQ(restyled.count(), 0);
    o.window.setTheme(Theme::Mode::Dark);
    EXPECT_EQ(restyled.count(), 1);
    EXPECT_EQ(tileSurfacePixel(signups), Theme::dark().surface.rgb());

    QSignalSpy reconnect(&o.window, &MainWindow::reconnectRequested);
    o.window.findChild<QAction *>(QStringLiteral("action.reconnect"))->trigger();
    EXPECT_EQ(reconnect.count(), 1);
}

TEST(OverviewGui, FindShortcutFocusesTheFeedSearch)
{
    Overview o(QSize(1280, 800));
    QApplication::setActiveWindow(&o.window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&o.window));
    QLineEdit *search = o.window.feedPanel()->searchEdit();
    search->setText(QStringLiteral("payment"));
    o.window.feedPanel()->view()->setFocus();
    ASSERT_FALSE(search->hasFocus());
    QTest::keySequence(&o.window, QKeySequence::Find);
    EXPECT_TRUE(QTest::qWaitFor([&] { return search->hasFocus(); }, 5'000));
    EXPECT_EQ(search->selectedText(), QStringLiteral("payment")); // typing replaces the old query
}

TEST(OverviewGui, FitsAtBothWallSizes)
{
    for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
        Overview o(size);
        ConnectionStatus live;
        live.state = ConnectionState::Live;
        o.models.setConnectionStatus(live);
        o.window.setDemoMode(true);
        o.models.applyBatch(realisticBatch(nowMs()));
        QCoreApplication::processEvents();
        for (const char *name : {"tile.active_users", "tile.signups", "tile.payments", "tile.revenue", "tile.forms",
                                 "tile.invitations"}) {
            auto *tile = o.window.findChild<CounterTile *>(QLatin1String(name));
            ASSERT_NE(tile, nullptr) << name;
            EXPECT_TRUE(tile->isVisible()) << name;
            EXPECT_GE(tile->height(), tile->minimumSizeHint().height()) << name;
            EXPECT_GE(tile->width(), tile->minimumSizeHint().width()) << name;
        }
        QListView *feed = o.window.feedPanel()->view();
        EXPECT_GE(feed->viewport()->height(), 6 * feed->sizeHintForRow(0)) << "at " << size.width();

        // Artefacts for a human to judge the look; the assertions above are the test.
        const QString shots = qEnvironmentVariable("VANTAGE_UI_SHOTS");
        if (!shots.isEmpty()) {
            for (const Theme::Mode mode : {Theme::Mode::Dark, Theme::Mode::Light}) {
                o.window.setTheme(mode);
                const QString file = QDir(shots).filePath(
                    QStringLiteral("ui-%1x%2-%3.png")
                        .arg(size.width())
                        .arg(size.height())
                        .arg(mode == Theme::Mode::Dark ? QStringLiteral("dark") : QStringLiteral("light")));
                EXPECT_TRUE(o.window.grab().save(file));
            }
        }
    }
}

TEST(OverviewGui, StaleDataIsCalledOut)
{
    test::TestClock clock(systemNowMs());
    DashboardModels models(nullptr, [&clock] { return clock.now(); });
    QAbstractItemModelTester feedTester(models.feed(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester filteredTester(models.filteredFeed(),
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester alertTester(models.alerts(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    MainWindow window(&models);
    window.resize(1280, 800);
    window.show();
    ConnectionStatus live;
    live.state = ConnectionState::Live;
    models.setConnectionStatus(live);
    models.applyBatch(sampleBatch(clock.now()));
    auto *revenue = window.tile(QStringLiteral("revenue"));
    ASSERT_NE(revenue, nullptr);
    EXPECT_EQ(window.connectionBadge()->text(), QStringLiteral("Live"));
    MetricCard *avg = window.card(QStringLiteral("avg_response_ms"));
    ASSERT_NE(avg, nullptr);
    EXPECT_FALSE(revenue->isStale());
    EXPECT_TRUE(revenue->staleText().isEmpty());
    EXPECT_FALSE(avg->isStale());
    EXPECT_TRUE(avg->staleText().isEmpty());
    const QImage freshTile = revenue->grab().toImage();

    // Nothing arrives for two minutes: the one-second tick notices without a new batch, and
    // the window reads the models' clock, not the wall clock.
    clock.advance(125'000);
    EXPECT_TRUE(QTest::qWaitFor([&] { return revenue->isStale(); }, 5'000));
    EXPECT_EQ(window.connectionBadge()->text(), QStringLiteral("Live \u00b7 data 2 min old"));
    EXPECT_EQ(window.findChild<QLabel *>(QStringLiteral("clock"))->text(),
              QDateTime::fromMSecsSinceEpoch(clock.now()).toString(QStringLiteral("HH:mm:ss")));
    EXPECT_EQ(revenue->staleText(), QStringLiteral("as of 2 min ago"));
    EXPECT_TRUE(avg->isStale());
    EXPECT_EQ(avg->staleText(), QStringLiteral("as of 2 min ago"));
    EXPECT_TRUE(revenue->valueText().contains(QStringLiteral("1,250"))); // the last value stays readable
    EXPECT_NE(revenue->grab().toImage(), freshTile);

    // Another hour without data: the caption keeps counting.
    clock.advance(3'600'000);
    const QString hourOld = QStringLiteral("as of 1 h 2 min ago");
    EXPECT_TRUE(QTest::qWaitFor([&] { return revenue->staleText() == hourOld; }, 5'000))
        << qPrintable(revenue->staleText());
}

TEST(OverviewGui, RevenueFollowsThePaymentCurrencyUntilSet)
{
    Overview o(QSize(1280, 800));
    const qint64 now = nowMs();
    FeedBatch batch;
    Message payment = eventMessage(1, now, QStringLiteral("payment"), QStringLiteral("A"), QStringLiteral("a"), 1'500.0);
    std::get<LiveEvent>(payment.body).currency = QStringLiteral("USD");
    batch.messages.push_back(payment);
    batch.lastFrameMs = now;
    o.models.applyBatch(batch);
    CounterTile *revenue = o.window.tile(QStringLiteral("revenue"));
    ASSERT_NE(revenue, nullptr);
    EXPECT_EQ(revenue->valueText(), QStringLiteral("$1,500"));

    o.window.setRevenueCurrency(QStringLiteral("EUR"));
    batch.messages.front().seq = 2;
    std::get<LiveEvent>(batch.messages.front().body).id = QStringLiteral("evt-2");
    o.models.applyBatch(batch);
    EXPECT_EQ(revenue->valueText(), QStringLiteral("\u20ac3,000"));
}
