#include "models/DashboardFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vantage {

namespace {

constexpr qsizetype kMaxPanels = 24;
constexpr qsizetype kMaxSeriesPerPanel = 8;
constexpr qsizetype kMaxTitleChars = 80;
constexpr qsizetype kMaxUnitChars = 12;

// The first problem found, and where: the reader stops at it.
class Problems
{
public:
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    void setPlace(QString place) { m_place = std::move(place); }
    void fail(const QString &what)
    {
        if (!failed())
            m_error = m_place.isEmpty() ? what : m_place + QStringLiteral(": ") + what;
    }

private:
    QString m_place;
    QString m_error;
};

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

void rejectUnknown(const QJsonObject &object, const QStringList &known, Problems &problems)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            problems.fail(QStringLiteral("unknown field %1 (expected one of: %2)")
                              .arg(quoted(it.key()), known.join(QStringLiteral(", "))));
    }
}

QString readString(const QJsonObject &object, const QString &field, bool required, Problems &problems,
                   qsizetype maxChars = 4096)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined()) {
        if (required)
            problems.fail(QStringLiteral("%1 is missing").arg(quoted(field)));
        return {};
    }
    if (!value.isString()) {
        problems.fail(QStringLiteral("%1 must be a string").arg(quoted(field)));
        return {};
    }
    const QString text = value.toString();
    if (required && text.trimmed().isEmpty())
        problems.fail(QStringLiteral("%1 must not be empty").arg(quoted(field)));
    if (text.size() > maxChars)
        problems.fail(QStringLiteral("%1 is longer than %2 characters").arg(quoted(field)).arg(maxChars));
    return text;
}

std::optional<double> readNumber(const QJsonObject &object, const QString &field, Problems &problems)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isDouble()) {
        problems.fail(QStringLiteral("%1 must be a number").arg(quoted(field)));
        return std::nullopt;
    }
    return value.toDouble();
}

int readSeconds(const QJsonObject &object, const QString &field, int fallback, int max, Problems &problems)
{
    const std::optional<double> value = readNumber(object, field, problems);
    if (!value)
        return fallback;
    if (*value < 1 || *value > max || *value != double(int(*value))) {
        problems.fail(
            QStringLiteral("%1 must be a whole number of seconds from 1 to %2").arg(quoted(field)).arg(max));
        return fallback;
    }
    return int(*value);
}

DashboardPrometheus readPrometheus(const QJsonObject &json, Problems &problems)
{
    problems.setPlace(QStringLiteral("\"prometheus\""));
    for (const char *secret : {"token", "password", "bearer_token"}) {
        if (json.contains(QLatin1String(secret)) ||
            json.value(QLatin1String("auth")).toObject().contains(QLatin1String(secret)))
            problems.fail(
                QStringLiteral("credentials are not kept in a dashboard file: name the file that holds "
                               "them with \"token_file\" or \"password_file\", or the OS keychain entry "
                               "with \"keychain\""));
    }
    rejectUnknown(json,
                  {QStringLiteral("url"), QStringLiteral("refresh_s"), QStringLiteral("timeout_s"),
                   QStringLiteral("auth")},
                  problems);
    DashboardPrometheus prometheus;
    const QString url = readString(json, QStringLiteral("url"), true, problems);
    prometheus.url = QUrl(url, QUrl::StrictMode);
    const QString scheme = prometheus.url.scheme();
    if (!problems.failed() && (!prometheus.url.isValid() || prometheus.url.host().isEmpty() ||
                               (scheme != QLatin1String("http") && scheme != QLatin1String("https"))))
        problems.fail(QStringLiteral("\"url\" must be an http:// or https:// URL with a host, not %1")
                          .arg(quoted(url)));
    prometheus.refreshSeconds =
        readSeconds(json, QStringLiteral("refresh_s"), prometheus.refreshSeconds, 3600, problems);
    prometheus.timeoutSeconds =
        readSeconds(json, QStringLiteral("timeout_s"), prometheus.timeoutSeconds, 300, problems);
    const QJsonValue auth = json.value(QLatin1String("auth"));
    if (auth.isUndefined() || problems.failed())
        return prometheus;
    problems.setPlace(QStringLiteral("\"prometheus\".\"auth\""));
    if (!auth.isObject()) {
        problems.fail(QStringLiteral("must be an object"));
        return prometheus;
    }
    const QJsonObject authObject = auth.toObject();
    const QString type = readString(authObject, QStringLiteral("type"), true, problems);
    const QString keychain = QStringLiteral("keychain");
    QString fileField;
    if (type == QLatin1String("bearer")) {
        fileField = QStringLiteral("token_file");
        rejectUnknown(authObject, {QStringLiteral("type"), fileField, keychain}, problems);
    } else if (type == QLatin1String("basic")) {
        fileField = QStringLiteral("password_file");
        rejectUnknown(authObject, {QStringLiteral("type"), QStringLiteral("user"), fileField, keychain}, problems);
        prometheus.basicUser = readString(authObject, QStringLiteral("user"), true, problems);
    } else if (!problems.failed()) {
        problems.fail(QStringLiteral("\"type\" must be \"bearer\" or \"basic\", not %1").arg(quoted(type)));
    }
    if (fileField.isEmpty() || problems.failed())
        return prometheus;
    if (authObject.contains(fileField) == authObject.contains(keychain)) {
        problems.fail(QStringLiteral("name where the credential is kept with either %1 or %2")
                          .arg(quoted(fileField), quoted(keychain)));
        return prometheus;
    }
    if (authObject.contains(keychain))
        prometheus.keychainEntry = readString(authObject, keychain, true, problems, 64);
    else
        (type == QLatin1String("bearer") ? prometheus.tokenFile : prometheus.passwordFile) =
            readString(authObject, fileField, true, problems);
    return prometheus;
}

