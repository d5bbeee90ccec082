#pragma once

#include <QPolygonF>
#include <QRectF>

#include <span>
#include <vector>

namespace vantage {

// Maps a series of values (oldest first) to points in a rectangle. Longer series are
// decimated to one column per pixel keeping each column's min and max, so a one-sample
// spike still reaches the top. NaN values are gaps: each finite run is its own polyline.
struct SparklineScale
{
    QRectF rect;
    double minValue = 0.0;
    double maxValue = 0.0;
    bool valid = false; // false when the series has no finite value

    // Fits the value range of values (finite ones only). includeZero pins the baseline at 0
    // for counts, so that a flat non-zero series does not look empty.
    static SparklineScale fit(std::span<const double> values, const QRectF &rect, bool includeZero = false);

    // y for a value: maxValue at the top, minValue at the bottom; a flat range sits mid-height.
    double yFor(double value) const;
    // x for sample index i of n: first at the left edge, last at the right; a lone sample at the right.
    double xFor(qsizetype index, qsizetype count) const;
    // Polylines, one per run of finite values, with at most two points per pixel column.
    std::vector<QPolygonF> polylines(std::span<const double> values) const;
};

} // namespace vantage
