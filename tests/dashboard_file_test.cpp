#include "models/DashboardFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

// The metrics page's dashboard file (docs/metrics.md): what it reads, what it writes back, and the
// precise words for what is wrong with it.

using namespace vantage;

namespace {

Dashboard prometheusDashboard()
{
    Dashboard dashboard;
    dashboard.range = QStringLiteral("24h");
    DashboardPrometheus server;
    server.url = QUrl(QStringLiteral("https://prometheus.example:9090/prom"));
    server.refreshSeconds = 30;
    server.timeoutSeconds = 5;
    server.basicUser = QStringLiteral("ops");
    server.passwordFile = QStringLiteral("/etc/vantage/prometheus-password");
    dashboard.prometheus = server;
    DashboardPanel clients;
    clients.title = QStringLiteral("Relay clients");
    clients.source = DashboardPanel::Source::Prometheus;
    clients.query = QStringLiteral("sum by (transport) (vantage_relay_clients)");
    clients.legend = QStringLiteral("{{transport}}");
    clients.style = DashboardPanel::Style::Area;
    clients.warning = 500;
    DashboardPanel errors;
    errors.title = QStringLiteral("Error rate");
    errors.series = {QStringLiteral("error_rate")};
    errors.unit = QStringLiteral("%");
    errors.critical = 2;
    DashboardPanel up;
    up.kind = DashboardPanel::Kind::Stat;
    up.title = QStringLiteral("Targets up");
    up.source = DashboardPanel::Source::Prometheus;
    up.query = QStringLiteral("sum(up)");
    up.warning = 1;
    dashboard.panels = {clients, errors, up};
    return dashboard;
}

QString errorOf(const char *json)
{
    const DashboardRead read = readDashboard(json);
    EXPECT_FALSE(read.dashboard) << json;
    return read.error;
}

} // namespace

TEST(DashboardFile, RoundTripsEveryField)
{
    for (const Dashboard &dashboard : {prometheusDashboard(), defaultDashboard()}) {
        const DashboardRead read = readDashboard(writeDashboard(dashboard));
        ASSERT_TRUE(read.dashboard) << read.error.toStdString();
        EXPECT_EQ(*read.dashboard, dashboard);
    }
    Dashboard bearer = prometheusDashboard();
    bearer.prometheus->basicUser.clear();
    bearer.prometheus->passwordFile.clear();
    bearer.prometheus->tokenFile = QStringLiteral("/run/secrets/prometheus-token");
    EXPECT_EQ(*readDashboard(writeDashboard(bearer)).dashboard, bearer);
    for (Dashboard fromKeychain : {prometheusDashboard(), bearer}) {
        fromKeychain.prometheus->passwordFile.clear();
        fromKeychain.prometheus->tokenFile.clear();
        fromKeychain.prometheus->keychainEntry = QStringLiteral("prometheus.ops");
        const QByteArray written = writeDashboard(fromKeychain);
        EXPECT_TRUE(written.contains("\"keychain\": \"prometheus.ops\"")) << written.toStdString();
        EXPECT_EQ(*readDashboard(written).dashboard, fromKeychain);
    }
}

TEST(DashboardFile, TheDefaultsAreTheStreamsOwnSeries)
{
    const Dashboard dashboard = defaultDashboard();
    EXPECT_FALSE(dashboard.prometheus);
    ASSERT_EQ(dashboard.panels.size(), 4u);
    for (const DashboardPanel &panel : dashboard.panels)
        EXPECT_EQ(panel.source, DashboardPanel::Source::Stream);
    EXPECT_EQ(dashboard.panels[2].series,
              (QStringList{QStringLiteral("p50_response_ms"), QStringLiteral("p95_response_ms")}));
    EXPECT_EQ(dashboard.panels[3].series, QStringList{QStringLiteral("active_connections")});
    EXPECT_EQ(dashboard.panels[2].style, DashboardPanel::Style::Area);
}

