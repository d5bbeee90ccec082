#include "widgets/BasemapLayer.h"

#include "models/WorldShapes.h"
#include "widgets/EqualEarthProjection.h"

#include <QPainter>
#include <QPainterPath>

namespace vantage {

namespace {

// Degrees between graticule lines, and the step along a curved meridian or the outline's edge.
constexpr double graticuleStepDeg = 30.0;
constexpr double curveStepDeg = 2.0;

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// The basemap in projected units, built on first use and shared: WorldShapes is immutable, and
// projecting ~10,000 vertices once is all the trigonometry the land ever needs.
struct BasemapPaths
{
    // A path per country to fill: Qt's antialiased rasterizer fills 177 small paths in an eighth of
    // the time it takes for the one path of them all at 1920 x 1080.
    std::vector<QPainterPath> countries;
    QPainterPath borders; // all of them, stroked in one go
    QPainterPath outline;
    QPainterPath graticule;

    BasemapPaths()
    {
        for (const CountryShape &country : WorldShapes::bundled().countries()) {
            QPainterPath path;
            // Odd-even filling keeps holes open (Lesotho inside South Africa is its own country).
            path.setFillRule(Qt::OddEvenFill);
            for (const GeoPolygon &polygon : country.polygons) {
                for (const GeoRing &ring : polygon) {
                    if (ring.size() < 3)
                        continue;
                    path.moveTo(EqualEarthProjection::project(ring.front().x(), ring.front().y()));
                    for (std::size_t i = 1; i < ring.size(); ++i)
                        path.lineTo(EqualEarthProjection::project(ring[i].x(), ring[i].y()));
                    path.closeSubpath();
                }
            }
            borders.addPath(path);
            countries.push_back(std::move(path));
        }

        // East edge up, west edge down; the poles' flat lines close it.
        outline.moveTo(EqualEarthProjection::project(180.0, -90.0));
        for (double lat = -90.0 + curveStepDeg; lat <= 90.0; lat += curveStepDeg)
            outline.lineTo(EqualEarthProjection::project(180.0, lat));
        for (double lat = 90.0; lat >= -90.0; lat -= curveStepDeg)
            outline.lineTo(EqualEarthProjection::project(-180.0, lat));
        outline.closeSubpath();

        for (double lon = -180.0 + graticuleStepDeg; lon < 180.0; lon += graticuleStepDeg) {
            graticule.moveTo(EqualEarthProjection::project(lon, -90.0));
            for (double lat = -90.0 + curveStepDeg; lat <= 90.0; lat += curveStepDeg)
                graticule.lineTo(EqualEarthProjection::project(lon, lat));
        }
        // Parallels are straight in Equal Earth: y depends on latitude alone.
        for (double lat = -90.0 + graticuleStepDeg; lat < 90.0; lat += graticuleStepDeg) {
            graticule.moveTo(EqualEarthProjection::project(-180.0, lat));
            graticule.lineTo(EqualEarthProjection::project(180.0, lat));
        }
    }
};

const BasemapPaths &basemapPaths()
{
    static const BasemapPaths paths;
    return paths;
}

QPen cosmeticPen(const QColor &color, double width)
{
    QPen pen(color, width);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

} // namespace

BasemapColors BasemapColors::forTheme(const Theme &theme)
{
    BasemapColors c;
    c.background = theme.surface;
    if (theme.mode == Theme::Mode::Dark) {
        // Land a step lighter than the sea, borders a step lighter again: a quiet relief that
        // leaves the saturated colours to the live layer.
        c.ocean = theme.window;
        c.land = mix(theme.surfaceAlt, theme.border, 0.35);
        c.borders = mix(theme.border, theme.textMuted, 0.22);
        c.graticule = mix(theme.window, theme.border, 0.55);
        c.outline = theme.border;
    } else {
        // Pale grey land on an almost white sea with white borders, as printed atlases do.
        c.ocean = mix(theme.window, theme.surface, 0.2);
        c.land = mix(theme.surfaceAlt, theme.border, 0.55);
        c.borders = theme.surface;
        c.graticule = mix(c.ocean, theme.border, 0.6);
        c.outline = theme.border;
    }
    return c;
}

BasemapLayer::BasemapLayer()
    : m_colors(BasemapColors::forTheme(Theme::dark()))
{}

void BasemapLayer::preparePaths()
{
    basemapPaths();
}

void BasemapLayer::setTheme(const Theme &theme)
{
    m_colors = BasemapColors::forTheme(theme);
    m_valid = false;
}

const QPixmap &BasemapLayer::pixmap(const MapViewport &viewport, qreal devicePixelRatio)
{
    if (!m_valid || viewport.size() != m_size || viewport.zoom() != m_zoom || viewport.center() != m_center ||
        devicePixelRatio != m_devicePixelRatio)
        render(viewport, devicePixelRatio);
    return m_pixmap;
}

void BasemapLayer::render(const MapViewport &viewport, qreal devicePixelRatio)
{
    m_valid = true;
    m_size = viewport.size();
    m_zoom = viewport.zoom();
    m_center = viewport.center();
    m_devicePixelRatio = devicePixelRatio;
    ++m_renders;

    const QSize devicePixels = (m_size * devicePixelRatio).toSize();
    if (m_pixmap.size() != devicePixels)
        m_pixmap = QPixmap(devicePixels);
    if (m_pixmap.isNull())
        return;
    m_pixmap.setDevicePixelRatio(devicePixelRatio);
    // Opaque, so the widget copies it rather than blending it every frame.
    m_pixmap.fill(m_colors.background);

    const BasemapPaths &paths = basemapPaths();
    QPainter painter(&m_pixmap);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setTransform(viewport.projectedToPixel());
    painter.fillPath(paths.outline, m_colors.ocean);
    painter.strokePath(paths.graticule, cosmeticPen(m_colors.graticule, 1.0));
    for (const QPainterPath &country : paths.countries)
        painter.fillPath(country, m_colors.land);
    // Thinner than a pixel at the world view, where borders of small countries crowd together;
    // a full pixel once zoomed in.
    painter.strokePath(paths.borders, cosmeticPen(m_colors.borders, viewport.zoom() < 2.0 ? 0.6 : 1.0));
    painter.strokePath(paths.outline, cosmeticPen(m_colors.outline, 1.0));
}

} // namespace vantage
