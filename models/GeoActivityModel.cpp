#include "models/GeoActivityModel.h"

#include "models/CityTable.h"
#include "models/WorldShapes.h"

#include <QHash>
#include <QThread>

namespace vantage {

namespace {
const QString kSeparator = QStringLiteral(" \u00b7 ");
}

GeoActivityModel::GeoActivityModel(qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_events(capacity)
{}

const LocationResolver &GeoActivityModel::resolver() const
{
    if (!m_resolver)
        m_resolver.emplace(WorldShapes::bundled(), CityTable::bundled());
    return *m_resolver;
}

GeoEvent GeoActivityModel::place(const FeedItem &item) const
{
    const LiveEvent &e = item.event;
    const ResolvedLocation resolved = resolver().resolve(e.location);
    GeoEvent geo;
    geo.precision = resolved.precision;
    geo.atMs = item.tsMs;
    geo.type = e.type;
    if (resolved.precision == LocationPrecision::Unknown)
        return geo;
    geo.lat = resolved.coordinate.latitude();
    geo.lon = resolved.coordinate.longitude();
    geo.place = resolved.label;
    geo.label = resolved.label + kSeparator + e.type;
    if (!e.userName.isEmpty())
        geo.label += kSeparator + e.userName;
    return geo;
}

void GeoActivityModel::appendEvents(const std::vector<FeedItem> &items)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (items.empty())
        return;
    // Only the newest `capacity` of an oversized batch stay.
    const auto skip = static_cast<size_t>(qMax<qsizetype>(0, qsizetype(items.size()) - m_events.capacity()));
    for (size_t i = skip; i < items.size(); ++i) {
        if (m_events.size() == m_events.capacity() &&
            m_events.newest(m_events.size() - 1).precision == LocationPrecision::Unknown)
            --m_unknown;
        GeoEvent geo = place(items[i]);
        if (geo.precision == LocationPrecision::Unknown)
            ++m_unknown;
        m_events.push(std::move(geo));
    }
    Q_EMIT changed();
}

void GeoActivityModel::setActiveLocations(std::vector<GeoLocation> locations)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_activeLocations = std::move(locations);
    m_sessionPlaces.clear();
    m_sessionsUnknown = 0;
    QHash<QString, size_t> byPlace;
    for (const GeoLocation &location : m_activeLocations) {
        const ResolvedLocation resolved = resolver().resolve(location);
        if (resolved.precision == LocationPrecision::Unknown) {
            ++m_sessionsUnknown;
            continue;
        }
        const auto found = byPlace.constFind(resolved.label);
        if (found != byPlace.cend()) {
            ++m_sessionPlaces[*found].sessions;
            continue;
        }
        byPlace.insert(resolved.label, m_sessionPlaces.size());
        m_sessionPlaces.push_back(
            {resolved.coordinate.latitude(), resolved.coordinate.longitude(), 1, resolved.label});
    }
    Q_EMIT changed();
}

void GeoActivityModel::clearEvents()
{
    m_events.clear();
    m_unknown = 0;
    Q_EMIT changed();
}

void GeoActivityModel::clear()
{
    m_events.clear();
    m_unknown = 0;
    setActiveLocations({});
}

QString GeoActivityModel::placeOf(const GeoLocation &location) const
{
    return resolver().resolve(location).label;
}

} // namespace vantage
