#include "widgets/MapLiveLayer.h"

#include "widgets/BasemapLayer.h"
#include "widgets/EqualEarthProjection.h"
#include "widgets/TypeScale.h"

#include <QHash>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace vantage {

namespace {

// Sizes are at type scale 1; the layer multiplies them by its font's (setFont).
constexpr double eventDotRadius = 4.5;
// Clusters and session rings grow with the square root of their count, so area tracks the count.
constexpr double clusterBaseRadius = 10.0;
constexpr double clusterRadiusPerRoot = 0.9;
constexpr double maxClusterRadius = 18.0;
// A cluster is a calm disc with its count, ringed by its types' shares in their colours.
constexpr double clusterRingWidth = 3.5;
constexpr double sessionBaseRadius = 5.0;
constexpr double sessionRadiusPerRoot = 2.6;
constexpr double maxSessionRadius = 32.0;
// How far beyond a spot's disc the pulse's ring grows, how thick and how strong it starts.
constexpr double pulseReachPx = 20.0;
constexpr double pulseWidth = 2.0;
constexpr double pulseAlpha = 0.9;
// Opaque enough to read the count over any land or dots underneath.
constexpr double clusterDiscAlpha = 0.92;
// Slack around a spot that still counts as on it.
constexpr double hitSlackPx = 3.0;
// Markers this far off-screen are still laid out, so a cluster on the edge does not jump.
constexpr double cullMarginPx = MapLiveLayer::clusterCellPx * 2;
// A faded cluster's ring stays this opaque at least, so the place stays readable.
constexpr double minClusterAlpha = 0.45;
constexpr int countPixelSize = 12;

QColor withAlpha(QColor color, double alpha)
{
    color.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)) * color.alphaF());
    return color;
}

double spotRadius(int count, int members, bool session)
{
    const double root = std::sqrt(double(std::max(count, 1)));
    if (session)
        return std::min(sessionBaseRadius + sessionRadiusPerRoot * root, maxSessionRadius);
    if (members <= 1)
        return eventDotRadius;
    return std::min(clusterBaseRadius + clusterRadiusPerRoot * root, maxClusterRadius);
}

QString countText(int count)
{
    if (count < 1000)
        return QString::number(count);
    if (count < 10000)
        return QString::number(count / 1000.0, 'f', 1) + u'k';
    return QString::number(count / 1000) + u'k';
}

// a blended toward b by t, opaque.
QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

bool finite(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

} // namespace

MapLiveLayer::MapLiveLayer()
{
    setTheme(Theme::dark());
    setFont(QFont());
}

void MapLiveLayer::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_halo = BasemapColors::forTheme(theme).ocean;
    m_typeColors.clear();
    for (const QString &type : m_types)
        m_typeColors.push_back(theme.eventTypeColor(type));
    m_heat.setTheme(theme);
    m_heatValid = false;
    m_sprites.clear();
}

void MapLiveLayer::setFont(const QFont &font)
{
    m_scale = TypeScale::of(font);
    m_countFont = font;
    m_countFont.setPixelSize(TypeScale::px(font, countPixelSize));
    m_countFont.setWeight(QFont::DemiBold);
    m_valid = false;
}

QColor MapLiveLayer::typeColor(int category) const
{
    if (category < 0 || std::size_t(category) >= m_typeColors.size())
        return m_theme.textMuted;
    return m_typeColors[std::size_t(category)];
}

