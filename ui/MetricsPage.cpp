#include "ui/MetricsPage.h"

#include "feed/UrlRedaction.h"
#include "models/DashboardModels.h"
#include "models/MetricSeriesStore.h"
#include "models/SeriesDecimation.h"
#include "prometheus/PrometheusClient.h"
#include "prometheus/SeriesName.h"
#include "ui/ChartPanel.h"
#include "ui/CustomRangeDialog.h"
#include "ui/HealthCards.h"
#include "ui/PlainLabel.h"
#include "ui/StatPanel.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vantage {

namespace {

constexpr int kHealthColumns = 7;
constexpr int kChartColumns = 2;
constexpr int kStreamRefreshMs = 1000;
constexpr int kSpacing = 12;
// Request keys: "chart.3", "chart.3.previous" (the period before, for the trend), "stat.1".
const QString kChartKey = QStringLiteral("chart");
const QString kStatKey = QStringLiteral("stat");
const QString kPreviousKey = QStringLiteral("previous");
// How far back a stream stat looks for its newest sample.
constexpr qint64 kStatLookbackMs = 3'600'000;

QString errorText(const PromError &error)
{
    QString kind;
    switch (error.kind) {
    case PromError::Kind::BadQuery: kind = MetricsPage::tr("Bad query"); break;
    case PromError::Kind::Execution: kind = MetricsPage::tr("Query failed"); break;
    case PromError::Kind::Unreachable: kind = MetricsPage::tr("Prometheus unreachable"); break;
    case PromError::Kind::Timeout: kind = MetricsPage::tr("Timed out"); break;
    case PromError::Kind::Unauthorized: kind = MetricsPage::tr("Credentials refused"); break;
    case PromError::Kind::ServerError: kind = MetricsPage::tr("Server error"); break;
    case PromError::Kind::Setup: kind = MetricsPage::tr("Cannot ask Prometheus"); break;
    }
    return kind + QStringLiteral(": ") + error.message;
}

// The mean of the finite values of the first line within [from, to]; NaN without any.
double meanOf(const std::vector<QPointF> &points, qint64 fromMs, qint64 toMs)
{
    double sum = 0;
    int count = 0;
    for (const QPointF &point : points) {
        if (point.x() >= double(fromMs) && point.x() <= double(toMs) && std::isfinite(point.y())) {
            sum += point.y();
            ++count;
        }
    }
    return count > 0 ? sum / count : qQNaN();
}

std::vector<QPointF> samplePoints(const PromSeries &series)
{
    std::vector<QPointF> points;
    points.reserve(series.samples.size());
    for (const PromSample &sample : series.samples) {
        if (!std::isnan(sample.value))
            points.emplace_back(double(sample.timeMs), sample.value);
    }
    return points;
}

QString requestKey(const QString &kind, size_t index, bool previous = false)
{
    return kind + QLatin1Char('.') + QString::number(index) +
           (previous ? QLatin1Char('.') + kPreviousKey : QString());
}

} // namespace

