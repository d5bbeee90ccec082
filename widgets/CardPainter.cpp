#include "widgets/CardPainter.h"

#include "widgets/TextOverflow.h"
#include "widgets/Theme.h"
#include "widgets/TypeScale.h"
#include "widgets/ValueFormat.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

namespace vantage::CardPainter {

namespace {
constexpr int minValuePixelSize = 16;
} // namespace

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
    font.setPixelSize(TypeScale::px(base, 11));
    font.setWeight(QFont::DemiBold);
    font.setCapitalization(QFont::AllUppercase);
    font.setLetterSpacing(QFont::PercentageSpacing, 106);
    return font;
}

QFont valueFont(const QFont &base, int pixelSize)
{
    QFont font = base;
    font.setPixelSize(TypeScale::px(base, pixelSize));
    font.setWeight(QFont::Bold);
    return font;
}

QFont detailFont(const QFont &base)
{
    QFont font = base;
    font.setPixelSize(TypeScale::px(base, 12));
    font.setWeight(QFont::Normal);
    return font;
}

QFont pillFont(const QFont &base)
{
    QFont font = base;
    font.setPixelSize(TypeScale::px(base, 11));
    font.setWeight(QFont::Bold);
    font.setLetterSpacing(QFont::PercentageSpacing, 110);
    return font;
}

void drawLine(QPainter &painter, const QRectF &line, const QFont &font, const QColor &color,
              const QString &text, TextOverflow *overflow)
{
    const QString shown = QFontMetrics(font).elidedText(text, Qt::ElideRight, int(line.width()));
    if (overflow && shown != text)
        overflow->report(text);
    painter.setFont(font);
    painter.setPen(color);
    painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
}

double drawCaption(QPainter &painter, const QRectF &content, const QFont &base, const QString &caption,
                   const Theme &theme, TextOverflow *overflow)
{
    const QFont font = captionFont(base);
    const double height = QFontMetrics(font).height();
    drawLine(painter, QRectF(content.left(), content.top(), content.width(), height), font, theme.textMuted,
             caption, overflow);
    return content.top() + height + TypeScale::px(base, captionGap);
}

void drawValue(QPainter &painter, const QRectF &line, const QFont &base, int pixelSize, const QString &value,
               const QColor &color, TextOverflow *overflow)
{
    QFont font = valueFont(base, pixelSize);
    const int minSize = TypeScale::px(base, minValuePixelSize);
    for (int size = font.pixelSize(); size > minSize; --size) {
        font.setPixelSize(size);
        if (QFontMetrics(font).horizontalAdvance(value) <= line.width())
            break;
    }
    drawLine(painter, line, font, color, value, overflow);
}

QString staleText(qint64 ageMs)
{
    return QCoreApplication::translate("CardPainter", "as of %1 ago").arg(ValueFormat::duration(ageMs));
}

} // namespace vantage::CardPainter