void MapLiveLayer::setMarkers(std::vector<MapMarker> markers, qint64 nowMs)
{
    m_markers = std::move(markers);
    const std::size_t n = m_markers.size();
    m_projected.resize(n);
    m_categories.resize(n);
    m_types.clear();
    m_hasSessions = false;
    m_pulseUntilMs = std::numeric_limits<qint64>::min();

    // Categories in order of first appearance first; a batch mostly repeats the type before.
    QHash<QString, int> typeIndex;
    const QString *lastType = nullptr;
    int lastCategory = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const MapMarker &marker = m_markers[i];
        m_projected[i] = EqualEarthProjection::project(marker.lon, marker.lat);
        if (marker.session) {
            m_categories[i] = 0;
            m_hasSessions = true;
            continue;
        }
        if (!lastType || *lastType != marker.type) {
            const auto it = typeIndex.constFind(marker.type);
            if (it != typeIndex.constEnd()) {
                lastCategory = it.value();
            } else {
                lastCategory = int(m_types.size());
                typeIndex.insert(marker.type, lastCategory);
                m_types.push_back(marker.type);
            }
            lastType = &marker.type;
        }
        m_categories[i] = lastCategory;
        m_pulseUntilMs = std::max(m_pulseUntilMs, std::min(marker.atMs, nowMs) + pulseMs);
    }

    // Sorted, so the legend and a cluster's colour on a tie do not depend on arrival order.
    std::vector<int> order(m_types.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::sort(order.begin(), order.end(),
              [this](int a, int b) { return m_types[std::size_t(a)] < m_types[std::size_t(b)]; });
    std::vector<int> rank(order.size());
    std::vector<QString> sorted;
    sorted.reserve(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[std::size_t(order[r])] = int(r);
        sorted.push_back(m_types[std::size_t(order[r])]);
    }
    m_types = std::move(sorted);
    for (std::size_t i = 0; i < n; ++i) {
        if (!m_markers[i].session)
            m_categories[i] = rank[std::size_t(m_categories[i])];
    }
    m_typeColors.clear();
    for (const QString &type : m_types)
        m_typeColors.push_back(m_theme.eventTypeColor(type));
    m_valid = false;
}

void MapLiveLayer::ensureLayout(const MapViewport &viewport, qint64 nowMs)
{
    if (m_valid && viewport.size() == m_size && nowMs < m_nextExpiryMs)
        return;
    m_valid = true;
    m_heatValid = false;
    m_size = viewport.size();
    collectPoints(viewport, nowMs);

    m_spots.clear();
    m_segments.clear();
    const double cell = clusterCellPx * m_scale;
    addSpots(m_sessionClusterer.cluster(m_sessionPoints, cell), m_sessionClusterer, true);
    const auto firstEvent = std::ptrdiff_t(m_spots.size());
    addSpots(m_eventClusterer.cluster(m_eventPoints, cell), m_eventClusterer, false);
    // Sessions underneath; events oldest first, so the newest is drawn on top.
    std::stable_sort(m_spots.begin() + firstEvent, m_spots.end(),
                     [](const MapSpot &a, const MapSpot &b) { return a.newestMs < b.newestMs; });

    m_countTexts.resize(m_spots.size());
    for (std::size_t i = 0; i < m_spots.size(); ++i) {
        const MapSpot &spot = m_spots[i];
        if (spot.session || !spot.cluster()) {
            m_countTexts[i] = QStaticText();
            continue;
        }
        // Prepared once per layout; the frames of a pulse only draw the glyphs.
        QStaticText text(countText(spot.count));
        text.setTextFormat(Qt::PlainText);
        text.prepare(QTransform(), m_countFont);
        m_countTexts[i] = std::move(text);
    }
}

void MapLiveLayer::collectPoints(const MapViewport &viewport, qint64 nowMs)
{
    const QTransform toPixel = viewport.projectedToPixel();
    const double margin = cullMarginPx * m_scale;
    const QRectF keep = QRectF(QPointF(), viewport.size()).adjusted(-margin, -margin, margin, margin);
    m_eventPoints.clear();
    m_sessionPoints.clear();
    m_liveMarkers = 0;
    m_nextExpiryMs = std::numeric_limits<qint64>::max();
    for (std::size_t i = 0; i < m_markers.size(); ++i) {
        const MapMarker &marker = m_markers[i];
        if (!marker.session) {
            const qint64 expiryMs = marker.atMs + fadeMs;
            if (expiryMs <= nowMs)
                continue;
            m_nextExpiryMs = std::min(m_nextExpiryMs, expiryMs);
        }
        const QPointF pixel = toPixel.map(m_projected[i]);
        if (!finite(pixel))
            continue;
        ++m_liveMarkers;
        if (!keep.contains(pixel))
            continue;
        const MapPoint point{pixel, m_categories[i], std::max(marker.weight, 1), int(i)};
        (marker.session ? m_sessionPoints : m_eventPoints).push_back(point);
    }
}