MetricsPage::MetricsPage(DashboardModels *models, qsizetype cardHistorySamples, QWidget *parent,
                         const QString &chartsPlugin)
    : QWidget(parent)
    , m_models(models)
    , m_charts(chartsPlugin)
    , m_cards(new HealthCards(kHealthColumns, cardHistorySamples, QStringLiteral("metrics."), this))
    , m_grid(new QWidget(this))
    , m_statRow(new QWidget(this))
    , m_rangeButtons(new QButtonGroup(this))
    , m_resetZoom(new QToolButton(this))
    , m_toolbar(new QWidget(this))
    , m_sourceLabel(plainLabel(this, QStringLiteral("metrics.source")))
    , m_chartsProblem(plainLabel(this, QStringLiteral("metrics.chartsProblem")))
    , m_streamTimer(new QTimer(this))
    , m_prometheusTimer(new QTimer(this))
{
    auto *toolbar = new QHBoxLayout(m_toolbar);
    toolbar->setContentsMargins(0, 0, 0, 0);
    toolbar->setSpacing(6);
    int id = 0;
    for (const QString &name : kDashboardRanges) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("range.") + name);
        button->setText(name);
        button->setCheckable(true);
        m_rangeButtons->addButton(button, id++);
        toolbar->addWidget(button);
        connect(button, &QToolButton::clicked, this, [this, name] { setPresetRange(name); });
    }
    auto *custom = new QToolButton(this);
    custom->setObjectName(QStringLiteral("range.custom"));
    custom->setText(tr("Custom\u2026"));
    custom->setCheckable(true);
    m_rangeButtons->addButton(custom, id);
    toolbar->addWidget(custom);
    connect(custom, &QToolButton::clicked, this, [this] {
        const auto [from, to] = range();
        CustomRangeDialog dialog(from, to, this);
        if (dialog.exec() == QDialog::Accepted)
            setFixedRange(dialog.fromMs(), dialog.toMs());
        syncRangeButtons();
    });
    m_resetZoom->setObjectName(QStringLiteral("range.reset"));
    m_resetZoom->setText(tr("Reset zoom"));
    m_resetZoom->setToolTip(tr("Back to the preset range (Escape or a double click on a chart)"));
    connect(m_resetZoom, &QToolButton::clicked, this, [this] { setPresetRange(m_preset); });
    toolbar->addSpacing(8);
    toolbar->addWidget(m_resetZoom);
    toolbar->addStretch(1);
    m_sourceLabel->setProperty("muted", true);
    toolbar->addWidget(m_sourceLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(kSpacing);
    layout->addWidget(m_cards);
    layout->addWidget(m_toolbar);
    auto *stats = new QHBoxLayout(m_statRow);
    stats->setContentsMargins(0, 0, 0, 0);
    stats->setSpacing(kSpacing);
    // Cards as wide as the health cards above, from the left, not stretched across the page.
    stats->setAlignment(Qt::AlignLeft);
    m_statRow->hide();
    layout->addWidget(m_statRow);
    m_chartsProblem->setWordWrap(true);
    m_chartsProblem->hide();
    layout->addWidget(m_chartsProblem);
    layout->addWidget(m_grid, 1);

    m_streamTimer->setInterval(kStreamRefreshMs);
    connect(m_streamTimer, &QTimer::timeout, this, &MetricsPage::refreshStreamPanels);
    connect(m_prometheusTimer, &QTimer::timeout, this, &MetricsPage::askPrometheus);
    setDashboard(defaultDashboard(), std::nullopt);
}

MetricsPage::~MetricsPage() = default;

void MetricsPage::setDashboard(const Dashboard &dashboard, std::optional<PrometheusServer> server)
{
    m_prometheus.reset();
    if (server) {
        m_prometheus = std::make_unique<PrometheusClient>(*server);
        connect(m_prometheus.get(), &PrometheusClient::answered, this,
                [this](const QString &key, quint64, const PromAnswer &answer) { onAnswer(key, answer); });
        m_sourceLabel->setText(tr("Prometheus: %1").arg(redactUrl(server->url)));
    } else {
        m_sourceLabel->setText(tr("Live stream"));
    }
    const int refreshS = dashboard.prometheus ? dashboard.prometheus->refreshSeconds : 15;
    m_prometheusTimer->setInterval(refreshS * 1000);
    m_preset = dashboard.range;
    m_fixed.reset();
    m_dashboard = dashboard;
    m_built = false;
    syncRangeButtons();
    if (isVisible())
        buildPanels();
}

void MetricsPage::buildPanels()
{
    m_built = true;
    m_chartsProblem->hide();
    const Dashboard &dashboard = m_dashboard;
    qDeleteAll(m_panels);
    m_panels.clear();
    qDeleteAll(m_stats);
    m_stats.clear();
    delete m_grid->layout();
    auto *grid = new QGridLayout(m_grid);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(kSpacing);
    for (const DashboardPanel &spec : dashboard.panels) {
        if (spec.kind == DashboardPanel::Kind::Stat) {
            auto *stat = new StatPanel(spec, m_statRow);
            stat->setObjectName(QStringLiteral("stat.%1").arg(m_stats.size()));
            stat->setTheme(m_theme);
            m_statRow->layout()->addWidget(stat);
            m_stats.push_back(stat);
            continue;
        }
        ChartPanel *panel = m_charts.create(spec, m_grid);
        if (!panel) {
            m_chartsProblem->setText(tr("No charts: %1").arg(m_charts.problem()));
            m_chartsProblem->show();
            continue;
        }
        QWidget *widget = panel->widget();
        widget->setObjectName(QStringLiteral("chart.%1").arg(m_panels.size()));
        panel->setTheme(m_theme);
        panel->setReadOnly(m_readOnly);
        const int index = int(m_panels.size());
        grid->addWidget(widget, index / kChartColumns, index % kChartColumns);
        panel->onRangeRequested([this](qint64 fromMs, qint64 toMs) { setFixedRange(fromMs, toMs); });
        panel->onResetRequested([this] { setPresetRange(m_preset); });
        m_panels.push_back(panel);
    }
    for (int row = 0; row < grid->rowCount(); ++row)
        grid->setRowStretch(row, 1);
    m_trends.assign(m_panels.size(), Trend());
    m_statRow->setVisible(!m_stats.empty());
    // After the layout has given the charts their widths, which set the step and the decimation.
    QTimer::singleShot(0, this, &MetricsPage::refreshCharts);
}

