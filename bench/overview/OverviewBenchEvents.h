#pragma once

#include "feed/Message.h"

#include <random>

namespace vantage {

class CityTable;

// Seeded feed events as the demo platform's backend sends them (app/DemoScenario's names,
// vendors and forms, in the demo's shares of signups, payments, forms and invitations), placed
// at real cities (models/CityTable, picked by population, a few kilometres of scatter) with
// their coordinates, city and country, so the feed reads and the map spreads as they would live.
class OverviewBenchEvents
{
public:
    explicit OverviewBenchEvents(quint32 seed);

    // The event numbered `serial` (its id); without a location when `located` is false.
    LiveEvent next(qint64 serial, bool located);
    // An active user's whereabouts, as an active_users message lists them.
    GeoLocation location();

private:
    QString userName();

    const CityTable &m_cities;
    std::mt19937 m_random;
    std::discrete_distribution<std::size_t> m_city;
    std::discrete_distribution<int> m_type;
    std::normal_distribution<double> m_scatter;
    std::uniform_real_distribution<double> m_unit;
};

} // namespace vantage
