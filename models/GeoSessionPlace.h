#pragma once

#include <QString>

namespace vantage {

// Where active users are, as the latest active_users message said: one entry per resolved place.
struct GeoSessionPlace
{
    double lat = 0;
    double lon = 0;
    int sessions = 0;
    QString place; // the resolved place's label

    friend bool operator==(const GeoSessionPlace &, const GeoSessionPlace &) = default;
};

} // namespace vantage