void MetricsPage::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_cards->setTheme(theme);
    for (ChartPanel *panel : m_panels)
        panel->setTheme(theme);
    for (StatPanel *stat : m_stats)
        stat->setTheme(theme);
    refreshCharts();
}

void MetricsPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_toolbar->setVisible(!readOnly);
    for (ChartPanel *panel : m_panels)
        panel->setReadOnly(readOnly);
    if (readOnly)
        setPresetRange(m_preset);
}

std::pair<qint64, qint64> MetricsPage::range() const
{
    if (m_fixed)
        return *m_fixed;
    const qint64 now = m_models->shownNowMs();
    return {now - dashboardRangeMs(m_preset), now};
}

void MetricsPage::setPresetRange(const QString &name)
{
    if (dashboardRangeMs(name) <= 0)
        return;
    m_preset = name;
    m_fixed.reset();
    syncRangeButtons();
    refreshCharts();
}

void MetricsPage::setFixedRange(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return;
    m_fixed = std::pair(fromMs, toMs);
    syncRangeButtons();
    refreshCharts();
}

void MetricsPage::syncRangeButtons()
{
    const qsizetype preset = kDashboardRanges.indexOf(m_preset);
    QAbstractButton *checked = m_rangeButtons->button(m_fixed ? int(kDashboardRanges.size()) : int(preset));
    if (checked)
        checked->setChecked(true);
    m_resetZoom->setEnabled(m_fixed.has_value());
}

void MetricsPage::refreshCharts()
{
    refreshStreamPanels();
    askPrometheus();
}

void MetricsPage::refreshStreamPanels()
{
    const auto [from, to] = range();
    const qint64 span = to - from;
    const MetricSeriesStore *store = m_models->series();
    refreshStreamStats(to);
    for (size_t i = 0; i < m_panels.size(); ++i) {
        ChartPanel *panel = m_panels[i];
        const DashboardPanel &spec = panel->spec();
        if (spec.source != DashboardPanel::Source::Stream)
            continue;
        std::vector<ChartLine> lines;
        QStringList missing;
        for (const QString &name : spec.series) {
            const std::vector<QPointF> points = store->history(name, from, to);
            if (points.empty())
                missing.append(name);
            if (lines.empty()) {
                m_trends[i].current = meanOf(points, from, to);
                m_trends[i].previous = meanOf(store->history(name, from - span, from), from - span, from);
            }
            lines.push_back(
                ChartLine{name, decimateMinMax(points, double(from), double(to), panel->plotWidth())});
        }
        panel->setLines(std::move(lines), from, to);
        if (!missing.isEmpty())
            panel->setError(tr("No samples of %1 in this range yet").arg(missing.join(QStringLiteral(", "))));
        showTrend(i);
    }
}

void MetricsPage::refreshStreamStats(qint64 toMs)
{
    const MetricSeriesStore *store = m_models->series();
    for (StatPanel *stat : m_stats) {
        const DashboardPanel &spec = stat->spec();
        if (spec.source != DashboardPanel::Source::Stream || spec.series.isEmpty())
            continue;
        const QString &name = spec.series.constFirst();
        const std::vector<QPointF> points = store->history(name, toMs - kStatLookbackMs, toMs);
        const auto newest = std::find_if(points.rbegin(), points.rend(),
                                         [toMs](const QPointF &point) { return point.x() <= double(toMs); });
        if (newest == points.rend())
            stat->setError(tr("No samples of %1 yet").arg(name));
        else
            stat->setValue(newest->y());
    }
}

