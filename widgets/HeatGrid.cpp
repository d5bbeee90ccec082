#include "widgets/HeatGrid.h"

#include <algorithm>
#include <cmath>

namespace vantage {

void HeatGrid::build(std::span<const MapPoint> points, QSizeF size, double cellPx, int blurRadius)
{
    m_cellPx = cellPx >= minCellPx ? cellPx : minCellPx;
    const double width = std::max(size.width(), 0.0);
    const double height = std::max(size.height(), 0.0);
    m_columns = int(std::ceil(width / m_cellPx));
    m_rows = int(std::ceil(height / m_cellPx));
    m_cells.assign(std::size_t(m_columns) * std::size_t(m_rows), 0.0);
    m_peak = 0.0;
    m_mass = 0.0;
    if (m_cells.empty())
        return;

    for (const MapPoint &point : points) {
        const double x = point.pixel.x();
        const double y = point.pixel.y();
        // Written to be false for NaN as well.
        if (!(x >= 0.0 && x <= width && y >= 0.0 && y <= height))
            continue;
        // A point on the right or bottom edge of a whole number of cells belongs to the last one.
        const int c = std::min(int(x / m_cellPx), m_columns - 1);
        const int r = std::min(int(y / m_cellPx), m_rows - 1);
        m_cells[std::size_t(r) * std::size_t(m_columns) + std::size_t(c)] += std::max(point.weight, 1);
    }

    // Binomial coefficients C(2R, k): the rows of Pascal's triangle.
    const int radius = std::clamp(blurRadius, 0, maxBlurRadius);
    m_kernel.assign(std::size_t(2 * radius + 1), 0.0);
    m_kernel[0] = 1.0;
    for (int n = 1; n <= 2 * radius; ++n) {
        for (int k = n; k > 0; --k)
            m_kernel[std::size_t(k)] += m_kernel[std::size_t(k - 1)];
    }
    if (radius > 0) {
        blurLines(m_rows, m_columns, m_columns, 1);
        blurLines(m_columns, m_rows, 1, m_columns);
    }

    for (double v : m_cells) {
        m_mass += v;
        m_peak = std::max(m_peak, v);
    }
}

QRectF HeatGrid::cellRect(int column, int row) const
{
    return QRectF(column * m_cellPx, row * m_cellPx, m_cellPx, m_cellPx);
}

float HeatGrid::at(int column, int row) const
{
    if (column < 0 || column >= m_columns || row < 0 || row >= m_rows || m_peak <= 0.0)
        return 0.0f;
    return float(m_cells[std::size_t(row) * std::size_t(m_columns) + std::size_t(column)] / m_peak);
}

void HeatGrid::blurLines(int lines, int count, int lineStride, int stride)
{
    const int radius = int(m_kernel.size() / 2);
    m_line.resize(std::size_t(count));
    for (int line = 0; line < lines; ++line) {
        double *cells = m_cells.data() + std::size_t(line) * std::size_t(lineStride);
        std::fill(m_line.begin(), m_line.end(), 0.0);
        // Scatter each cell's weight over its neighbours, with the kernel's part that falls
        // inside the line scaled up to the whole weight.
        for (int i = 0; i < count; ++i) {
            const double v = cells[std::size_t(i) * std::size_t(stride)];
            if (v == 0.0)
                continue;
            const int from = std::max(i - radius, 0);
            const int to = std::min(i + radius, count - 1);
            double inside = 0.0;
            for (int j = from; j <= to; ++j)
                inside += m_kernel[std::size_t(j - i + radius)];
            for (int j = from; j <= to; ++j)
                m_line[std::size_t(j)] += v * m_kernel[std::size_t(j - i + radius)] / inside;
        }
        for (int i = 0; i < count; ++i)
            cells[std::size_t(i) * std::size_t(stride)] = m_line[std::size_t(i)];
    }
}

} // namespace vantage