DashboardPanel readPanel(const QJsonObject &json, Problems &problems)
{
    DashboardPanel panel;
    rejectUnknown(json,
                  {QStringLiteral("title"), QStringLiteral("source"), QStringLiteral("series"),
                   QStringLiteral("query"), QStringLiteral("legend"), QStringLiteral("unit"),
                   QStringLiteral("style"), QStringLiteral("thresholds"), QStringLiteral("kind")},
                  problems);
    const QString kind = readString(json, QStringLiteral("kind"), false, problems);
    if (kind == QLatin1String("stat"))
        panel.kind = DashboardPanel::Kind::Stat;
    else if (!kind.isEmpty() && kind != QLatin1String("chart"))
        problems.fail(QStringLiteral("\"kind\" must be \"chart\" or \"stat\", not %1").arg(quoted(kind)));
    panel.title = readString(json, QStringLiteral("title"), true, problems, kMaxTitleChars);
    const QString source = readString(json, QStringLiteral("source"), true, problems);
    if (source == QLatin1String("prometheus")) {
        panel.source = DashboardPanel::Source::Prometheus;
        panel.query = readString(json, QStringLiteral("query"), true, problems);
        panel.legend = readString(json, QStringLiteral("legend"), false, problems, kMaxTitleChars);
        if (json.contains(QLatin1String("series")))
            problems.fail(
                QStringLiteral("\"series\" names the stream's gauges: a Prometheus panel has a \"query\""));
    } else if (source == QLatin1String("stream")) {
        panel.source = DashboardPanel::Source::Stream;
        const QJsonValue series = json.value(QLatin1String("series"));
        if (!series.isArray() || series.toArray().isEmpty() || series.toArray().size() > kMaxSeriesPerPanel) {
            problems.fail(
                QStringLiteral("\"series\" must be a list of 1 to %1 gauge names").arg(kMaxSeriesPerPanel));
        } else {
            for (const QJsonValue &name : series.toArray()) {
                if (!name.isString() || name.toString().trimmed().isEmpty())
                    problems.fail(QStringLiteral("\"series\" must hold gauge names (non-empty strings)"));
                panel.series.append(name.toString());
            }
        }
        if (json.contains(QLatin1String("query")))
            problems.fail(
                QStringLiteral("\"query\" is PromQL: a stream panel names its gauges in \"series\""));
    } else if (!problems.failed()) {
        problems.fail(
            QStringLiteral("\"source\" must be \"stream\" or \"prometheus\", not %1").arg(quoted(source)));
    }
    panel.unit = readString(json, QStringLiteral("unit"), false, problems, kMaxUnitChars);
    const QString style = readString(json, QStringLiteral("style"), false, problems);
    if (style == QLatin1String("area"))
        panel.style = DashboardPanel::Style::Area;
    else if (!style.isEmpty() && style != QLatin1String("line"))
        problems.fail(QStringLiteral("\"style\" must be \"line\" or \"area\", not %1").arg(quoted(style)));
    const QJsonValue thresholds = json.value(QLatin1String("thresholds"));
    if (!thresholds.isUndefined()) {
        if (!thresholds.isObject()) {
            problems.fail(
                QStringLiteral("\"thresholds\" must be an object with \"warning\" and/or \"critical\""));
        } else {
            const QJsonObject object = thresholds.toObject();
            rejectUnknown(object, {QStringLiteral("warning"), QStringLiteral("critical")}, problems);
            panel.warning = readNumber(object, QStringLiteral("warning"), problems);
            panel.critical = readNumber(object, QStringLiteral("critical"), problems);
        }
    }
    return panel;
}