void MetricsPage::askPrometheus()
{
    if (!isVisible())
        return;
    m_askedRange = range();
    const auto [from, to] = m_askedRange;
    for (size_t i = 0; i < m_panels.size(); ++i) {
        const DashboardPanel &spec = m_panels[i]->spec();
        if (spec.source != DashboardPanel::Source::Prometheus)
            continue;
        if (!m_prometheus) {
            m_panels[i]->setError(tr("No Prometheus server is configured for this dashboard"));
            continue;
        }
        PromQuery query;
        query.kind = PromQuery::Kind::Range;
        query.expr = spec.query;
        query.startMs = from;
        query.endMs = to;
        query.stepMs = rangeStepMs(to - from, m_panels[i]->plotWidth());
        m_prometheus->submit(requestKey(kChartKey, i), query);
        query.startMs -= to - from;
        query.endMs -= to - from;
        m_prometheus->submit(requestKey(kChartKey, i, true), query);
    }
    for (size_t i = 0; i < m_stats.size(); ++i) {
        const DashboardPanel &spec = m_stats[i]->spec();
        if (spec.source != DashboardPanel::Source::Prometheus)
            continue;
        if (!m_prometheus) {
            m_stats[i]->setError(tr("No Prometheus server is configured for this dashboard"));
            continue;
        }
        PromQuery query;
        query.expr = spec.query;
        query.timeMs = to;
        m_prometheus->submit(requestKey(kStatKey, i), query);
    }
}

void MetricsPage::onAnswer(const QString &key, const PromAnswer &answer)
{
    const QStringList parts = key.split(QLatin1Char('.'));
    const size_t index = parts.value(1).toULongLong();
    if (parts.constFirst() == kStatKey && index < m_stats.size())
        onStatAnswer(index, answer);
    else if (parts.constFirst() == kChartKey && index < m_panels.size())
        onChartAnswer(index, parts.value(2) == kPreviousKey, answer);
}

void MetricsPage::onStatAnswer(size_t index, const PromAnswer &answer)
{
    StatPanel *stat = m_stats[index];
    if (!answer.ok)
        stat->setError(errorText(answer.error));
    else if (answer.result.series.empty() || answer.result.series.front().samples.empty())
        stat->setError(tr("The query returned no series"));
    else
        stat->setValue(answer.result.series.front().samples.back().value);
}

void MetricsPage::onChartAnswer(size_t index, bool previous, const PromAnswer &answer)
{
    ChartPanel *panel = m_panels[index];
    const auto [from, to] = m_askedRange;
    const qint64 span = to - from;
    if (!answer.ok) {
        if (!previous)
            panel->setError(errorText(answer.error));
        return;
    }
    if (previous) {
        const std::vector<QPointF> points = answer.result.series.empty()
                                                ? std::vector<QPointF>()
                                                : samplePoints(answer.result.series.front());
        m_trends[index].previous = meanOf(points, from - span, to - span);
        showTrend(index);
        return;
    }
    std::vector<ChartLine> lines;
    for (const PromSeries &series : answer.result.series) {
        const std::vector<QPointF> points = samplePoints(series);
        if (lines.empty())
            m_trends[index].current = meanOf(points, from, to);
        lines.push_back(ChartLine{seriesName(series, panel->spec().legend),
                                  decimateMinMax(points, double(from), double(to), panel->plotWidth())});
    }
    panel->setLines(std::move(lines), from, to);
    if (answer.result.series.empty())
        panel->setError(tr("The query returned no series in this range"));
    showTrend(index);
}

void MetricsPage::showTrend(size_t index)
{
    const Trend &trend = m_trends[index];
    const bool comparable =
        std::isfinite(trend.current) && std::isfinite(trend.previous) && trend.previous != 0;
    m_panels[index]->setTrend(comparable ? (trend.current - trend.previous) / std::abs(trend.previous) * 100
                                         : qQNaN());
}

void MetricsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_streamTimer->start();
    m_prometheusTimer->start();
    if (!m_built)
        buildPanels();
    else
        QTimer::singleShot(0, this, &MetricsPage::refreshCharts);
}

void MetricsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_streamTimer->stop();
    m_prometheusTimer->stop();
}

} // namespace vantage
