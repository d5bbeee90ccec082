#pragma once

#include "widgets/MapViewport.h"
#include "widgets/Theme.h"

#include <QPixmap>
#include <QPointF>
#include <QSizeF>

namespace vantage {

// The colours the activity map's land layer is drawn in, derived from a theme so light and dark
// both read as a calm map. The live layer takes its halo colour from here too.
struct BasemapColors
{
    QColor background; // the widget outside the world's outline
    QColor ocean;
    QColor graticule;
    QColor land;
    QColor borders;
    QColor outline;

    static BasemapColors forTheme(const Theme &theme);
};

// The activity map's static layer: the countries of WorldShapes::bundled(), the world's outline
// and a graticule. They are projected once per process into paths in Equal Earth units; the layer
// paints them into a pixmap that is kept until the view (size, zoom, centre), the device pixel
// ratio or the theme changes. Live updates never re-render it.
class BasemapLayer
{
public:
    BasemapLayer();

    // Projects the shared paths now, if no layer has yet; safe from any thread. Startup does it in
    // the background, so the first map painted does not wait for it.
    static void preparePaths();

    void setTheme(const Theme &theme);
    const BasemapColors &colors() const { return m_colors; }

    // The layer for this view, re-rendered first when the view, the ratio or the theme differ
    // from the last render.
    const QPixmap &pixmap(const MapViewport &viewport, qreal devicePixelRatio);
    // How many times the pixmap was rendered: for tests and benchmarks of the cache.
    int renders() const { return m_renders; }

private:
    void render(const MapViewport &viewport, qreal devicePixelRatio);

    BasemapColors m_colors;
    QPixmap m_pixmap;
    bool m_valid = false;
    QSizeF m_size;
    double m_zoom = 0.0;
    QPointF m_center;
    qreal m_devicePixelRatio = 0.0;
    int m_renders = 0;
};

} // namespace vantage
