#include "widgets/ForecastChart.h"

#include "widgets/ValueFormat.h"

#include <QDateTime>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {
constexpr qreal kMargin = 8.0;
constexpr qreal kLabelHeight = 20.0;
constexpr qreal kWhiskerPen = 1.5;
} // namespace

ForecastChart::ForecastChart(QWidget *parent)
    : QWidget(parent)
{}

void ForecastChart::setForecast(const LoadForecast &forecast)
{
    m_forecast = forecast;
    update();
}

void ForecastChart::clear()
{
    m_forecast.reset();
    update();
}

void ForecastChart::setTheme(const Theme &theme)
{
    m_theme = theme;
    update();
}

std::optional<ForecastChartLayout> ForecastChart::chartLayout() const
{
    if (!m_forecast)
        return std::nullopt;
    // Room above the plot for the threshold's label.
    const QRectF area =
        QRectF(rect()).adjusted(kMargin, kMargin + fontMetrics().height(), -kMargin, -kMargin);
    return ForecastChartLayout::fit(*m_forecast, area, kLabelHeight);
}

QSize ForecastChart::sizeHint() const
{
    return {480, 200};
}

QSize ForecastChart::minimumSizeHint() const
{
    return {240, 120};
}

void ForecastChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), m_theme.surface);
    const std::optional<ForecastChartLayout> layout = chartLayout();
    if (!layout)
        return;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(m_theme.border, 1.0));
    painter.drawLine(layout->plot.bottomLeft(), layout->plot.bottomRight());
    paintColumns(painter, *layout);
    if (!layout->thresholdY)
        return;
    const double y = *layout->thresholdY;
    painter.setPen(QPen(m_theme.warning, 1.0, Qt::DashLine));
    painter.drawLine(QPointF(layout->plot.left(), y), QPointF(layout->plot.right(), y));
    const QString text = u"peak \u2265 %1/h"_s.arg(ValueFormat::count(m_forecast->peakThreshold()));
    const QRectF above(layout->plot.left(), y - fontMetrics().height(), layout->plot.width(),
                       fontMetrics().height());
    painter.drawText(above, Qt::AlignRight | Qt::AlignBottom, text);
}

void ForecastChart::paintColumns(QPainter &painter, const ForecastChartLayout &layout) const
{
    const QFont normal = font();
    QFont bold = normal;
    bold.setBold(true);
    for (std::size_t i = 0; i < layout.columns.size(); ++i) {
        const ForecastChartLayout::Column &column = layout.columns[i];
        const LoadForecast::Hour &hour = m_forecast->hours[i];
        const bool isPeakHour = m_forecast->peakHour == qsizetype(i);
        if (hour.basis == LoadForecast::Basis::TooShort) {
            painter.setPen(m_theme.textMuted);
            painter.drawText(column.area, Qt::AlignHCenter | Qt::AlignBottom, u"?"_s);
        } else {
            QColor fill = hour.peak ? m_theme.warning : m_theme.accent;
            fill.setAlphaF(isPeakHour ? 1.0 : 0.75);
            painter.fillRect(column.bar, fill);
            painter.setPen(QPen(m_theme.text, kWhiskerPen));
            const double cap = column.bar.width() / 4;
            const QLineF &range = column.range;
            painter.drawLine(range);
            painter.drawLine(QPointF(range.x1() - cap, range.y1()), QPointF(range.x1() + cap, range.y1()));
            painter.drawLine(QPointF(range.x2() - cap, range.y2()), QPointF(range.x2() + cap, range.y2()));
        }
        painter.setFont(isPeakHour ? bold : normal);
        painter.setPen(isPeakHour ? m_theme.warning : m_theme.textMuted);
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(hour.slot.startMs, m_forecast->zone);
        painter.drawText(column.label, Qt::AlignCenter, start.toString(u"HH:mm"_s));
    }
    painter.setFont(normal);
}

} // namespace vantage