QJsonObject panelJson(const DashboardPanel &panel)
{
    QJsonObject json{{QStringLiteral("title"), panel.title}};
    if (panel.kind == DashboardPanel::Kind::Stat)
        json.insert(QStringLiteral("kind"), QStringLiteral("stat"));
    if (panel.source == DashboardPanel::Source::Prometheus) {
        json.insert(QStringLiteral("source"), QStringLiteral("prometheus"));
        json.insert(QStringLiteral("query"), panel.query);
        if (!panel.legend.isEmpty())
            json.insert(QStringLiteral("legend"), panel.legend);
    } else {
        json.insert(QStringLiteral("source"), QStringLiteral("stream"));
        json.insert(QStringLiteral("series"), QJsonArray::fromStringList(panel.series));
    }
    if (!panel.unit.isEmpty())
        json.insert(QStringLiteral("unit"), panel.unit);
    json.insert(QStringLiteral("style"),
                panel.style == DashboardPanel::Style::Area ? QStringLiteral("area") : QStringLiteral("line"));
    QJsonObject thresholds;
    if (panel.warning)
        thresholds.insert(QStringLiteral("warning"), *panel.warning);
    if (panel.critical)
        thresholds.insert(QStringLiteral("critical"), *panel.critical);
    if (!thresholds.isEmpty())
        json.insert(QStringLiteral("thresholds"), thresholds);
    return json;
}

} // namespace

DashboardRead readDashboard(QByteArrayView json)
{
    DashboardRead read;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        read.error =
            QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return read;
    }
    if (!document.isObject()) {
        read.error = QStringLiteral("the top level must be an object with \"panels\"");
        return read;
    }
    const QJsonObject root = document.object();
    Problems problems;
    rejectUnknown(root,
                  {QStringLiteral("version"), QStringLiteral("range"), QStringLiteral("prometheus"),
                   QStringLiteral("panels")},
                  problems);
    if (root.contains(QLatin1String("version")) && root.value(QLatin1String("version")) != QJsonValue(1))
        problems.fail(QStringLiteral("\"version\" must be 1"));
    Dashboard dashboard;
    if (root.contains(QLatin1String("range"))) {
        dashboard.range = readString(root, QStringLiteral("range"), true, problems);
        if (!problems.failed() && !kDashboardRanges.contains(dashboard.range))
            problems.fail(QStringLiteral("\"range\" must be one of %1, not %2")
                              .arg(kDashboardRanges.join(QStringLiteral(", ")), quoted(dashboard.range)));
    }
    const QJsonValue prometheus = root.value(QLatin1String("prometheus"));
    if (!prometheus.isUndefined() && !problems.failed()) {
        if (prometheus.isObject())
            dashboard.prometheus = readPrometheus(prometheus.toObject(), problems);
        else
            problems.fail(QStringLiteral("\"prometheus\" must be an object with a \"url\""));
    }
    problems.setPlace({});
    const QJsonArray panels = root.value(QLatin1String("panels")).toArray();
    if (!problems.failed() && (panels.isEmpty() || panels.size() > kMaxPanels))
        problems.fail(QStringLiteral("\"panels\" must be a list of 1 to %1 panels").arg(kMaxPanels));
    for (qsizetype i = 0; i < panels.size() && !problems.failed(); ++i) {
        const QJsonObject object = panels.at(i).toObject();
        const QString title = object.value(QLatin1String("title")).toString();
        problems.setPlace(title.isEmpty() ? QStringLiteral("panel %1").arg(i + 1)
                                          : QStringLiteral("panel %1 (%2)").arg(i + 1).arg(quoted(title)));
        if (!panels.at(i).isObject()) {
            problems.fail(QStringLiteral("must be an object"));
            break;
        }
        dashboard.panels.push_back(readPanel(object, problems));
        if (dashboard.panels.back().source == DashboardPanel::Source::Prometheus && !dashboard.prometheus)
            problems.fail(QStringLiteral("asks Prometheus, but the file has no \"prometheus\" server"));
    }
    if (problems.failed())
        read.error = problems.error();
    else
        read.dashboard = std::move(dashboard);
    return read;
}

