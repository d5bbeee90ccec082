#include "widgets/MapViewport.h"

#include "widgets/EqualEarthProjection.h"

#include <QRectF>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace vantage {

namespace {

// Keeps the world within the widget on an axis: view and world are half-extents about 0.
double clampAxis(double center, double viewHalf, double worldHalf)
{
    if (!std::isfinite(center) || viewHalf >= worldHalf)
        return 0.0;
    return std::clamp(center, viewHalf - worldHalf, worldHalf - viewHalf);
}

// Projected x per degree of longitude at a latitude (meridians bend in toward the poles).
double xPerDegree(double latDeg)
{
    return EqualEarthProjection::project(180.0, latDeg).x() / 180.0;
}

} // namespace

MapViewport::MapViewport(QSizeF size)
    : m_size(size)
{}

void MapViewport::setSize(QSizeF size)
{
    m_size = size;
    clampCenter();
}

void MapViewport::setZoom(double zoom)
{
    if (!std::isfinite(zoom))
        return;
    m_zoom = std::clamp(zoom, minZoom, maxZoom);
    clampCenter();
}

void MapViewport::setCenter(QPointF projected)
{
    m_center = projected;
    clampCenter();
}

double MapViewport::scale() const
{
    return baseScale() * m_zoom;
}

QPointF MapViewport::toPixel(QPointF projected) const
{
    const double s = scale();
    return {m_size.width() / 2.0 + (projected.x() - m_center.x()) * s,
            m_size.height() / 2.0 - (projected.y() - m_center.y()) * s};
}

QPointF MapViewport::toPixel(const QGeoCoordinate &coordinate) const
{
    return toPixel(EqualEarthProjection::project(coordinate.longitude(), coordinate.latitude()));
}

QPointF MapViewport::toProjected(QPointF pixel) const
{
    const double s = scale();
    return {m_center.x() + (pixel.x() - m_size.width() / 2.0) / s,
            m_center.y() - (pixel.y() - m_size.height() / 2.0) / s};
}

std::optional<QGeoCoordinate> MapViewport::toCoordinate(QPointF pixel) const
{
    return EqualEarthProjection::unproject(toProjected(pixel));
}

QTransform MapViewport::projectedToPixel() const
{
    const double s = scale();
    return QTransform(s, 0.0, 0.0, -s, m_size.width() / 2.0 - m_center.x() * s,
                      m_size.height() / 2.0 + m_center.y() * s);
}

QGeoRectangle MapViewport::visibleBounds() const
{
    if (m_size.isEmpty())
        return QGeoRectangle();
    const QRectF view =
        QRectF(toProjected(QPointF(0.0, m_size.height())), toProjected(QPointF(m_size.width(), 0.0)))
            .intersected(EqualEarthProjection::worldBounds());
    if (view.isEmpty())
        return QGeoRectangle();

    // y depends on latitude alone, so the view's bottom and top edges give it exactly.
    const double south = EqualEarthProjection::unproject(QPointF(0.0, view.top()))->latitude();
    const double north = EqualEarthProjection::unproject(QPointF(0.0, view.bottom()))->latitude();
    // Longitude is x / xPerDegree(lat); its extremes come where xPerDegree is extreme: at the
    // latitude nearest the equator or at one of the ends.
    double west = 180.0;
    double east = -180.0;
    for (double lat : {south, north, std::clamp(0.0, south, north)}) {
        west = std::min(west, view.left() / xPerDegree(lat));
        east = std::max(east, view.right() / xPerDegree(lat));
    }
    // A hair of padding, so a place on the widget's very edge is not lost to rounding.
    constexpr double pad = 1e-9;
    return QGeoRectangle(QGeoCoordinate(std::min(north + pad, 90.0), std::clamp(west - pad, -180.0, 180.0)),
                         QGeoCoordinate(std::max(south - pad, -90.0), std::clamp(east + pad, -180.0, 180.0)));
}

void MapViewport::zoomAt(QPointF pixel, double factor)
{
    if (!std::isfinite(factor) || !(factor > 0.0))
        return;
    const QPointF anchor = toProjected(pixel);
    m_zoom = std::clamp(m_zoom * factor, minZoom, maxZoom);
    const double s = scale();
    m_center = QPointF(anchor.x() - (pixel.x() - m_size.width() / 2.0) / s,
                       anchor.y() + (pixel.y() - m_size.height() / 2.0) / s);
    clampCenter();
}

void MapViewport::panBy(QPointF pixelDelta)
{
    const double s = scale();
    m_center += QPointF(-pixelDelta.x() / s, pixelDelta.y() / s);
    clampCenter();
}

void MapViewport::fit(const QGeoRectangle &area, double marginPx)
{
    if (!area.isValid()) {
        reset();
        return;
    }
    const double north = area.topLeft().latitude();
    const double south = area.bottomRight().latitude();
    double west = area.topLeft().longitude();
    double east = area.bottomRight().longitude();
    if (west > east) {
        west = -180.0;
        east = 180.0;
    }
    // The projected box of a lat/lon box: x = lon * xPerDegree(lat), whose extremes lie at the
    // latitude nearest the equator or at the ends; y depends on latitude alone.
    double left = std::numeric_limits<double>::infinity();
    double right = -left;
    for (double lat : {south, north, std::clamp(0.0, south, north)}) {
        for (double lon : {west, east}) {
            const double x = EqualEarthProjection::project(lon, lat).x();
            left = std::min(left, x);
            right = std::max(right, x);
        }
    }
    const double bottom = EqualEarthProjection::project(0.0, south).y();
    const double top = EqualEarthProjection::project(0.0, north).y();

    const double margin = std::max(marginPx, 0.0);
    const double roomX = std::max(m_size.width() - 2.0 * margin, 1.0);
    const double roomY = std::max(m_size.height() - 2.0 * margin, 1.0);
    // A zero-size box gives an infinite scale, which the zoom limit then catches.
    const double fitScale = std::min(roomX / (right - left), roomY / (top - bottom));
    m_zoom = std::clamp(fitScale / baseScale(), minZoom, maxFitZoom);
    m_center = QPointF((left + right) / 2.0, (bottom + top) / 2.0);
    clampCenter();
}

void MapViewport::reset()
{
    m_zoom = minZoom;
    m_center = QPointF();
}

double MapViewport::baseScale() const
{
    // At least a pixel of room, so a widget not yet laid out still has a usable scale.
    const QRectF world = EqualEarthProjection::worldBounds();
    const double roomX = std::max(m_size.width() - 2.0 * worldMarginPx, 1.0);
    const double roomY = std::max(m_size.height() - 2.0 * worldMarginPx, 1.0);
    return std::min(roomX / world.width(), roomY / world.height());
}

void MapViewport::clampCenter()
{
    const QRectF world = EqualEarthProjection::worldBounds();
    const double s = scale();
    m_center = QPointF(clampAxis(m_center.x(), m_size.width() / 2.0 / s, world.width() / 2.0),
                       clampAxis(m_center.y(), m_size.height() / 2.0 / s, world.height() / 2.0));
}

} // namespace vantage
