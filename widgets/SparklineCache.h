#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QSizeF>

#include <span>
#include <vector>

class QPainter;
class QRectF;

namespace vantage {

// A sparkline drawn once into an image and blitted while its values, size and colour stay the same.
// A tile or card repaints its number every frame of a busy stream, but its history changes at most
// once a second, and an antialiased fill and stroke cost far more than a blit.
class SparklineCache
{
public:
    // Draws as Sparkline::paint does, from the cached image when nothing it depends on has changed.
    void paint(QPainter &painter, const QRectF &rect, std::span<const double> values, const QColor &color,
               bool includeZero, double typeScale);

    // How many times the line was drawn into the image (the rest were blits).
    int renders() const { return m_renders; }

private:
    bool matches(std::span<const double> values, const QSizeF &size, const QPointF &offset,
                 const QColor &color, bool includeZero, double typeScale, qreal ratio) const;

    QImage m_image;
    std::vector<double> m_values;
    QSizeF m_size;
    QPointF m_offset;
    QColor m_color;
    bool m_includeZero = false;
    double m_typeScale = 0.0;
    int m_renders = 0;
};

} // namespace vantage
