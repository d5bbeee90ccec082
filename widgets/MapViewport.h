#pragma once

#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QPointF>
#include <QSizeF>
#include <QTransform>

#include <optional>

namespace vantage {

// Where the activity map's world sits in its widget: Equal Earth projected units (x east, y
// north) to widget pixels (x right, y down) and back, with zoom and pan. One scale on both axes,
// so the map is never stretched. At zoom 1 the whole world fits, centred, worldMarginPx from the
// nearer pair of edges; zoom multiplies that scale.
class MapViewport
{
public:
    static constexpr double minZoom = 1.0;
    static constexpr double maxZoom = 64.0;
    // fit() stops here, so one event or a city-sized cluster still shows its surroundings.
    static constexpr double maxFitZoom = 16.0;
    static constexpr double worldMarginPx = 16.0;

    MapViewport() = default;
    explicit MapViewport(QSizeF size);

    QSizeF size() const { return m_size; }
    // Keeps zoom and centre (re-clamped), so a resize keeps the same place in the middle.
    void setSize(QSizeF size);

    double zoom() const { return m_zoom; }
    // Clamped to [minZoom, maxZoom]; keeps the centre (re-clamped). Non-finite values are ignored.
    void setZoom(double zoom);

    // The projected point at the widget's centre. The world cannot be panned off-screen: on an
    // axis where the world is smaller than the widget it is centred; where it is larger, the
    // centre is clamped so the world's bounding box still covers the widget on that axis (no
    // empty band past an edge of the world's box).
    QPointF center() const { return m_center; }
    void setCenter(QPointF projected);

    // Pixels per projected unit.
    double scale() const;

    QPointF toPixel(QPointF projected) const;
    // An invalid coordinate gives a non-finite pixel.
    QPointF toPixel(const QGeoCoordinate &coordinate) const;
    QPointF toProjected(QPointF pixel) const;
    // nullopt where the pixel is off the world (outside the Equal Earth outline).
    std::optional<QGeoCoordinate> toCoordinate(QPointF pixel) const;
    // The same mapping as toPixel(QPointF), so a path cached in projected units paints with one
    // transform (mind that it scales pens too: use a cosmetic pen).
    QTransform projectedToPixel() const;

    // The latitude/longitude box around everything on screen: exact in latitude; in longitude it
    // spans the visible edges at the latitude where meridians bend out most, so it may hold some
    // off-screen places near the corners but never misses a visible one (good for culling). It
    // never crosses the antimeridian. Invalid when the widget has no area.
    QGeoRectangle visibleBounds() const;

    // Multiplies zoom by factor (the result clamped) keeping the place under pixel under it;
    // only the centre clamp can move it, when zooming out near the world's edge. A factor that is
    // not finite and positive is ignored.
    void zoomAt(QPointF pixel, double factor);
    // Moves the map's content by pixelDelta, as a drag does (then clamps the centre).
    void panBy(QPointF pixelDelta);
    // Zooms and centres on area with marginPx (negative counts as 0) around it, at most
    // maxFitZoom and at least minZoom. An area crossing the antimeridian is fitted as the whole
    // width of the world, since its two halves sit at opposite edges of the map. An invalid area
    // resets.
    void fit(const QGeoRectangle &area, double marginPx);
    // Zoom 1, the world centred.
    void reset();

private:
    double baseScale() const;
    void clampCenter();

    QSizeF m_size;
    double m_zoom = minZoom;
    QPointF m_center;
};

} // namespace vantage
