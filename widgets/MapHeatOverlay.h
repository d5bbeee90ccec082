#pragma once

#include "widgets/HeatGrid.h"
#include "widgets/MapPoint.h"
#include "widgets/Theme.h"

#include <QImage>
#include <QSizeF>

#include <array>
#include <span>

class QPainter;

namespace vantage {

// The activity map's heat mode: points binned into a HeatGrid of coarse cells, coloured through a
// ramp into an image of one pixel per cell, and drawn scaled up smoothly over the map. The image
// is rebuilt per layout; a frame only scales it.
class MapHeatOverlay
{
public:
    static constexpr double cellPx = 8.0;
    static constexpr int blurRadius = 2;

    MapHeatOverlay();

    void setTheme(const Theme &theme);
    void build(std::span<const MapPoint> points, QSizeF size);
    void paint(QPainter &painter) const;
    // From nothing (0) to the hottest cell (255), premultiplied: for the legend too.
    const std::array<QRgb, 256> &ramp() const { return m_ramp; }

private:
    HeatGrid m_grid;
    QImage m_image;
    std::array<QRgb, 256> m_ramp{};
};

} // namespace vantage
