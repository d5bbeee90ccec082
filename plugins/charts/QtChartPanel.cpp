#include "plugins/charts/QtChartPanel.h"

#include "plugins/charts/ChartCsv.h"
#include "plugins/charts/ChartView.h"
#include "ui/PlainLabel.h"
#include "widgets/ValueFormat.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFileDialog>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QSaveFile>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace vantage {

namespace {

constexpr qint64 kHourMs = 3'600'000;

// Lines in the order a reader tells them apart, on either theme, and apart from the thresholds'
// amber and red.
QColor lineColor(const Theme &theme, int index)
{
    static const QColor others[] = {QColor(0xa8, 0x7b, 0xf0), QColor(0x2a, 0xb7, 0xa9),
                                    QColor(0xe8, 0x6a, 0xa6), QColor(0x8f, 0xa3, 0xb8)};
    return index == 0 ? theme.accent : others[(index - 1) % int(std::size(others))];
}

QString timeFormat(qint64 spanMs)
{
    if (spanMs <= kHourMs)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 24 * kHourMs)
        return QStringLiteral("HH:mm");
    return QStringLiteral("dd MMM HH:mm");
}

} // namespace

QtChartPanel::QtChartPanel(const DashboardPanel &spec, QWidget *parent)
    : QFrame(parent)
    , m_spec(spec)
    , m_title(plainLabel(this, QStringLiteral("chart.title")))
    , m_trend(plainLabel(this, QStringLiteral("chart.trend")))
    , m_error(plainLabel(this, QStringLiteral("chart.error")))
    , m_chart(new QChart)
    , m_timeAxis(new QDateTimeAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
    , m_view(new ChartView(m_chart, this))
{
    setProperty("panel", true);
    m_title->setProperty("panelTitle", true);
    m_title->setText(spec.title);
    m_trend->setProperty("muted", true);
    m_trend->hide();
    m_error->setWordWrap(true);
    m_error->hide();

    auto *menuButton = m_menuButton = new QToolButton(this);
    menuButton->setObjectName(QStringLiteral("chart.menu"));
    menuButton->setText(tr("Export"));
    menuButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(menuButton);
    QAction *reset = menu->addAction(tr("Reset zoom"));
    connect(reset, &QAction::triggered, this, &QtChartPanel::requestReset);
    menu->addSeparator();
    connect(menu->addAction(tr("Export as PNG\u2026")), &QAction::triggered, this,
            [this] { chooseExport(true); });
    connect(menu->addAction(tr("Export data as CSV\u2026")), &QAction::triggered, this,
            [this] { chooseExport(false); });
    menuButton->setMenu(menu);

    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_timeAxis->setTickCount(5);
    m_valueAxis->setTickCount(5);
    // printf's format: a unit's own '%' doubled.
    m_valueAxis->setLabelFormat(QStringLiteral("%g") +
                                (spec.unit.isEmpty() ? QString() : QStringLiteral(" ")) +
                                QString(spec.unit).replace(QStringLiteral("%"), QStringLiteral("%%")));
    m_view->setMinimumHeight(160);
    connect(m_view, &ChartView::rangeRequested, this, [this](qint64 fromMs, qint64 toMs) {
        if (m_onRange)
            m_onRange(fromMs, toMs);
    });
    connect(m_view, &ChartView::resetRequested, this, &QtChartPanel::requestReset);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(8);
    header->addWidget(m_trend);
    header->addStretch(1);
    header->addWidget(menuButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
    applyAxisRanges(0, kHourMs);
    applyFonts();
}

void QtChartPanel::setLines(std::vector<ChartLine> lines, qint64 fromMs, qint64 toMs)
{
    const bool sameShape =
        lines.size() == m_lines.size() &&
        std::equal(lines.begin(), lines.end(), m_lines.begin(),
                   [](const ChartLine &a, const ChartLine &b) { return a.name == b.name; });
    m_lines = std::move(lines);
    m_error->hide();
    if (!sameShape) {
        rebuildSeries();
    } else {
        const QList<QAbstractSeries *> series = m_chart->series();
        for (size_t i = 0; i < m_lines.size(); ++i) {
            QAbstractSeries *shown = series.at(qsizetype(i));
            auto *line = qobject_cast<QLineSeries *>(shown);
            if (auto *area = qobject_cast<QAreaSeries *>(shown))
                line = area->upperSeries();
            line->replace(m_lines[i].points);
        }
    }
    applyAxisRanges(fromMs, toMs);
    // One line needs no legend: the title names it.
    m_chart->legend()->setVisible(m_lines.size() > 1);
    m_view->setLines(m_lines, m_spec.unit);
}

void QtChartPanel::rebuildSeries()
{
    m_chart->removeAllSeries();
    int index = 0;
    for (const ChartLine &line : m_lines) {
        auto *upper = new QLineSeries(m_chart);
        upper->replace(line.points);
        QAbstractSeries *series = upper;
        QColor color = lineColor(m_theme, index++);
        if (m_spec.style == DashboardPanel::Style::Area) {
            auto *area = new QAreaSeries(upper);
            upper->setParent(area);
            QColor fill = color;
            fill.setAlpha(70);
            area->setBrush(fill);
            area->setPen(QPen(color, 1.5));
            series = area;
        } else {
            upper->setPen(QPen(color, 1.5));
        }
        series->setName(line.name);
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
    }
    const auto threshold = [this](const std::optional<double> &value, const QColor &color,
                                  const QString &name) {
        if (!value)
            return;
        auto *line = new QLineSeries(m_chart);
        line->setName(name);
        line->setPen(QPen(color, 1, Qt::DashLine));
        line->setProperty("threshold", *value);
        m_chart->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_valueAxis);
        for (QLegendMarker *marker : m_chart->legend()->markers(line))
            marker->setVisible(false);
    };
    threshold(m_spec.warning, m_theme.warning, tr("warning"));
    threshold(m_spec.critical, m_theme.critical, tr("critical"));
}

void QtChartPanel::applyAxisRanges(qint64 fromMs, qint64 toMs)
{
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    m_timeAxis->setFormat(timeFormat(toMs - fromMs));
    double low = 0;
    double high = 0;
    for (const ChartLine &line : m_lines) {
        for (const QPointF &point : line.points) {
            if (point.x() < double(fromMs) || point.x() > double(toMs) || !std::isfinite(point.y()))
                continue;
            low = std::min(low, point.y());
            high = std::max(high, point.y());
        }
    }
    // A threshold near the data is drawn; one far above it would flatten the lines.
    for (const std::optional<double> &limit : {m_spec.warning, m_spec.critical}) {
        if (limit && *limit <= high * 2)
            high = std::max(high, *limit);
    }
    m_valueAxis->setRange(low, high > low ? high * 1.08 : low + 1);
    m_valueAxis->applyNiceNumbers();
    for (QAbstractSeries *series : m_chart->series()) {
        const QVariant limit = series->property("threshold");
        if (auto *line = qobject_cast<QLineSeries *>(series); line && limit.isValid())
            line->replace(
                {QPointF(double(fromMs), limit.toDouble()), QPointF(double(toMs), limit.toDouble())});
    }
}

void QtChartPanel::setError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

QString QtChartPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void QtChartPanel::setTrend(double percent)
{
    m_trend->setVisible(std::isfinite(percent));
    if (std::isfinite(percent))
        m_trend->setText(ValueFormat::trend(percent, tr("prev. period")));
}

QString QtChartPanel::trendText() const
{
    return m_trend->isHidden() ? QString() : m_trend->text();
}

void QtChartPanel::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_chart->setBackgroundBrush(theme.surface);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(theme.text);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(theme.textMuted);
        axis->setLinePenColor(theme.border);
        axis->setGridLineColor(theme.border);
    }
    m_view->setBackgroundBrush(theme.surface);
    m_view->setCrosshairColor(theme.textMuted, theme.text);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(theme.critical.name()));
    rebuildSeries();
}

