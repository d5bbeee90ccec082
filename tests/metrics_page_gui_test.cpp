#include "models/DashboardModels.h"
#include "relay/RelayServer.h"
#include "support/PrometheusProcess.h"
#include "support/RelayWithPrometheus.h"
#include "support/RelayWsClient.h"
#include "ui/ChartPanel.h"
#include "ui/MetricsPage.h"
#include "ui/StatPanel.h"
#include "widgets/MetricCard.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QHostAddress>
#include <QImage>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

// The metrics page offscreen, its Prometheus panels asking a real Prometheus server that scrapes
// a real relay on 127.0.0.1, beside a panel of the stream's own series.

using namespace vantage;
using vantage::test::PrometheusProcess;

namespace {

constexpr int kWaitMs = 30'000;

DashboardPanel prometheusPanel(const QString &title, const QString &query, const QString &legend = {})
{
    DashboardPanel panel;
    panel.title = title;
    panel.source = DashboardPanel::Source::Prometheus;
    panel.query = query;
    panel.legend = legend;
    return panel;
}

Dashboard testDashboard()
{
    Dashboard dashboard;
    dashboard.range = QStringLiteral("5m");
    dashboard.prometheus = DashboardPrometheus{};
    // The page asks again every second until Prometheus has scraped the relay.
    dashboard.prometheus->refreshSeconds = 1;
    DashboardPanel stream;
    stream.title = QStringLiteral("Requests");
    stream.series = {QStringLiteral("requests_per_second")};
    stream.unit = QStringLiteral("/s");
    dashboard.panels = {prometheusPanel(QStringLiteral("Relay clients"),
                                        QStringLiteral("vantage_relay_clients"),
                                        QStringLiteral("{{transport}}")),
                        prometheusPanel(QStringLiteral("Broken"),
                                        QStringLiteral("sum(rate(vantage_relay_messages_sent_total[1m])")),
                        stream};
    DashboardPanel up = prometheusPanel(QStringLiteral("Relay up"), QStringLiteral("up{job=\"relay\"}"));
    up.kind = DashboardPanel::Kind::Stat;
    up.critical = 0.5;
    DashboardPanel badStat = prometheusPanel(QStringLiteral("Broken stat"), QStringLiteral("up{"));
    badStat.kind = DashboardPanel::Kind::Stat;
    DashboardPanel now = stream;
    now.kind = DashboardPanel::Kind::Stat;
    now.title = QStringLiteral("Requests now");
    dashboard.panels.insert(dashboard.panels.begin(), {up, badStat, now});
    return dashboard;
}

FeedBatch metricsBatch(qint64 nowMs)
{
    FeedBatch batch;
    for (int s = 120; s >= 0; --s) {
        Message message;
        message.kind = MessageKind::Metrics;
        message.seq = 121 - s;
        message.tsMs = nowMs - s * 1000;
        message.body =
            MetricsSample{{NamedValue{QStringLiteral("requests_per_second"), s == 60 ? 5000.0 : 400.0}}};
        batch.messages.push_back(message);
    }
    return batch;
}

class MetricsPageGui : public vantage::test::RelayWithPrometheusSuite
{
protected:
    void SetUp() override { ASSERT_NE(s_prometheus, nullptr); }

    void show(const std::optional<PrometheusServer> &server)
    {
        page.resize(1400, 900);
        page.setDashboard(testDashboard(), server);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        ASSERT_EQ(page.panels().size(), 3u);
        ASSERT_EQ(page.stats().size(), 3u);
    }

    static PrometheusServer server()
    {
        PrometheusServer server;
        server.url = s_prometheus->url();
        return server;
    }

    DashboardModels models{nullptr, [] { return QDateTime::currentMSecsSinceEpoch(); }, 1000};
    MetricsPage page{&models, 900};
};

} // namespace

