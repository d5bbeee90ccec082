#include "models/CityTable.h"

#include "models/MapDataJson.h"
#include "models/ModelLogging.h"

#include <algorithm>
#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

bool isTypographicApostrophe(QChar c)
{
    return c == u'\u2018' || c == u'\u2019' || c == u'\u02BC';
}

bool isAlpha2(const QString &code)
{
    return code.size() == 2 && code.at(0).isUpper() && code.at(1).isUpper();
}

// GeoNames spells some cities so that a backend's shorter name misses them:
// "Washington, D.C." for Washington, "New York City" for New York.
QString alternativeKey(const QString &name)
{
    const qsizetype comma = name.indexOf(u',');
    if (comma > 0)
        return placeKey(QStringView(name).first(comma));
    if (name.endsWith(u" City"))
        return placeKey(QStringView(name).chopped(5));
    return {};
}

} // namespace

QString placeKey(QStringView name)
{
    const QString simplified = name.toString().simplified();
    // Decomposition leaves ASCII as it is, and most names are ASCII: the index of the bundled
    // places is built at every start.
    const bool ascii =
        std::all_of(simplified.cbegin(), simplified.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii)
        return simplified.toCaseFolded();
    const QString decomposed = simplified.normalized(QString::NormalizationForm_KD);
    QString key;
    key.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue; // the accents that decomposition split off their letters
        key.append(isTypographicApostrophe(c) ? QChar(u'\'') : c);
    }
    return key.toCaseFolded();
}

CityTable::CityTable(std::vector<CityEntry> cities)
    : m_cities(std::move(cities))
{
    std::stable_sort(m_cities.begin(), m_cities.end(),
                     [](const CityEntry &a, const CityEntry &b) { return a.population > b.population; });
    const auto count = static_cast<qsizetype>(m_cities.size());
    for (qsizetype i = 0; i < count; ++i) {
        m_byName[placeKey(m_cities[i].name)].push_back(i);
        if (!m_largestByCountry.contains(m_cities[i].alpha2))
            m_largestByCountry.insert(m_cities[i].alpha2, i);
    }
    // A second pass, so that a city's own name outranks another's shortened one.
    for (qsizetype i = 0; i < count; ++i) {
        const QString key = alternativeKey(m_cities[i].name);
        if (!key.isEmpty())
            m_byName[key].push_back(i);
    }
}

const CityTable &CityTable::bundled()
{
    static const CityTable loaded = [] {
        QString error;
        const QByteArray json = MapDataJson::readResource(u":/map/cities.json"_s, &error);
        if (!json.isEmpty()) {
            if (std::optional<CityTable> parsed = fromJson(json, &error))
                return std::move(*parsed);
        }
        qCWarning(lcModels) << "bundled city table unusable:" << error;
        return CityTable({});
    }();
    return loaded;
}

std::optional<CityTable> CityTable::fromJson(QByteArrayView json, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::optional<CityTable>();
    };
    const std::optional<MapDataJson> document = MapDataJson::parse(json, "cities"_L1, "cities"_L1, error);
    if (!document)
        return std::nullopt;
    const qint64 scale = document->scale();
    const simdjson::dom::array records = document->records();
    std::vector<CityEntry> cities;
    cities.reserve(records.size());
    qsizetype i = 0;
    for (const simdjson::dom::element record : records) {
        const auto where = [&]() -> QString { return u"city %1"_s.arg(i); };
        simdjson::dom::object object;
        if (record.get(object))
            return fail(where() + u": not an object");
        CityEntry city;
        city.name = MapDataJson::stringValue(object["name"]).value_or(QString());
        if (city.name.trimmed().isEmpty())
            return fail(where() + u": \"name\" is missing or empty");
        const auto named = [&]() -> QString { return where() + u" (\"" + city.name + u"\")"; };
        city.alpha2 = MapDataJson::stringValue(object["a2"]).value_or(QString());
        if (!isAlpha2(city.alpha2))
            return fail(named() + u": \"a2\" is not two upper-case letters");
        const std::optional<qint64> lat = MapDataJson::integerValue(object["lat"]);
        if (!lat || std::abs(*lat) > 90 * scale)
            return fail(named() + u": \"lat\" is missing, not an integer or beyond 90 degrees");
        const std::optional<qint64> lon = MapDataJson::integerValue(object["lon"]);
        if (!lon || std::abs(*lon) > 180 * scale)
            return fail(named() + u": \"lon\" is missing, not an integer or beyond 180 degrees");
        const std::optional<qint64> population = MapDataJson::integerValue(object["pop"]);
        if (!population || *population < 0)
            return fail(named() + u": \"pop\" is missing or not a non-negative integer");
        city.coordinate = QGeoCoordinate(double(*lat) / double(scale), double(*lon) / double(scale));
        city.population = *population;
        cities.push_back(std::move(city));
        ++i;
    }
    return CityTable(std::move(cities));
}

const CityEntry *CityTable::find(QStringView city, QStringView countryCodeOrEmpty) const
{
    const auto it = m_byName.constFind(placeKey(city));
    if (it == m_byName.cend())
        return nullptr;
    for (const qsizetype i : *it) {
        const CityEntry &entry = m_cities[i];
        if (countryCodeOrEmpty.isEmpty() ||
            QStringView(entry.alpha2).compare(countryCodeOrEmpty, Qt::CaseInsensitive) == 0)
            return &entry;
    }
    return nullptr;
}

const CityEntry *CityTable::largestIn(QStringView alpha2) const
{
    const auto it = m_largestByCountry.constFind(alpha2.toString().toUpper());
    return it == m_largestByCountry.cend() ? nullptr : &m_cities[*it];
}

} // namespace vantage
