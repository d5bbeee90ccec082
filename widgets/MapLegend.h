#pragma once

#include "widgets/Theme.h"

#include <QRectF>
#include <QtGlobal>

class QFont;
class QPainter;

namespace vantage {

class MapLiveLayer;

// The activity map's captions, painted over the map: what the colours mean (bottom-left), how many
// events had no usable location (bottom-right) and the empty state. Text is plain and at least
// 12 px, to be read across a room. Sizes are design pixels, scaled by the font's TypeScale.
struct MapLegend
{
    static constexpr int textPixelSize = 13;
    static constexpr int captionPixelSize = 12;
    static constexpr double cornerMarginPx = 12.0;
    // A smaller map (the overview's) leaves the colours to the feed's type pills: the legend
    // would cover too much of it.
    static constexpr double minMapHeightPx = 360.0;
    // More types than this are summed up as "+N more".
    static constexpr int maxTypeRows = 6;

    // The event types present with their colours and "Active users" (dots), or the heat ramp;
    // nothing on a map lower than minMapHeightPx.
    static void paint(QPainter &painter, const QRectF &bounds, const QFont &font, const Theme &theme,
                      const MapLiveLayer &layer, bool heat);
    // "Location unknown: N", when N > 0.
    static void paintUnknown(QPainter &painter, const QRectF &bounds, const QFont &font, const Theme &theme,
                             quint64 unknown);
    static void paintEmpty(QPainter &painter, const QRectF &bounds, const QFont &font, const Theme &theme);
};

} // namespace vantage