TEST(DashboardFile, ErrorsNameThePanelAndTheField)
{
    EXPECT_EQ(errorOf(R"({"panels":[{"title":"Load","source":"influx"}]})"),
              QStringLiteral(
                  "panel 1 (\"Load\"): \"source\" must be \"stream\" or \"prometheus\", not \"influx\""));
    EXPECT_EQ(
        errorOf(
            R"({"panels":[{"title":"A","source":"stream","series":["x"]},{"source":"stream","series":["y"]}]})"),
        QStringLiteral("panel 2: \"title\" is missing"));
    EXPECT_EQ(errorOf(R"({"panels":[{"title":"P","source":"prometheus","query":"up"}]})"),
              QStringLiteral("panel 1 (\"P\"): asks Prometheus, but the file has no \"prometheus\" server"));
    EXPECT_EQ(
        errorOf(
            R"({"panels":[{"title":"T","source":"stream","series":["x"],"thresholds":{"warning":"high"}}]})"),
        QStringLiteral("panel 1 (\"T\"): \"warning\" must be a number"));
    EXPECT_EQ(errorOf(R"({"panels":[{"title":"T","source":"stream","series":[]}]})"),
              QStringLiteral("panel 1 (\"T\"): \"series\" must be a list of 1 to 8 gauge names"));
    EXPECT_EQ(
        errorOf(R"({"panels":[{"title":"T","source":"stream","series":["x"],"colour":"red"}]})"),
        QStringLiteral("panel 1 (\"T\"): unknown field \"colour\" (expected one of: title, source, series, "
                       "query, legend, unit, style, thresholds, kind)"));
    EXPECT_EQ(errorOf(R"({"panels":[{"title":"T","kind":"gauge","source":"stream","series":["x"]}]})"),
              QStringLiteral("panel 1 (\"T\"): \"kind\" must be \"chart\" or \"stat\", not \"gauge\""));
    EXPECT_EQ(errorOf(R"({"panels":[{"title":"T","source":"stream","series":["x"],"style":"bars"}]})"),
              QStringLiteral("panel 1 (\"T\"): \"style\" must be \"line\" or \"area\", not \"bars\""));
    EXPECT_EQ(errorOf(R"({"range":"2h","panels":[{"title":"T","source":"stream","series":["x"]}]})"),
              QStringLiteral("\"range\" must be one of 5m, 1h, 24h, 7d, not \"2h\""));
    EXPECT_EQ(errorOf(R"({"panels":[]})"), QStringLiteral("\"panels\" must be a list of 1 to 24 panels"));
    EXPECT_EQ(
        errorOf(
            R"({"prometheus":{"url":"ftp://x"},"panels":[{"title":"T","source":"stream","series":["x"]}]})"),
        QStringLiteral(
            "\"prometheus\": \"url\" must be an http:// or https:// URL with a host, not \"ftp://x\""));
    EXPECT_EQ(
        errorOf(
            R"({"prometheus":{"url":"http://127.0.0.1:9090","refresh_s":0},"panels":[{"title":"T","source":"stream","series":["x"]}]})"),
        QStringLiteral("\"prometheus\": \"refresh_s\" must be a whole number of seconds from 1 to 3600"));
    EXPECT_TRUE(errorOf("{\"panels\": [").startsWith(QLatin1String("not JSON: ")));
    EXPECT_EQ(errorOf("[1]"), QStringLiteral("the top level must be an object with \"panels\""));
}

TEST(DashboardFile, CredentialsAreNamedByFileNeverWrittenIn)
{
    const QString error = errorOf(
        R"({"prometheus":{"url":"https://p.example","auth":{"type":"bearer","token":"abc123"}},"panels":[{"title":"T","source":"stream","series":["x"]}]})");
    EXPECT_TRUE(error.contains(QLatin1String("credentials are not kept in a dashboard file")))
        << error.toStdString();
    EXPECT_FALSE(error.contains(QLatin1String("abc123")));
    EXPECT_EQ(
        errorOf(
            R"({"prometheus":{"url":"https://p.example","auth":{"type":"digest"}},"panels":[{"title":"T","source":"stream","series":["x"]}]})"),
        QStringLiteral("\"prometheus\".\"auth\": \"type\" must be \"bearer\" or \"basic\", not \"digest\""));
    EXPECT_FALSE(writeDashboard(prometheusDashboard()).contains("\"password\""));
    EXPECT_EQ(
        errorOf(
            R"({"prometheus":{"url":"https://p.example","auth":{"type":"bearer","token_file":"/t","keychain":"prom"}},"panels":[{"title":"T","source":"stream","series":["x"]}]})"),
        QStringLiteral("\"prometheus\".\"auth\": name where the credential is kept with either "
                       "\"token_file\" or \"keychain\""));
    EXPECT_EQ(
        errorOf(
            R"({"prometheus":{"url":"https://p.example","auth":{"type":"basic","user":"ops"}},"panels":[{"title":"T","source":"stream","series":["x"]}]})"),
        QStringLiteral("\"prometheus\".\"auth\": name where the credential is kept with either "
                       "\"password_file\" or \"keychain\""));
    EXPECT_EQ(
        errorOf(
            R"({"prometheus":{"url":"https://p.example","auth":{"type":"bearer","keychain":""}},"panels":[{"title":"T","source":"stream","series":["x"]}]})"),
        QStringLiteral("\"prometheus\".\"auth\": \"keychain\" must not be empty"));
}

TEST(DashboardFile, PresetRangesHaveTheirLengths)
{
    EXPECT_EQ(dashboardRangeMs(QStringLiteral("5m")), 300'000);
    EXPECT_EQ(dashboardRangeMs(QStringLiteral("7d")), 604'800'000);
    EXPECT_EQ(dashboardRangeMs(QStringLiteral("2h")), 0);
    for (const QString &name : kDashboardRanges)
        EXPECT_GT(dashboardRangeMs(name), 0) << name.toStdString();
}

TEST(DashboardFile, TheExampleInTheDocsIsValid)
{
    // docs/ beside this test's source folder; the compiler gives __FILE__ as an absolute path.
    QFile file(QFileInfo(QString::fromUtf8(__FILE__))
                   .absoluteDir()
                   .filePath(QStringLiteral("../docs/dashboards/relay-prometheus.json")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
    const DashboardRead read = readDashboard(file.readAll());
    ASSERT_TRUE(read.dashboard) << read.error.toStdString();
    ASSERT_TRUE(read.dashboard->prometheus);
    EXPECT_EQ(read.dashboard->panels.size(), 7u);
}