TEST_F(MetricsPageGui, PrometheusPanelsDrawTheirSeriesAndABadQueryShowsOnItsOwnPanel)
{
    vantage::test::RelayWsClient viewer(
        QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(s_relay->port())));
    ASSERT_TRUE(viewer.waitForMessages(2));
    show(server());
    ChartPanel *clients = page.panels()[0];
    ChartPanel *broken = page.panels()[1];
    ChartPanel *stream = page.panels()[2];

    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const auto &lines = clients->lines();
            return lines.size() == 2 && !lines[0].points.isEmpty() && clients->errorText().isEmpty();
        },
        kWaitMs))
        << clients->errorText().toStdString();
    QStringList names;
    for (const ChartLine &line : clients->lines())
        names.append(line.name);
    names.sort();
    EXPECT_EQ(names, (QStringList{QStringLiteral("sse"), QStringLiteral("websocket")}));
    // Handed to the chart: one line per series, decimated to the plot's width.
    const auto [from, to] = page.range();
    for (const ChartLine &line : clients->lines()) {
        EXPECT_LE(line.points.size(), 2 * clients->plotWidth() + 2);
        EXPECT_GE(line.points.back().x(), double(from));
    }
    EXPECT_GE(clients->view()->chart()->series().size(), 2);

    ASSERT_TRUE(QTest::qWaitFor([&] { return !broken->errorText().isEmpty(); }, kWaitMs));
    EXPECT_TRUE(broken->errorText().startsWith(QLatin1String("Bad query: ")))
        << broken->errorText().toStdString();
    EXPECT_TRUE(broken->errorText().contains(QLatin1String("parse error")));
    EXPECT_TRUE(clients->errorText().isEmpty());

    // The stream's own panel carries on beside them, first empty, then with its samples.
    EXPECT_TRUE(stream->errorText().contains(QLatin1String("No samples of requests_per_second")))
        << stream->errorText().toStdString();
    models.applyBatch(metricsBatch(QDateTime::currentMSecsSinceEpoch()));
    page.refreshCharts();
    ASSERT_EQ(stream->lines().size(), 1u);
    EXPECT_EQ(stream->errorText(), QString());
    const QList<QPointF> &points = stream->lines()[0].points;
    EXPECT_TRUE(std::any_of(points.begin(), points.end(), [](const QPointF &p) { return p.y() == 5000.0; }));
    EXPECT_NE(stream->crosshairText(qint64(points.back().x())).indexOf(QLatin1String("requests_per_second 400/s")),
              -1)
        << stream->crosshairText(qint64(points.back().x())).toStdString();
}

TEST_F(MetricsPageGui, AnUnreachableServerIsReportedOnEachPanelAndTheStreamPanelCarriesOn)
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress(QHostAddress::LocalHost), 0));
        closedPort = probe.serverPort();
    }
    PrometheusServer nowhere;
    nowhere.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
    models.applyBatch(metricsBatch(QDateTime::currentMSecsSinceEpoch()));
    show(nowhere);
    for (int i : {0, 1}) {
        ChartPanel *panel = page.panels()[size_t(i)];
        ASSERT_TRUE(QTest::qWaitFor([&] { return !panel->errorText().isEmpty(); }, kWaitMs));
        EXPECT_TRUE(panel->errorText().startsWith(QLatin1String("Prometheus unreachable: ")))
            << panel->errorText().toStdString();
    }
    EXPECT_EQ(page.panels()[2]->errorText(), QString());
    EXPECT_EQ(page.panels()[2]->lines().size(), 1u);
}

TEST_F(MetricsPageGui, ADragZoomsEveryPanelAndEscapeResets)
{
    models.applyBatch(metricsBatch(QDateTime::currentMSecsSinceEpoch()));
    show(server());
    ChartPanel *stream = page.panels()[2];
    QChartView *view = stream->view();
    EXPECT_FALSE(page.zoomed());
    const QRectF plot = view->chart()->plotArea();
    const QPoint start(int(plot.left() + plot.width() * 0.5), int(plot.center().y()));
    const QPoint end(int(plot.left() + plot.width() * 0.75), int(plot.center().y()));
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(view->viewport(), end);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, end);
    ASSERT_TRUE(page.zoomed());
    const auto [from, to] = page.range();
    EXPECT_NEAR(double(to - from), 75'000.0, 5'000.0); // a quarter of five minutes
    for (const QPointF &point : stream->lines()[0].points)
        EXPECT_TRUE(point.x() >= double(from) - 2000 && point.x() <= double(to) + 2000) << point.x();
    QTest::keyClick(view, Qt::Key_Escape);
    EXPECT_FALSE(page.zoomed());
    const auto [presetFrom, presetTo] = page.range();
    EXPECT_EQ(presetTo - presetFrom, 300'000);
}