void MapLiveLayer::addSpots(const std::vector<MapCluster> &clusters, const PointClusterer &clusterer,
                            bool session)
{
    for (const MapCluster &cluster : clusters) {
        MapSpot spot;
        spot.pixel = cluster.pixel;
        spot.count = cluster.count;
        spot.members = cluster.sourceCount;
        spot.category = cluster.dominantCategory;
        spot.session = session;
        spot.newestMs = std::numeric_limits<qint64>::min();
        int bestWeight = 0;
        const bool ringed = !session && cluster.sourceCount > 1;
        if (ringed)
            m_categoryWeights.assign(m_types.size(), 0);
        for (const int source : clusterer.sources(cluster)) {
            const MapMarker &marker = m_markers[std::size_t(source)];
            spot.newestMs = std::max(spot.newestMs, marker.atMs);
            const int weight = std::max(marker.weight, 1);
            if (ringed)
                m_categoryWeights[std::size_t(m_categories[std::size_t(source)])] += weight;
            if (spot.marker < 0 || weight > bestWeight ||
                (weight == bestWeight && marker.atMs > m_markers[std::size_t(spot.marker)].atMs)) {
                spot.marker = source;
                bestWeight = weight;
            }
        }
        spot.radius = spotRadius(spot.count, spot.members, session) * m_scale;
        if (ringed) {
            spot.firstSegment = int(m_segments.size());
            for (std::size_t c = 0; c < m_categoryWeights.size(); ++c) {
                if (m_categoryWeights[c] > 0)
                    m_segments.push_back({int(c), m_categoryWeights[c]});
            }
            spot.segments = int(m_segments.size()) - spot.firstSegment;
        }
        m_spots.push_back(spot);
    }
}

std::span<const MapLiveLayer::Segment> MapLiveLayer::segments(const MapSpot &spot) const
{
    return std::span<const Segment>(m_segments)
        .subspan(std::size_t(spot.firstSegment), std::size_t(spot.segments));
}

const MapSpot *MapLiveLayer::spotAt(QPointF pixel) const
{
    for (auto it = m_spots.rbegin(); it != m_spots.rend(); ++it) {
        const QPointF d = pixel - it->pixel;
        const double reach = it->radius + hitSlackPx * m_scale;
        if (d.x() * d.x() + d.y() * d.y() <= reach * reach)
            return &*it;
    }
    return nullptr;
}

double MapLiveLayer::eventAlpha(qint64 ageMs)
{
    if (ageMs <= 0)
        return 1.0;
    if (ageMs >= fadeMs)
        return 0.0;
    // Slow at first and quick at the end: an event stays legible for most of its time on the map.
    return std::sqrt(1.0 - double(ageMs) / double(fadeMs));
}

QPen MapLiveLayer::sessionPen() const
{
    return QPen(withAlpha(sessionInk(), 0.8), 1.5);
}

QBrush MapLiveLayer::sessionBrush() const
{
    return QBrush(withAlpha(sessionInk(), 0.10));
}

QColor MapLiveLayer::sessionInk() const
{
    // Neutral, so a session never reads as an event type.
    return m_theme.mode == Theme::Mode::Dark ? m_theme.text : m_theme.textMuted;
}

void MapLiveLayer::paintDots(QPainter &painter, qint64 nowMs)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor sessionFill = sessionBrush().color();
    const QColor sessionEdge = sessionPen().color();
    const double sessionEdgeWidth = sessionPen().widthF();
    painter.setFont(m_countFont);
    for (std::size_t i = 0; i < m_spots.size(); ++i) {
        const MapSpot &spot = m_spots[i];
        if (spot.session) {
            m_sprites.drawCircle(painter, spot.pixel, spot.radius, sessionFill, sessionEdge,
                                 sessionEdgeWidth);
            continue;
        }
        const double alpha = eventAlpha(nowMs - spot.newestMs);
        if (!spot.cluster()) {
            // A sprite per type faded by opacity: no pen or brush to allocate per dot.
            painter.setOpacity(alpha);
            m_sprites.drawCircle(painter, spot.pixel, spot.radius, typeColor(spot.category), m_halo, 1.0);
            painter.setOpacity(1.0);
            continue;
        }
        paintCluster(painter, spot, alpha);
        const QStaticText &text = m_countTexts[i];
        painter.setPen(m_theme.text);
        painter.drawStaticText(spot.pixel - QPointF(text.size().width(), text.size().height()) / 2.0, text);
    }
    painter.restore();
}

