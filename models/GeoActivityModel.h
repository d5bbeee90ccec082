#pragma once

#include "feed/Message.h"
#include "models/EventRing.h"
#include "models/FeedItem.h"
#include "models/GeoEvent.h"
#include "models/GeoSessionPlace.h"
#include "models/LocationResolver.h"

#include <QObject>

#include <optional>
#include <vector>

namespace vantage {

// What the activity map shows: the newest events placed on the globe (coordinates when sent, else
// the city, else the country's centroid; see LocationResolver), the events among them with no
// usable location, and where active users' sessions are. Events are placed once, on arrival.
// Bounded: a ring of the newest `capacity` events. Changes only on the GUI thread.
class GeoActivityModel final : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kDefaultCapacity = 10'000;

    explicit GeoActivityModel(qsizetype capacity = kDefaultCapacity, QObject *parent = nullptr);

    // items oldest -> newest, as the feed takes them. Emits changed() once.
    void appendEvents(const std::vector<FeedItem> &items);
    // Replaces the sessions' places (an active_users message, or a snapshot's). Emits changed().
    void setActiveLocations(std::vector<GeoLocation> locations);
    // Forgets the events, keeps the sessions (a replay seek refills the events).
    void clearEvents();
    void clear();

    qsizetype capacity() const { return m_events.capacity(); }
    qsizetype eventCount() const { return m_events.size(); }
    // i = 0 is the newest.
    const GeoEvent &event(qsizetype i) const { return m_events.newest(i); }
    // Of the events held, those with no usable location.
    quint64 unknownCount() const { return m_unknown; }

    const std::vector<GeoLocation> &activeLocations() const { return m_activeLocations; }
    const std::vector<GeoSessionPlace> &sessionPlaces() const { return m_sessionPlaces; }
    // Sessions whose location could not be placed.
    int sessionsUnknown() const { return m_sessionsUnknown; }

    // The label a location resolves to: what the map's places and the feed's place filter share.
    QString placeOf(const GeoLocation &location) const;

Q_SIGNALS:
    void changed();

private:
    GeoEvent place(const FeedItem &item) const;
    // Made on first use: the bundled shapes and cities take a while to parse, and startup reads
    // them in the background meanwhile (app/MapDataPreload.h).
    const LocationResolver &resolver() const;

    mutable std::optional<LocationResolver> m_resolver;
    EventRing<GeoEvent> m_events;
    quint64 m_unknown = 0;
    std::vector<GeoLocation> m_activeLocations;
    std::vector<GeoSessionPlace> m_sessionPlaces;
    int m_sessionsUnknown = 0;
};

} // namespace vantage
