#pragma once

#include "widgets/BasemapLayer.h"
#include "widgets/MapLiveLayer.h"
#include "widgets/MapMarker.h"
#include "widgets/MapViewport.h"
#include "widgets/Theme.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QTimer;

namespace vantage {

// The live activity map: countries on an Equal Earth projection, with events as dots in their
// type's colour that pulse when they arrive and fade over MapLiveLayer::fadeMs, active users'
// sessions as rings sized by their count, clusters where dots would crowd, and a heat mode.
// Drag pans, the wheel zooms at the cursor, a double-click zooms in; with focus, +/- zoom, the
// arrows pan, Home or 0 resets and F frames the activity. Clicking a dot or cluster names its
// place. Time comes only from setMarkers()/setNow() and, between those, from the clock while a
// pulse is animating, so a replay paints what its log time says.
class ActivityMap final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Dots, Heat };
    using Clock = std::function<qint64()>;

    // Repaint cadence while a pulse runs (about 30 Hz); the timer stops when none does.
    static constexpr int pulseFrameMs = 33;
    // Zoom per key press or double-click, and per notch of the wheel.
    static constexpr double keyZoomFactor = 1.5;
    static constexpr double wheelNotchZoomFactor = 1.41421356;
    // An arrow key pans by this share of the widget's width or height.
    static constexpr double arrowPanShare = 0.125;
    // Room fitToActivity() leaves around the markers for their discs and pulses.
    static constexpr double fitMarginPx = 48.0;

    explicit ActivityMap(QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    // The whole set to show, once per applied batch; nowMs is the data's time of that batch.
    void setMarkers(std::vector<MapMarker> markers, qint64 nowMs);
    // The data's time moved on (a 1 Hz tick): events age and fade.
    void setNow(qint64 nowMs);
    // Events that had no usable location, shown in a corner when not 0.
    void setUnknownCount(quint64 count);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Where pulse frames between setNow() calls take the elapsed time from; empty: the system clock.
    void setClock(Clock clock);

    // Frames the markers not yet faded out; resets when there are none.
    void fitToActivity();
    void resetView();
    const MapViewport &viewport() const;

    const std::vector<MapMarker> &markers() const { return m_live.markers(); }
    quint64 unknownCount() const { return m_unknownCount; }
    QPointF pixelOf(double lon, double lat) const;

    // What the last paint drew, for tests and tooltips: spots in drawing order (sessions, then
    // events oldest first), and how many were clusters and single dots (both 0 in heat mode).
    const std::vector<MapSpot> &spots() const { return m_live.spots(); }
    int clustersDrawn() const { return m_clustersDrawn; }
    int dotsDrawn() const { return m_dotsDrawn; }
    int basemapRenders() const { return m_basemap.renders(); }
    int basemapPreparedRenders() const { return m_basemap.preparedRenders(); }
    bool isAnimating() const;
    // The tooltip's plain text over pos; empty where there is no spot.
    QString toolTipTextAt(QPointF pos);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // A click on a dot or cluster: the placeKey of its heaviest, then newest, marker (never empty).
    void placeClicked(const QString &placeKey);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // A widget resized while hidden gets its resize event only when shown; the view follows size() now.
    void syncViewportSize() const;
    void prepareBasemap();
    const MapSpot *spotAt(QPointF pos);
    void viewChanged();
    void zoomAt(QPointF pixel, double factor);
    void panBy(QPointF pixelDelta);
    void setTimeBase(qint64 nowMs);
    void tick();
    void updateAnimation();

    Theme m_theme = Theme::dark();
    BasemapLayer m_basemap;
    bool m_basemapPreparing = false;
    MapLiveLayer m_live;
    mutable MapViewport m_viewport;
    Mode m_mode = Mode::Dots;
    quint64 m_unknownCount = 0;

    Clock m_clock;
    qint64 m_nowMs = 0;        // the data's time, as last set
    qint64 m_clockAtNowMs = 0; // the clock when it was set
    qint64 m_frameNowMs = 0;   // the time painted: m_nowMs plus the clock's time since, while pulsing
    int m_ticksLeft =
        0; // pulse frames allowed before the next setNow(): a stuck clock cannot animate forever
    QTimer *m_pulseTimer = nullptr;

    std::optional<QPointF> m_pressPos;
    QPointF m_lastDragPos;
    bool m_dragging = false;
    int m_clustersDrawn = 0;
    int m_dotsDrawn = 0;
};

} // namespace vantage
