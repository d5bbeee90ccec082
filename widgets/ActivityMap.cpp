#include "widgets/ActivityMap.h"

#include "widgets/EqualEarthProjection.h"
#include "widgets/MapLegend.h"

#include <QApplication>
#include <QDateTime>
#include <QGeoRectangle>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vantage {

namespace {

// Pulse frames one setNow() allows: a whole pulse and a second to spare, then the next setNow()
// (1 Hz) or batch renews them.
constexpr int pulseTickBudget = int(MapLiveLayer::pulseMs / ActivityMap::pulseFrameMs) + 30;

qint64 systemClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

ActivityMap::ActivityMap(QWidget *parent)
    : QWidget(parent)
    , m_clock(systemClock)
    , m_pulseTimer(new QTimer(this))
{
    setAccessibleName(tr("Activity map"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    // The basemap pixmap is opaque and covers the widget.
    setAttribute(Qt::WA_OpaquePaintEvent, true);
    m_pulseTimer->setInterval(pulseFrameMs);
    connect(m_pulseTimer, &QTimer::timeout, this, &ActivityMap::tick);
    m_live.setFont(font());
    m_viewport.setSize(size());
}

void ActivityMap::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_basemap.setTheme(theme);
    m_live.setTheme(theme);
    prepareBasemap();
    update();
}

void ActivityMap::setMarkers(std::vector<MapMarker> markers, qint64 nowMs)
{
    m_live.setMarkers(std::move(markers), nowMs);
    setTimeBase(nowMs);
    updateAnimation();
    update();
}

void ActivityMap::setNow(qint64 nowMs)
{
    setTimeBase(nowMs);
    updateAnimation();
    update();
}

void ActivityMap::setUnknownCount(quint64 count)
{
    if (count == m_unknownCount)
        return;
    m_unknownCount = count;
    update();
}

void ActivityMap::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    update();
}

void ActivityMap::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock(systemClock);
}

void ActivityMap::fitToActivity()
{
    double west = 180.0;
    double east = -180.0;
    double south = 90.0;
    double north = -90.0;
    bool any = false;
    for (const MapMarker &marker : m_live.markers()) {
        if (!std::isfinite(marker.lon) || !std::isfinite(marker.lat))
            continue;
        if (!marker.session && marker.atMs + MapLiveLayer::fadeMs <= m_frameNowMs)
            continue;
        // The same wrap and clamp as the projection, so the box holds what is drawn.
        const double lon = std::clamp(std::remainder(marker.lon, 360.0), -180.0, 180.0);
        const double lat = std::clamp(marker.lat, -90.0, 90.0);
        west = std::min(west, lon);
        east = std::max(east, lon);
        south = std::min(south, lat);
        north = std::max(north, lat);
        any = true;
    }
    syncViewportSize();
    if (any)
        m_viewport.fit(QGeoRectangle(QGeoCoordinate(north, west), QGeoCoordinate(south, east)), fitMarginPx);
    else
        m_viewport.reset();
    viewChanged();
}

void ActivityMap::resetView()
{
    m_viewport.reset();
    viewChanged();
}

const MapViewport &ActivityMap::viewport() const
{
    syncViewportSize();
    return m_viewport;
}

QPointF ActivityMap::pixelOf(double lon, double lat) const
{
    return viewport().toPixel(EqualEarthProjection::project(lon, lat));
}

bool ActivityMap::isAnimating() const
{
    return m_pulseTimer->isActive();
}

QString ActivityMap::toolTipTextAt(QPointF pos)
{
    const MapSpot *spot = spotAt(pos);
    if (!spot)
        return QString();
    const MapMarker &marker = m_live.markers()[std::size_t(spot->marker)];
    QString headline;
    if (spot->session)
        headline = tr("%n active users", nullptr, spot->count);
    else if (spot->cluster())
        headline = tr("%n events", nullptr, spot->count);
    else
        return marker.label.isEmpty() ? marker.type : marker.label;
    return marker.label.isEmpty() ? headline : headline + u'\n' + marker.label;
}

QSize ActivityMap::sizeHint() const
{
    return {640, 360};
}

QSize ActivityMap::minimumSizeHint() const
{
    return {240, 140};
}

bool ActivityMap::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    const QString text = toolTipTextAt(help->pos());
    const MapSpot *spot = text.isEmpty() ? nullptr : spotAt(help->pos());
    if (!spot) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    // Labels come from the data: escaped into a plain paragraph, never read as markup. The tip
    // goes when the cursor leaves the spot.
    const QPointF reach(spot->radius, spot->radius);
    QToolTip::showText(help->globalPos(), Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal), this,
                       QRectF(spot->pixel - reach, spot->pixel + reach).toAlignedRect());
    return true;
}

void ActivityMap::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        m_live.setFont(font());
        update();
    }
    QWidget::changeEvent(event);
}

void ActivityMap::paintEvent(QPaintEvent *)
{
    syncViewportSize();
    QPainter painter(this);
    painter.drawPixmap(QPointF(), m_basemap.pixmap(m_viewport, devicePixelRatioF()));
    m_live.ensureLayout(m_viewport, m_frameNowMs);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    m_clustersDrawn = 0;
    m_dotsDrawn = 0;
    if (m_mode == Mode::Heat) {
        m_live.paintHeat(painter);
    } else {
        m_live.paintDots(painter, m_frameNowMs);
        for (const MapSpot &spot : m_live.spots())
            ++(spot.cluster() ? m_clustersDrawn : m_dotsDrawn);
    }
    m_live.paintPulses(painter, m_frameNowMs);

    const QRectF bounds(rect());
    if (m_live.liveMarkers() == 0)
        MapLegend::paintEmpty(painter, bounds, font(), m_theme);
    MapLegend::paint(painter, bounds, font(), m_theme, m_live, m_mode == Mode::Heat);
    MapLegend::paintUnknown(painter, bounds, font(), m_theme, m_unknownCount);
}

