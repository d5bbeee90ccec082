#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <vector>

namespace vantage {

// A panel of the metrics page, as a dashboard file lists it (docs/metrics.md): a chart over the
// page's range, or a stat card with one value at the range's end.
struct DashboardPanel
{
    enum class Kind { Chart, Stat };
    enum class Source { Stream, Prometheus };
    enum class Style { Line, Area };

    Kind kind = Kind::Chart;
    QString title;
    Source source = Source::Stream;
    QStringList series; // Stream: the gauge names, one line or area each (a stat: the first)
    QString query;      // Prometheus: PromQL, one line or area per series it returns (a stat: the first)
    QString legend;     // Prometheus: the name of each series, "{{label}}" filled from its labels
    QString unit;       // shown after values: "ms", "%", "/s", ...
    Style style = Style::Line;
    std::optional<double> warning; // thresholds drawn across the chart
    std::optional<double> critical;

    friend bool operator==(const DashboardPanel &, const DashboardPanel &) = default;
};

// The Prometheus server a dashboard's panels ask. Credentials are never in the file itself:
// it names the file or the OS keychain entry that holds them, as --token-file and
// --token-keychain do for the stream.
struct DashboardPrometheus
{
    QUrl url;
    int refreshSeconds = 15;
    int timeoutSeconds = 10;
    QString tokenFile; // bearer token
    QString basicUser; // basic auth, with the password in passwordFile or keychainEntry
    QString passwordFile;
    QString keychainEntry; // the bearer token or the basic password, from the OS keychain

    friend bool operator==(const DashboardPrometheus &, const DashboardPrometheus &) = default;
};

struct Dashboard
{
    QString range = QStringLiteral("1h"); // the page's range when it opens: 5m, 1h, 24h or 7d
    std::optional<DashboardPrometheus> prometheus;
    std::vector<DashboardPanel> panels;

    friend bool operator==(const Dashboard &, const Dashboard &) = default;
};

// A dashboard read from JSON, or the first thing wrong with it, naming the panel and the field:
// panel 2 ("Error rate"): "source" must be "stream" or "prometheus", not "influx".
struct DashboardRead
{
    std::optional<Dashboard> dashboard;
    QString error;
};

DashboardRead readDashboard(QByteArrayView json);
QByteArray writeDashboard(const Dashboard &dashboard);

// What Vantage shows without a file: the live stream's own series.
Dashboard defaultDashboard();

// The preset ranges, in the order the page offers them.
inline const QStringList kDashboardRanges{QStringLiteral("5m"), QStringLiteral("1h"), QStringLiteral("24h"),
                                          QStringLiteral("7d")};
// A preset range's length; 0 for a name that is not one.
qint64 dashboardRangeMs(const QString &name);

} // namespace vantage
