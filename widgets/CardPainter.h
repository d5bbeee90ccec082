#pragma once

#include <QFont>
#include <QRectF>
#include <QString>

class QColor;
class QPainter;

namespace vantage {

class TextOverflow;
struct Theme;

// The shared look of the dashboard's tiles, cards and list rows: one surface, one radius, one
// type scale, one way of drawing a caption and a value. Sizes are design pixels at the 13 px body
// font; the fonts here and the widgets' geometry scale them with TypeScale by the base font.
namespace CardPainter {

constexpr double radius = 8.0;
constexpr int padding = 14;
// Gap between a caption and the value under it.
constexpr int captionGap = 4;

void background(QPainter &painter, const QRectF &rect, const Theme &theme);
// Small uppercase caption above a value ("ACTIVE NOW"); also the severity label of alert rows.
QFont captionFont(const QFont &base);
// The big number of a tile or card, sized in pixels (design pixelSize at base's type scale) so it
// scales with the tile rather than the DPI.
QFont valueFont(const QFont &base, int pixelSize);
// Secondary lines (trend, subtitle, unit, data age).
QFont detailFont(const QFont &base);
// Short labels in tinted capsules: the DEMO pill, the feed's type chips.
QFont pillFont(const QFont &base);

// One line of text, left-aligned and vertically centred in `line`, elided to its width; an elided
// text goes to overflow when one is given.
void drawLine(QPainter &painter, const QRectF &line, const QFont &font, const QColor &color,
              const QString &text, TextOverflow *overflow = nullptr);
// The caption along the top of `content`, muted; returns where the value line starts.
double drawCaption(QPainter &painter, const QRectF &content, const QFont &base, const QString &caption,
                   const Theme &theme, TextOverflow *overflow = nullptr);
// The value in `line`: the font shrinks (not below a readable size) rather than eliding digits; a
// value elided even at that size goes to overflow.
void drawValue(QPainter &painter, const QRectF &line, const QFont &base, int pixelSize, const QString &value,
               const QColor &color, TextOverflow *overflow = nullptr);

// The caption of a stale number: "as of 2 min ago".
QString staleText(qint64 ageMs);

} // namespace CardPainter

} // namespace vantage
