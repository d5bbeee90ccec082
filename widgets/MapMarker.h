#pragma once

#include <QString>
#include <QtGlobal>

namespace vantage {

// One thing to show on the activity map, as the map's model hands it over: a live event or an
// active user's session at a place. Plain data, copied in batches.
struct MapMarker
{
    double lon = 0;        // degrees
    double lat = 0;
    qint64 atMs = 0;       // event: when it arrived (ms since epoch); session: when last reported
    QString type;          // event type ("signup", "payment", ...), coloured via Theme::eventTypeColor; empty for sessions
    int weight = 1;        // sessions at this place
    bool session = false;  // an active user's session: a steady dot; otherwise an event: pulses on arrival, fades with age
    QString label;         // plain text for the tooltip, e.g. "London, GB · signup · Ana"
    QString placeKey;      // what clicking it filters the activity feed on (opaque to the widget)
};

} // namespace vantage
