#include "widgets/CardPainter.h"

#include "widgets/Theme.h"

#include <QPainter>
#include <QPainterPath>

namespace vantage::CardPainter {

void background(QPainter &painter, const QRectF &rect, const Theme &theme)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QPainterPath path;
    path.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter.fillPath(path, theme.surface);
    painter.setPen(QPen(theme.border, 1.0));
    painter.drawPath(path);
    painter.restore();
}

QFont captionFont(const QFont &base)
{
    QFont font = base;
    font.setPixelSize(11);
    font.setWeight(QFont::DemiBold);
    font.setCapitalization(QFont::AllUppercase);
    font.setLetterSpacing(QFont::PercentageSpacing, 106);
    return font;
}

QFont valueFont(const QFont &base, int pixelSize)
{
    QFont font = base;
    font.setPixelSize(pixelSize);
    font.setWeight(QFont::Bold);
    return font;
}

QFont detailFont(const QFont &base)
{
    QFont font = base;
    font.setPixelSize(12);
    font.setWeight(QFont::Normal);
    return font;
}

} // namespace vantage::CardPainter