void QtChartPanel::setReadOnly(bool readOnly)
{
    m_menuButton->setVisible(!readOnly);
    m_view->setEnabled(!readOnly);
}

void QtChartPanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void QtChartPanel::applyFonts()
{
    QFont labels = font();
    labels.setPixelSize(std::max(10, QFontInfo(font()).pixelSize() - 2));
    m_timeAxis->setLabelsFont(labels);
    m_valueAxis->setLabelsFont(labels);
    m_chart->legend()->setFont(labels);
}

QChartView *QtChartPanel::view() const
{
    return m_view;
}

QString QtChartPanel::crosshairText(qint64 timeMs) const
{
    return m_view->crosshairText(timeMs);
}

void QtChartPanel::onRangeRequested(std::function<void(qint64, qint64)> handler)
{
    m_onRange = std::move(handler);
}

void QtChartPanel::onResetRequested(std::function<void()> handler)
{
    m_onReset = std::move(handler);
}

void QtChartPanel::requestReset()
{
    if (m_onReset)
        m_onReset();
}

int QtChartPanel::plotWidth() const
{
    const int width = int(m_chart->plotArea().width());
    return width > 0 ? width : std::max(1, m_view->width() - 80);
}

bool QtChartPanel::exportPng(const QString &path)
{
    return grab().save(path, "PNG");
}

bool QtChartPanel::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(chartCsv(m_lines)) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void QtChartPanel::chooseExport(bool png)
{
    const QString name = m_spec.title.simplified().replace(QLatin1Char(' '), QLatin1Char('-')).toLower();
    const QString path =
        QFileDialog::getSaveFileName(this, png ? tr("Export panel as PNG") : tr("Export panel data as CSV"),
                                     name + (png ? QStringLiteral(".png") : QStringLiteral(".csv")),
                                     png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool written = png ? exportPng(path) : exportCsv(path, &error);
    if (!written)
        setError(tr("Cannot write %1: %2")
                     .arg(path, error.isEmpty() ? tr("the image could not be saved") : error));
}

} // namespace vantage
