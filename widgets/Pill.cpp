#include "widgets/Pill.h"

#include "widgets/CardPainter.h"
#include "widgets/TextOverflow.h"
#include "widgets/TypeScale.h"

#include <QPainter>

namespace vantage {

Pill::Pill(const QString &text, QWidget *parent) : QWidget(parent), m_text(text), m_color(palette().color(QPalette::Highlight))
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void Pill::setText(const QString &text)
{
    m_text = text;
    updateGeometry();
    update();
}

void Pill::setColor(const QColor &color)
{
    m_color = color;
    update();
}

QSize Pill::sizeHint() const
{
    const QFontMetrics metrics(CardPainter::pillFont(font()));
    return {metrics.horizontalAdvance(m_text) + TypeScale::px(font(), 20),
            metrics.height() + TypeScale::px(font(), 10)};
}

void Pill::paintEvent(QPaintEvent *)
{
    TextOverflow overflow(this);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF bounds = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QColor fill = m_color;
    fill.setAlphaF(0.18);
    painter.setPen(QPen(m_color, 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(bounds, bounds.height() / 2, bounds.height() / 2);
    const QFont font = CardPainter::pillFont(this->font());
    const QFontMetricsF metrics(font);
    // Centred and clipped, not elided: a short fixed word, cut only in a pill squeezed by its layout.
    if (!m_text.isEmpty()
        && (metrics.horizontalAdvance(m_text) > bounds.width() || metrics.height() > bounds.height()))
        overflow.report(m_text);
    painter.setFont(font);
    painter.drawText(bounds, Qt::AlignCenter | Qt::TextSingleLine, m_text);
}

} // namespace vantage
