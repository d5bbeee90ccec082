#pragma once

#include "models/ResolvedLocation.h"

#include <QString>

namespace vantage {

// An event of the activity map's window, placed once when it arrived (GeoActivityModel).
struct GeoEvent
{
    double lat = 0;
    double lon = 0;
    LocationPrecision precision = LocationPrecision::Unknown; // Unknown: counted, not drawn
    qint64 atMs = 0;
    QString type;
    QString place; // the resolved place's label, "London, GB": what clicking it filters the feed on
    QString label; // the tooltip line, plain text: "London, GB · signup · Ana"

    friend bool operator==(const GeoEvent &, const GeoEvent &) = default;
};

} // namespace vantage