void ActivityMap::resizeEvent(QResizeEvent *event)
{
    m_viewport.setSize(size());
    m_live.invalidate();
    prepareBasemap();
    QWidget::resizeEvent(event);
}

void ActivityMap::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    prepareBasemap();
    updateAnimation();
}

void ActivityMap::prepareBasemap()
{
    // A hidden page's map is resized with the stack, but only a map on show is about to be painted.
    // Showing a window resizes it more than once: the posted call prepares the size it settles on.
    if (!isVisible() || m_basemapPreparing)
        return;
    m_basemapPreparing = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_basemapPreparing = false;
            if (isVisible()) {
                syncViewportSize();
                m_basemap.prepare(m_viewport, devicePixelRatioF());
            }
        },
        Qt::QueuedConnection);
}

void ActivityMap::hideEvent(QHideEvent *event)
{
    // Nobody sees the pulses; the next setNow() or batch after showing starts them again.
    m_pulseTimer->stop();
    QWidget::hideEvent(event);
}

void ActivityMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressPos = event->position();
    m_lastDragPos = event->position();
    m_dragging = false;
}

void ActivityMap::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_pressPos && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && (pos - *m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            panBy(pos - m_lastDragPos);
            m_lastDragPos = pos;
        }
        return;
    }
    if (spotAt(pos))
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
}

void ActivityMap::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressPos) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const bool click = !m_dragging;
    m_pressPos.reset();
    m_dragging = false;
    unsetCursor();
    if (!click)
        return;
    if (const MapSpot *spot = spotAt(event->position())) {
        const QString key = m_live.markers()[std::size_t(spot->marker)].placeKey;
        if (!key.isEmpty())
            Q_EMIT placeClicked(key);
    }
}

void ActivityMap::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    zoomAt(event->position(), keyZoomFactor);
}

void ActivityMap::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    // Fractions of a notch (touchpads) zoom by fractions of the factor.
    zoomAt(event->position(), std::pow(wheelNotchZoomFactor, delta / 120.0));
    event->accept();
}

void ActivityMap::keyPressEvent(QKeyEvent *event)
{
    // Shift may be needed to type '+'; other modifiers belong to the window's shortcuts.
    if ((event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) != Qt::NoModifier) {
        QWidget::keyPressEvent(event);
        return;
    }
    const QPointF middle(width() / 2.0, height() / 2.0);
    const double stepX = width() * arrowPanShare;
    const double stepY = height() * arrowPanShare;
    // An arrow looks that way: the map's content moves the other.
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAt(middle, keyZoomFactor); break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore: zoomAt(middle, 1.0 / keyZoomFactor); break;
    case Qt::Key_Left: panBy(QPointF(stepX, 0.0)); break;
    case Qt::Key_Right: panBy(QPointF(-stepX, 0.0)); break;
    case Qt::Key_Up: panBy(QPointF(0.0, stepY)); break;
    case Qt::Key_Down: panBy(QPointF(0.0, -stepY)); break;
    case Qt::Key_Home:
    case Qt::Key_0: resetView(); break;
    case Qt::Key_F: fitToActivity(); break;
    default: QWidget::keyPressEvent(event); return;
    }
}

void ActivityMap::syncViewportSize() const
{
    if (m_viewport.size() != QSizeF(size()))
        m_viewport.setSize(size());
}

const MapSpot *ActivityMap::spotAt(QPointF pos)
{
    syncViewportSize();
    m_live.ensureLayout(m_viewport, m_frameNowMs);
    return m_live.spotAt(pos);
}

void ActivityMap::viewChanged()
{
    m_live.invalidate();
    update();
}

void ActivityMap::zoomAt(QPointF pixel, double factor)
{
    syncViewportSize();
    m_viewport.zoomAt(pixel, factor);
    viewChanged();
}

void ActivityMap::panBy(QPointF pixelDelta)
{
    syncViewportSize();
    m_viewport.panBy(pixelDelta);
    viewChanged();
}

void ActivityMap::setTimeBase(qint64 nowMs)
{
    m_nowMs = nowMs;
    m_clockAtNowMs = m_clock();
    m_frameNowMs = nowMs;
    m_ticksLeft = pulseTickBudget;
}

void ActivityMap::tick()
{
    // The data's time moves on with the clock between setNow() calls; a clock stepping back
    // holds it still rather than running a pulse backwards.
    m_frameNowMs = m_nowMs + std::max<qint64>(m_clock() - m_clockAtNowMs, 0);
    --m_ticksLeft;
    update();
    updateAnimation();
}

void ActivityMap::updateAnimation()
{
    const bool pulsing = isVisible() && m_ticksLeft > 0 && m_frameNowMs < m_live.pulseUntilMs();
    if (pulsing && !m_pulseTimer->isActive())
        m_pulseTimer->start();
    else if (!pulsing)
        m_pulseTimer->stop();
}

} // namespace vantage
