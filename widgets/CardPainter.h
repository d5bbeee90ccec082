#pragma once

#include <QFont>
#include <QRectF>

class QPainter;

namespace vantage {

struct Theme;

// The shared look of the dashboard's tiles and cards: one surface, one radius, one type scale.
namespace CardPainter {

constexpr double radius = 8.0;
constexpr int padding = 14;

void background(QPainter &painter, const QRectF &rect, const Theme &theme);
// Small uppercase caption above a value ("ACTIVE NOW").
QFont captionFont(const QFont &base);
// The big number of a tile or card, sized in pixels so it scales with the tile rather than the DPI.
QFont valueFont(const QFont &base, int pixelSize);
// Secondary lines (trend, subtitle, unit).
QFont detailFont(const QFont &base);

} // namespace CardPainter

} // namespace vantage
