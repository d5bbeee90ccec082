#pragma once

#include "widgets/MapPoint.h"

#include <QRectF>
#include <QSizeF>

#include <span>
#include <vector>

namespace vantage {

// The activity map's heat mode: points' weights summed into coarse square cells over the widget,
// blurred, and read back as intensities 0..1 relative to the hottest cell. The blur is a
// binomial kernel (radius 1: 1 2 1; radius 2: 1 4 6 4 1; ...), a small Gaussian, run along rows
// and then columns. At the grid's edges each cell's kernel is renormalised over the cells that
// exist, so no weight leaks off the edge and the blurred total equals the points' total weight.
// Buffers are kept between builds.
class HeatGrid
{
public:
    static constexpr double minCellPx = 1.0;
    static constexpr int maxBlurRadius = 8;

    HeatGrid() = default;

    // Cells of cellPx (at least minCellPx; NaN counts as that too) from the widget's top-left:
    // ceil(width / cellPx) columns, the last maybe partly outside the widget. Points outside
    // [0, width] x [0, height], or not finite, are left out; weights below 1 count as 1.
    // blurRadius is in cells, clamped to [0, maxBlurRadius].
    void build(std::span<const MapPoint> points, QSizeF size, double cellPx, int blurRadius = 1);

    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    double cellPx() const { return m_cellPx; }
    QRectF cellRect(int column, int row) const;

    // The blurred weight in a cell over max(): 1 in the hottest cell; 0 outside the grid and
    // everywhere when no point landed.
    float at(int column, int row) const;
    // The blurred weight in the hottest cell, which at() == 1 stands for (for a legend); 0 when
    // no point landed.
    float max() const { return float(m_peak); }
    // The blurred weight over all cells: the total weight of the points that landed.
    double mass() const { return m_mass; }

private:
    // One pass of the blur over lines of `count` cells `stride` apart, lines `lineStride` apart.
    void blurLines(int lines, int count, int lineStride, int stride);

    int m_columns = 0;
    int m_rows = 0;
    double m_cellPx = minCellPx;
    double m_peak = 0.0;
    double m_mass = 0.0;
    std::vector<double> m_cells;
    std::vector<double> m_line;
    std::vector<double> m_kernel;
};

} // namespace vantage