TEST_F(MetricsPageGui, APanelExportsItselfAsPngAndItsDataAsCsv)
{
    models.applyBatch(metricsBatch(QDateTime::currentMSecsSinceEpoch()));
    show(server());
    ChartPanel *stream = page.panels()[2];
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("requests.png"));
    ASSERT_TRUE(stream->exportPng(png));
    const QImage image(png);
    EXPECT_EQ(image.size(), stream->widget()->size() * stream->widget()->devicePixelRatioF());
    const QString csvPath = dir.filePath(QStringLiteral("requests.csv"));
    QString error;
    ASSERT_TRUE(stream->exportCsv(csvPath, &error)) << error.toStdString();
    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = csv.readAll().split('\n');
    EXPECT_EQ(rows.first(), QByteArrayLiteral("time,series,value\r"));
    EXPECT_EQ(rows.size() - 2, stream->lines()[0].points.size()); // the header, and the empty end
    EXPECT_TRUE(rows.at(1).contains(",requests_per_second,400"));
    EXPECT_FALSE(stream->exportCsv(dir.filePath(QStringLiteral("missing/dir/x.csv")), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST_F(MetricsPageGui, AWallShowsThePresetRangeWithNothingToPress)
{
    models.applyBatch(metricsBatch(QDateTime::currentMSecsSinceEpoch()));
    show(server());
    page.setFixedRange(page.range().first, page.range().first + 60'000);
    page.setReadOnly(true);
    EXPECT_FALSE(page.zoomed());
    EXPECT_FALSE(page.findChild<QWidget *>(QStringLiteral("range.1h"))->isVisible());
    for (ChartPanel *panel : page.panels()) {
        EXPECT_FALSE(panel->widget()->findChild<QWidget *>(QStringLiteral("chart.menu"))->isVisible());
        EXPECT_FALSE(panel->view()->isEnabled());
    }
    QChartView *view = page.panels()[2]->view();
    const QRectF plot = view->chart()->plotArea();
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, plot.center().toPoint());
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                        plot.center().toPoint() + QPoint(100, 0));
    EXPECT_FALSE(page.zoomed());
    page.setReadOnly(false);
    EXPECT_TRUE(page.findChild<QWidget *>(QStringLiteral("range.1h"))->isVisible());
}

TEST_F(MetricsPageGui, StatCardsShowOneValueAtTheRangesEndAndTheirOwnErrors)
{
    show(server());
    StatPanel *up = page.stats()[0];
    StatPanel *broken = page.stats()[1];
    StatPanel *requests = page.stats()[2];
    ASSERT_TRUE(QTest::qWaitFor([&] { return up->card()->value() == 1.0; }, kWaitMs))
        << up->errorText().toStdString();
    EXPECT_EQ(up->errorText(), QString());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !broken->errorText().isEmpty(); }, kWaitMs));
    EXPECT_TRUE(broken->errorText().startsWith(QLatin1String("Bad query: ")))
        << broken->errorText().toStdString();
    EXPECT_TRUE(requests->errorText().contains(QLatin1String("No samples of requests_per_second")));

    models.applyBatch(metricsBatch(QDateTime::currentMSecsSinceEpoch()));
    page.refreshCharts();
    EXPECT_EQ(requests->card()->value(), 400.0);
    EXPECT_EQ(requests->card()->valueText(), QStringLiteral("400\u2009/s"));
    EXPECT_EQ(requests->errorText(), QString());
}
