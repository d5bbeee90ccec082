#pragma once

#include <QList>
#include <QPointF>

#include <span>

namespace vantage {

// Reduces a series to what `columns` pixel columns can show: for each column of the x range
// [xMin, xMax], the points with the smallest and the largest y, in x order, so spikes survive
// and a chart is handed at most 2 × columns + 2 points whatever the range holds. The nearest
// point outside the range on either side is kept, so lines run to the edges. `points` are in x
// order; points whose y is NaN are gaps and are left out. Fewer points than that are returned
// as they are.
QList<QPointF> decimateMinMax(std::span<const QPointF> points, double xMin, double xMax, int columns);

} // namespace vantage
