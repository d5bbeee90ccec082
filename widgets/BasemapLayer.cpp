#include "widgets/BasemapLayer.h"

#include "models/WorldShapes.h"
#include "widgets/EqualEarthProjection.h"
#include "widgets/WorkerPool.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QThreadPool>

#include <atomic>
#include <future>

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

    struct Empty
    {};
    explicit BasemapPaths(Empty) {}

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

QPainterPath deepCopy(const QPainterPath &path)
{
    QPainterPath copy;
    copy.addPath(path);
    copy.setFillRule(path.fillRule());
    return copy;
}

// Painting a QPainterPath fills caches inside it, so two threads must not paint the same one: each
// thread that draws the basemap (the GUI thread, the pool's) paints its own copy of the shared
// paths, which are only ever read.
const BasemapPaths &threadsBasemapPaths()
{
    thread_local const BasemapPaths paths = [] {
        const BasemapPaths &shared = basemapPaths();
        BasemapPaths copy(BasemapPaths::Empty{});
        for (const QPainterPath &country : shared.countries)
            copy.countries.push_back(deepCopy(country));
        copy.borders = deepCopy(shared.borders);
        copy.outline = deepCopy(shared.outline);
        copy.graticule = deepCopy(shared.graticule);
        return copy;
    }();
    return paths;
}

QPen cosmeticPen(const QColor &color, double width)
{
    QPen pen(color, width);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

QImage renderImage(const BasemapColors &colors, const MapViewport &viewport, qreal devicePixelRatio)
{
    // Opaque, so the widget copies it rather than blending it every frame.
    QImage image((viewport.size() * devicePixelRatio).toSize(), QImage::Format_RGB32);
    if (image.isNull())
        return image;
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(colors.background);

    const BasemapPaths &paths = threadsBasemapPaths();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setTransform(viewport.projectedToPixel());
    painter.fillPath(paths.outline, colors.ocean);
    painter.strokePath(paths.graticule, cosmeticPen(colors.graticule, 1.0));
    for (const QPainterPath &country : paths.countries)
        painter.fillPath(country, colors.land);
    // Thinner than a pixel at the world view, where borders of small countries crowd together;
    // a full pixel once zoomed in.
    painter.strokePath(paths.borders, cosmeticPen(colors.borders, viewport.zoom() < 2.0 ? 0.6 : 1.0));
    painter.strokePath(paths.outline, cosmeticPen(colors.outline, 1.0));
    return image;
}

} // namespace

// A render handed to the thread pool. Whoever claims it first draws it: the pool's thread, or the
// GUI thread when it needs the layer before the pool has started the job (the pool may be busy
// with longer work), so the GUI thread never waits for a job that has not begun.
struct BasemapLayer::Job
{
    View view;
    BasemapColors colors;
    MapViewport viewport;
    std::atomic<bool> claimed{false};
    std::promise<QImage> promise;
    std::future<QImage> image = promise.get_future();
};

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
    m_job.reset();
}

BasemapLayer::View BasemapLayer::viewOf(const MapViewport &viewport, qreal devicePixelRatio)
{
    return {viewport.size(), viewport.zoom(), viewport.center(), devicePixelRatio};
}

void BasemapLayer::prepare(const MapViewport &viewport, qreal devicePixelRatio)
{
    const View view = viewOf(viewport, devicePixelRatio);
    if (view.size.isEmpty() || (m_valid && view == m_view) || (m_job && m_job->view == view))
        return;
    m_job = std::make_shared<Job>();
    m_job->view = view;
    m_job->colors = m_colors;
    m_job->viewport = viewport;
    workerPool()->start([job = m_job] {
        if (!job->claimed.exchange(true))
            job->promise.set_value(renderImage(job->colors, job->viewport, job->view.devicePixelRatio));
    });
}

const QPixmap &BasemapLayer::pixmap(const MapViewport &viewport, qreal devicePixelRatio)
{
    const View view = viewOf(viewport, devicePixelRatio);
    if (m_valid && view == m_view)
        return m_pixmap;
    QImage image;
    if (m_job && m_job->view == view && m_job->claimed.exchange(true)) {
        image = m_job->image.get();
        ++m_preparedRenders;
    } else {
        image = renderImage(m_colors, viewport, devicePixelRatio);
    }
    m_job.reset();
    m_pixmap = QPixmap::fromImage(std::move(image));
    m_view = view;
    m_valid = true;
    ++m_renders;
    return m_pixmap;
}

} // namespace vantage
