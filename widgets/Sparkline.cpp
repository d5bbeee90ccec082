#include "widgets/Sparkline.h"

#include "widgets/SparklineBand.h"
#include "widgets/SparklineScale.h"
#include "widgets/TypeScale.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

namespace vantage {

Sparkline::Sparkline(QWidget *parent) : QWidget(parent), m_color(palette().color(QPalette::Highlight))
{
}

void Sparkline::setValues(std::vector<double> values)
{
    m_values = std::move(values);
    update();
}

void Sparkline::setColor(const QColor &color)
{
    m_color = color;
    update();
}

void Sparkline::setIncludeZero(bool includeZero)
{
    m_includeZero = includeZero;
    update();
}

QSize Sparkline::sizeHint() const
{
    return {TypeScale::px(font(), 120), TypeScale::px(font(), 32)};
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, QRectF(rect()), m_values, m_color, m_includeZero, TypeScale::of(font()));
}

void Sparkline::paint(QPainter &painter, const QRectF &rect, std::span<const double> values, const QColor &color,
                      bool includeZero, double typeScale)
{
    const double lineWidth = kLineWidth * typeScale;
    // Inset by half the pen so the extremes are not clipped.
    const QRectF area = rect.adjusted(lineWidth, lineWidth, -lineWidth, -lineWidth);
    const SparklineScale scale = SparklineScale::fit(values, area, includeZero);
    const std::vector<QPolygonF> lines = scale.polylines(values);
    if (lines.empty())
        return;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);

    QColor top = color;
    top.setAlphaF(0.28);
    QColor bottom = color;
    bottom.setAlphaF(0.0);
    QLinearGradient gradient(area.topLeft(), area.bottomLeft());
    gradient.setColorAt(0.0, top);
    gradient.setColorAt(1.0, bottom);

    for (const QPolygonF &line : lines) {
        if (line.size() == 1) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawEllipse(line.first(), 2.2 * typeScale, 2.2 * typeScale);
            continue;
        }
        QPainterPath fill;
        fill.moveTo(line.first().x(), area.bottom());
        for (const QPointF &p : line)
            fill.lineTo(p);
        fill.lineTo(line.last().x(), area.bottom());
        fill.closeSubpath();
        painter.fillPath(fill, gradient);

        // What a round pen of lineWidth would ink, filled (widgets/SparklineBand.h).
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPolygon(SparklineBand::outline(line, lineWidth), Qt::WindingFill);
    }
    // A dot on the newest sample draws the eye to "now".
    const QPointF last = lines.back().last();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(last, 2.4 * typeScale, 2.4 * typeScale);
    painter.restore();
}

} // namespace vantage
