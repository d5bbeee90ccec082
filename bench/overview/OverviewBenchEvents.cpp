#include "OverviewBenchEvents.h"

#include "app/DemoScenario.h"
#include "models/CityTable.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

namespace vantage {

namespace {

constexpr double scatterDeg = 0.05; // about five kilometres, neighbourhoods rather than one dot a city

std::discrete_distribution<std::size_t> byPopulation(const CityTable &cities)
{
    std::vector<double> weights;
    for (const CityEntry &city : cities.cities())
        weights.push_back(double(city.population));
    return std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
}

template <typename T> const T &pick(std::span<const T> items, std::mt19937 &random)
{
    return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(random)];
}

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

OverviewBenchEvents::OverviewBenchEvents(quint32 seed)
    : m_cities(CityTable::bundled())
    , m_random(seed)
    , m_city(byPopulation(m_cities))
    , m_type({22, 18, 36, 24}) // the demo's shares: signup, payment, form_submission, invitation
    , m_scatter(0.0, scatterDeg)
{}

GeoLocation OverviewBenchEvents::location()
{
    GeoLocation location;
    if (m_cities.cities().empty())
        return location;
    const CityEntry &city = m_cities.cities()[m_city(m_random)];
    location.lat = std::clamp(city.coordinate.latitude() + m_scatter(m_random), -89.0, 89.0);
    location.lon = std::clamp(city.coordinate.longitude() + m_scatter(m_random), -179.9, 179.9);
    location.city = city.name;
    location.country = city.alpha2;
    return location;
}

QString OverviewBenchEvents::userName()
{
    return utf8(pick(demoFirstNames(), m_random)) + u' ' + utf8(pick(demoLastNames(), m_random));
}

LiveEvent OverviewBenchEvents::next(qint64 serial, bool located)
{
    LiveEvent event;
    event.id = QStringLiteral("evt_%1").arg(serial);
    event.userId = QStringLiteral("usr_%1").arg(serial * 7919 % 1'000'003);
    event.userName = userName();
    switch (m_type(m_random)) {
    case 0: {
        event.type = QStringLiteral("signup");
        const bool supplier = m_unit(m_random) < 1.0 / 3.0;
        event.role = supplier ? QStringLiteral("supplier") : QStringLiteral("couple");
        event.description =
            supplier ? QStringLiteral("New %1 signed up").arg(utf8(pick(demoVendorTypes(), m_random).name))
                     : QStringLiteral("New couple signed up");
        break;
    }
    case 1: {
        const DemoVendorType &vendor = pick(demoVendorTypes(), m_random);
        event.type = QStringLiteral("payment");
        event.role = QStringLiteral("couple");
        event.description = QStringLiteral("Deposit for %1 booking").arg(utf8(vendor.name));
        const double booking = vendor.minBooking + m_unit(m_random) * (vendor.maxBooking - vendor.minBooking);
        event.value = std::round(booking * 0.2 * 100.0) / 100.0;
        event.currency = QStringLiteral("GBP");
        break;
    }
    case 2: {
        const DemoForm &form = pick(demoForms(), m_random);
        event.type = QStringLiteral("form_submission");
        event.role = QStringLiteral("couple");
        event.description = QStringLiteral("Completed the %1 form for %2")
                                .arg(utf8(form.title), utf8(pick(demoLastNames(), m_random)) + u' ' +
                                                           utf8(form.businessSuffix));
        break;
    }
    default:
        event.type = QStringLiteral("invitation");
        event.role = QStringLiteral("couple");
        event.description = QStringLiteral("Sent %1 invitations by %2")
                                .arg(20 + int(m_unit(m_random) * 230))
                                .arg(utf8(pick(demoInvitationChannels(), m_random)));
        break;
    }
    if (located)
        event.location = location();
    return event;
}

} // namespace vantage
