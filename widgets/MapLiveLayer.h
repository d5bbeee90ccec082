#pragma once

#include "widgets/MapCluster.h"
#include "widgets/MapHeatOverlay.h"
#include "widgets/MapMarker.h"
#include "widgets/MapPoint.h"
#include "widgets/MapSprites.h"
#include "widgets/MapViewport.h"
#include "widgets/PointClusterer.h"
#include "widgets/Theme.h"

#include <QBrush>
#include <QFont>
#include <QPen>
#include <QStaticText>

#include <array>
#include <limits>
#include <span>
#include <vector>

class QPainter;

namespace vantage {

// A dot or a cluster of the activity map as laid out for painting, in widget pixels.
struct MapSpot
{
    QPointF pixel;
    double radius = 0.0; // as drawn, without a pulse's ring; also what a click hits
    int count = 0;       // the members' weights summed: events, or users for sessions
    int members = 0;     // how many markers it stands for
    int marker = -1;     // the heaviest member, then the newest: the one a click or tooltip names
    qint64 newestMs = 0; // the newest member's atMs
    int category = 0;    // events: index into MapLiveLayer::types() (the dominant one for a cluster)
    bool session = false;
    // A cluster's share of each type, drawn as its ring: MapLiveLayer::segments() from here.
    int firstSegment = 0;
    int segments = 0;

    bool cluster() const { return members > 1; }
};

// The activity map's live layer: the markers projected once per batch, laid out (culled, clustered,
// optionally binned into a heat grid) once per batch or view change, and painted every frame from
// that layout with the time of the frame. Paint allocates nothing per point.
class MapLiveLayer
{
public:
    // A new event draws a ring that grows and fades for this long.
    static constexpr qint64 pulseMs = 1500;
    // An event fades out over this age and then leaves the map (the feed still has it).
    static constexpr qint64 fadeMs = 5 * 60 * 1000;
    // Markers closer than about this are drawn as one cluster (PointClusterer's cell), at type scale 1.
    static constexpr double clusterCellPx = 28.0;

    MapLiveLayer();

    void setTheme(const Theme &theme);
    // The font counts are written in; its pixel size and weight are the layer's own, at the font's
    // type scale (TypeScale), which sizes the dots, clusters, rings and pulses alike.
    void setFont(const QFont &font);
    void setMarkers(std::vector<MapMarker> markers, qint64 nowMs);

    const std::vector<MapMarker> &markers() const { return m_markers; }
    // The event types present, sorted: the categories of MapSpot and the legend's rows.
    const std::vector<QString> &types() const { return m_types; }
    QColor typeColor(int category) const;
    bool hasSessions() const { return m_hasSessions; }
    // When the last pulse ends; pulses of events stamped in the future start at the batch's now.
    qint64 pulseUntilMs() const { return m_pulseUntilMs; }

    // The view moved or resized: the next ensureLayout() lays out again.
    void invalidate() { m_valid = false; }
    // Lays out for the view unless the layout is current; events fading out by nowMs make it stale.
    void ensureLayout(const MapViewport &viewport, qint64 nowMs);
    const std::vector<MapSpot> &spots() const { return m_spots; }
    struct Segment
    {
        int category = 0;
        int weight = 0;
    };
    std::span<const Segment> segments(const MapSpot &spot) const;
    // Markers not yet faded out, on screen or off it.
    int liveMarkers() const { return m_liveMarkers; }
    // The topmost spot whose disc (with a little slack for a finger or a shaky hand) holds pixel.
    const MapSpot *spotAt(QPointF pixel) const;

    // How sessions are drawn, for the legend's swatch.
    QPen sessionPen() const;
    QBrush sessionBrush() const;
    // The heat ramp from nothing (0) to the hottest cell (255), premultiplied.
    const std::array<QRgb, 256> &heatRamp() const { return m_heat.ramp(); }

    // Painting fills the sprite and heat caches as it goes.
    void paintDots(QPainter &painter, qint64 nowMs);
    void paintHeat(QPainter &painter);
    void paintPulses(QPainter &painter, qint64 nowMs);

    // 1 for a new event, falling to 0 at fadeMs.
    static double eventAlpha(qint64 ageMs);

private:
    void collectPoints(const MapViewport &viewport, qint64 nowMs);
    void paintCluster(QPainter &painter, const MapSpot &spot, double alpha);
    void addSpots(const std::vector<MapCluster> &clusters, const PointClusterer &clusterer, bool session);
    QColor sessionInk() const;

    Theme m_theme;
    QColor m_halo;
    QFont m_countFont;
    double m_scale = 1.0;
    std::vector<MapMarker> m_markers;
    std::vector<QPointF> m_projected;
    std::vector<int> m_categories;
    std::vector<QString> m_types;
    std::vector<QColor> m_typeColors;
    bool m_hasSessions = false;
    qint64 m_pulseUntilMs = std::numeric_limits<qint64>::min();

    bool m_valid = false;
    qint64 m_nextExpiryMs = std::numeric_limits<qint64>::max();
    int m_liveMarkers = 0;
    QSizeF m_size;
    std::vector<MapPoint> m_eventPoints;
    std::vector<MapPoint> m_sessionPoints;
    std::vector<MapPoint> m_heatPoints;
    PointClusterer m_eventClusterer;
    PointClusterer m_sessionClusterer;
    std::vector<MapSpot> m_spots;
    std::vector<Segment> m_segments;
    std::vector<int> m_categoryWeights;    // per type, while a cluster's segments are summed
    std::vector<QStaticText> m_countTexts; // per spot; empty where no count is written

    MapSprites m_sprites;
    bool m_heatValid = false;
    MapHeatOverlay m_heat;
};

} // namespace vantage