void MapLiveLayer::paintCluster(QPainter &painter, const MapSpot &spot, double alpha)
{
    m_sprites.drawCircle(painter, spot.pixel, spot.radius, withAlpha(m_theme.surface, clusterDiscAlpha),
                         withAlpha(m_halo, 0.9), 1.0);
    const double ringWidth = clusterRingWidth * m_scale;
    const double ringRadius = spot.radius - ringWidth / 2.0;
    const double ringAlpha = minClusterAlpha + (1.0 - minClusterAlpha) * alpha;
    const std::span<const Segment> shares = segments(spot);
    if (shares.size() == 1) {
        painter.setOpacity(ringAlpha);
        m_sprites.drawCircle(painter, spot.pixel, ringRadius, Qt::transparent, typeColor(shares[0].category),
                             ringWidth);
        painter.setOpacity(1.0);
        return;
    }
    // Shares as arcs clockwise from twelve o'clock, in sixteenths of a degree, each cut into
    // quarter circles or less so the raster engine fills them inline. Faded by mixing into the
    // disc rather than by alpha, so a piece may overlap the next by a degree without a seam.
    constexpr int fullCircle = 360 * 16;
    constexpr int maxPiece = 90 * 16;
    constexpr int overlap = 16;
    const QRectF ring(spot.pixel - QPointF(ringRadius, ringRadius), QSizeF(2 * ringRadius, 2 * ringRadius));
    int start = 90 * 16;
    int drawn = 0;
    for (std::size_t s = 0; s < shares.size(); ++s) {
        const bool last = s + 1 == shares.size();
        const int span =
            last ? fullCircle - drawn : int(std::lround(double(fullCircle) * shares[s].weight / spot.count));
        painter.setPen(QPen(mix(m_theme.surface, typeColor(shares[s].category), ringAlpha), ringWidth,
                            Qt::SolidLine, Qt::FlatCap));
        const int pieces = std::max((span + maxPiece - 1) / maxPiece, 1);
        for (int p = 0; p < pieces; ++p) {
            const int from = span * p / pieces;
            const int to = span * (p + 1) / pieces;
            const int extra = last && p + 1 == pieces ? 0 : overlap;
            painter.drawArc(ring, start - from, -(to - from + extra));
        }
        start -= span;
        drawn += span;
    }
}

void MapLiveLayer::paintPulses(QPainter &painter, qint64 nowMs)
{
    painter.save();
    for (const MapSpot &spot : m_spots) {
        const qint64 ageMs = nowMs - spot.newestMs;
        if (spot.session || ageMs < 0 || ageMs >= pulseMs)
            continue;
        const double progress = double(ageMs) / double(pulseMs);
        // Eased out: the ring leaves quickly, then settles as it fades. Whole pixels of radius keep
        // the sprites for a pulse to a few dozen.
        const double reach =
            std::round(spot.radius + pulseReachPx * m_scale * (1.0 - (1.0 - progress) * (1.0 - progress)));
        painter.setOpacity(pulseAlpha * (1.0 - progress));
        m_sprites.drawCircle(painter, spot.pixel, reach, Qt::transparent, typeColor(spot.category),
                             pulseWidth * m_scale);
    }
    painter.restore();
}

void MapLiveLayer::paintHeat(QPainter &painter)
{
    if (!m_heatValid) {
        m_heatValid = true;
        m_heatPoints.assign(m_eventPoints.begin(), m_eventPoints.end());
        m_heatPoints.insert(m_heatPoints.end(), m_sessionPoints.begin(), m_sessionPoints.end());
        m_heat.build(m_heatPoints, m_size);
    }
    m_heat.paint(painter);
}

} // namespace vantage
