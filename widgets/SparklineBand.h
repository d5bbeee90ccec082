#pragma once

#include <QPolygonF>

namespace vantage {

// A sparkline's line as the one polygon a round pen would ink, to fill instead of stroking. A
// health card's history is hundreds of points a pixel or so apart; the stroker joins every tiny
// segment with an arc and the rasteriser then fills the heavily overlapping outline: 0.5 to 3 ms a
// card, each time its history moves, several times a frame in a busy stream. The band is each
// point's disc and each segment's body merged into a top and a bottom edge, for a fraction of that
// (bench/sparkline_bench). Overlaps are inked once, where the stroke inks their shared edge pixels
// up to 10 % darker.
namespace SparklineBand {

// `line`'s points in x order (points sharing an x, as a decimated column's, in any order);
// `lineWidth` the pen's. Empty for an empty line.
QPolygonF outline(const QPolygonF &line, double lineWidth);

} // namespace SparklineBand

} // namespace vantage
