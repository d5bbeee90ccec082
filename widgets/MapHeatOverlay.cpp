#include "widgets/MapHeatOverlay.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace vantage {

MapHeatOverlay::MapHeatOverlay()
{
    setTheme(Theme::dark());
}

void MapHeatOverlay::setTheme(const Theme &theme)
{
    struct Stop
    {
        double at;
        QColor color;
        double alpha;
    };
    // Cool and faint where little happens, warm and solid where most does.
    const Stop stops[] = {
        {0.0, theme.info, 0.0},
        {0.2, theme.info, 0.35},
        {0.55, theme.warning, 0.65},
        {1.0, theme.critical, 0.85},
    };
    for (int i = 0; i < 256; ++i) {
        const double t = i / 255.0;
        std::size_t s = 1;
        while (s + 1 < std::size(stops) && t > stops[s].at)
            ++s;
        const Stop &a = stops[s - 1];
        const Stop &b = stops[s];
        const double f = std::clamp((t - a.at) / (b.at - a.at), 0.0, 1.0);
        const auto lerp = [f](double x, double y) { return x + (y - x) * f; };
        m_ramp[std::size_t(i)] = qPremultiply(qRgba(
            int(lerp(a.color.red(), b.color.red()) + 0.5), int(lerp(a.color.green(), b.color.green()) + 0.5),
            int(lerp(a.color.blue(), b.color.blue()) + 0.5), int(lerp(a.alpha, b.alpha) * 255.0 + 0.5)));
    }
}

void MapHeatOverlay::build(std::span<const MapPoint> points, QSizeF size)
{
    m_grid.build(points, size, cellPx, blurRadius);
    const QSize cells(m_grid.columns(), m_grid.rows());
    if (cells.isEmpty()) {
        m_image = QImage();
        return;
    }
    if (m_image.size() != cells)
        m_image = QImage(cells, QImage::Format_ARGB32_Premultiplied);
    for (int row = 0; row < cells.height(); ++row) {
        auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(row));
        for (int column = 0; column < cells.width(); ++column) {
            // The square root lifts a lone event next to a busy city out of invisibility.
            const double level = std::sqrt(double(m_grid.at(column, row)));
            line[column] = m_ramp[std::size_t(std::clamp(int(level * 255.0 + 0.5), 0, 255))];
        }
    }
}

void MapHeatOverlay::paint(QPainter &painter) const
{
    if (m_image.isNull())
        return;
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(QRectF(0.0, 0.0, m_grid.columns() * cellPx, m_grid.rows() * cellPx), m_image);
    painter.restore();
}

} // namespace vantage