QByteArray writeDashboard(const Dashboard &dashboard)
{
    QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("range"), dashboard.range}};
    if (const auto &prometheus = dashboard.prometheus) {
        QJsonObject server{{QStringLiteral("url"), prometheus->url.toString()},
                           {QStringLiteral("refresh_s"), prometheus->refreshSeconds},
                           {QStringLiteral("timeout_s"), prometheus->timeoutSeconds}};
        const bool basic = !prometheus->basicUser.isEmpty();
        QJsonObject auth{{QStringLiteral("type"), basic ? QStringLiteral("basic") : QStringLiteral("bearer")}};
        if (basic)
            auth.insert(QStringLiteral("user"), prometheus->basicUser);
        if (!prometheus->keychainEntry.isEmpty())
            auth.insert(QStringLiteral("keychain"), prometheus->keychainEntry);
        else if (basic)
            auth.insert(QStringLiteral("password_file"), prometheus->passwordFile);
        else if (!prometheus->tokenFile.isEmpty())
            auth.insert(QStringLiteral("token_file"), prometheus->tokenFile);
        if (auth.size() > 1)
            server.insert(QStringLiteral("auth"), auth);
        root.insert(QStringLiteral("prometheus"), server);
    }
    QJsonArray panels;
    for (const DashboardPanel &panel : dashboard.panels)
        panels.append(panelJson(panel));
    root.insert(QStringLiteral("panels"), panels);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Dashboard defaultDashboard()
{
    const auto stream = [](const char *title, QStringList series, const char *unit,
                           DashboardPanel::Style style) {
        DashboardPanel panel;
        panel.title = QString::fromUtf8(title);
        panel.series = std::move(series);
        panel.unit = QString::fromUtf8(unit);
        panel.style = style;
        return panel;
    };
    Dashboard dashboard;
    dashboard.range = QStringLiteral("5m");
    dashboard.panels = {
        stream("Request volume", {QStringLiteral("requests_per_second")}, "/s", DashboardPanel::Style::Line),
        stream("Error rate", {QStringLiteral("error_rate")}, "%", DashboardPanel::Style::Line),
        stream("Response time", {QStringLiteral("p50_response_ms"), QStringLiteral("p95_response_ms")}, "ms",
               DashboardPanel::Style::Area),
        stream("Active connections", {QStringLiteral("active_connections")}, "", DashboardPanel::Style::Line),
    };
    // The health cards' thresholds (widgets/HealthThresholds), drawn across the charts.
    dashboard.panels[1].warning = 1.0;
    dashboard.panels[1].critical = 2.0;
    dashboard.panels[2].warning = 500.0;
    dashboard.panels[2].critical = 2000.0;
    return dashboard;
}

qint64 dashboardRangeMs(const QString &name)
{
    constexpr qint64 minute = 60'000;
    if (name == QLatin1String("5m"))
        return 5 * minute;
    if (name == QLatin1String("1h"))
        return 60 * minute;
    if (name == QLatin1String("24h"))
        return 24 * 60 * minute;
    if (name == QLatin1String("7d"))
        return 7 * 24 * 60 * minute;
    return 0;
}

} // namespace vantage
