#pragma once

#include "widgets/MapViewport.h"
#include "widgets/Theme.h"

#include <QPixmap>
#include <QPointF>
#include <QSizeF>

#include <memory>

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

    // Starts rendering the layer for this view on workerPool(). A map shown or resized is laid
    // out some milliseconds before it is painted; meanwhile the other core draws the land.
    void prepare(const MapViewport &viewport, qreal devicePixelRatio);
    // The layer for this view. When it differs from the last render, the prepared image is taken
    // if it is for this view (waiting for it if a thread is drawing it), else it is drawn here.
    const QPixmap &pixmap(const MapViewport &viewport, qreal devicePixelRatio);
    // How many times a layer was taken for a new view: for tests and benchmarks of the cache.
    int renders() const { return m_renders; }
    // How many of those were drawn on workerPool().
    int preparedRenders() const { return m_preparedRenders; }

private:
    struct View
    {
        QSizeF size;
        double zoom = 0.0;
        QPointF center;
        qreal devicePixelRatio = 0.0;

        bool operator==(const View &) const = default;
    };
    struct Job;

    static View viewOf(const MapViewport &viewport, qreal devicePixelRatio);

    BasemapColors m_colors;
    QPixmap m_pixmap;
    bool m_valid = false;
    View m_view;
    std::shared_ptr<Job> m_job; // the prepared render, while it is for a view not yet shown
    int m_renders = 0;
    int m_preparedRenders = 0;
};

} // namespace vantage
