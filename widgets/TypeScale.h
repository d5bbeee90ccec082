#pragma once

#include <QFont>

namespace vantage {

// The dashboard's type scale. Painted widgets design their fonts and geometry in pixels at a 13 px body
// font and scale them by the body font their window gives them, so a kiosk wall set to a larger body
// font grows every caption, padding and sparkline with it. The desk's application font is sized in
// points, which reads as scale 1: the desk looks exactly as designed.
namespace TypeScale {

constexpr int basePixelSize = 13;

// base.pixelSize() / basePixelSize when base is sized in pixels, else 1.
double of(const QFont &base);
// designPx at base's scale, rounded, at least 1.
int px(const QFont &base, int designPx);
// designPx at base's scale, unrounded: radii and margins of antialiased drawing.
double pxF(const QFont &base, double designPx);
// appFont at a pixel size of basePixelSize * scale (rounded, at least 1): a window's font.
QFont windowFont(const QFont &appFont, double scale);

} // namespace TypeScale

} // namespace vantage
