#include "models/WorldShapes.h"

#include "models/CityTable.h"
#include "models/MapDataJson.h"
#include "models/ModelLogging.h"

#include <QSet>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

struct NameAlias
{
    QStringView name;
    QStringView alpha2;
};

// Names backends commonly send that Natural Earth spells otherwise ("Russia", "Dem. Rep. Congo").
const NameAlias nameAliases[] = {
    {u"USA", u"US"},
    {u"United States", u"US"},
    {u"UK", u"GB"},
    {u"Great Britain", u"GB"},
    {u"Britain", u"GB"},
    {u"England", u"GB"},
    {u"Scotland", u"GB"},
    {u"Wales", u"GB"},
    {u"Northern Ireland", u"GB"},
    {u"United Kingdom of Great Britain and Northern Ireland", u"GB"},
    {u"Russian Federation", u"RU"},
    {u"Republic of Korea", u"KR"},
    {u"Korea, Republic of", u"KR"},
    {u"Democratic People's Republic of Korea", u"KP"},
    {u"Czech Republic", u"CZ"},
    {u"Democratic Republic of the Congo", u"CD"},
    {u"DR Congo", u"CD"},
    {u"Republic of the Congo", u"CG"},
    {u"Ivory Coast", u"CI"},
    {u"Dominican Republic", u"DO"},
    {u"Central African Republic", u"CF"},
    {u"Bosnia and Herzegovina", u"BA"},
    {u"North Macedonia", u"MK"},
    {u"Swaziland", u"SZ"},
    {u"South Sudan", u"SS"},
    {u"Equatorial Guinea", u"GQ"},
    {u"Solomon Islands", u"SB"},
    {u"Falkland Islands", u"FK"},
    {u"Western Sahara", u"EH"},
    {u"Viet Nam", u"VN"},
    {u"Türkiye", u"TR"},
    {u"Burma", u"MM"},
    {u"Lao People's Democratic Republic", u"LA"},
    {u"Syrian Arab Republic", u"SY"},
    {u"Iran, Islamic Republic of", u"IR"},
    {u"United Republic of Tanzania", u"TZ"},
    {u"Holland", u"NL"},
    {u"The Netherlands", u"NL"},
    {u"East Timor", u"TL"},
    {u"State of Palestine", u"PS"},
    {u"Brunei Darussalam", u"BN"},
};

// The converter writes every coordinate as an integral JSON number.
bool isAlpha2(const QString &code)
{
    return code.size() == 2 && code.at(0).isUpper() && code.at(1).isUpper();
}

// What is wrong with a flat [lon, lat, lon, lat, ...] ring, or empty when it is usable.
QString readRing(simdjson::dom::element value, qint64 scale, GeoRing *ring)
{
    simdjson::dom::array values;
    if (value.get(values))
        return u" is not an array"_s;
    const size_t count = values.size();
    if (count % 2 != 0)
        return u" has an odd number of values"_s;
    if (count < 6)
        return u" has fewer than 3 points"_s;
    ring->reserve(count / 2);
    // Iterated, not indexed: a DOM array's at() walks from its start.
    size_t m = 0;
    std::optional<qint64> lon;
    for (const simdjson::dom::element item : values) {
        const std::optional<qint64> number = MapDataJson::integerValue(item);
        if (!number)
            return u"[%1] is not an integer"_s.arg(m);
        if (m % 2 == 0) {
            if (std::abs(*number) > 180 * scale)
                return u"[%1] is beyond 180 degrees of longitude"_s.arg(m);
            lon = number;
        } else {
            if (std::abs(*number) > 90 * scale)
                return u"[%1] is beyond 90 degrees of latitude"_s.arg(m);
            ring->emplace_back(double(*lon) / double(scale), double(*number) / double(scale));
        }
        ++m;
    }
    return {};
}

struct RingMoments
{
    double area = 0.0;
    QGeoCoordinate centroid;
};

// Area and centroid on Lambert's cylindrical equal-area plane (x = longitude, y = sin latitude):
// areas there are proportional to areas on the globe, so polygons compare fairly across
// latitudes and the centroid is weighted by true area.
RingMoments equalAreaMoments(const GeoRing &ring)
{
    double twiceArea = 0.0;
    double cx = 0.0;
    double cy = 0.0;
    for (size_t i = 0; i < ring.size(); ++i) {
        const QPointF &a = ring[i];
        const QPointF &b = ring[(i + 1) % ring.size()];
        const double ay = std::sin(qDegreesToRadians(a.y()));
        const double by = std::sin(qDegreesToRadians(b.y()));
        const double cross = a.x() * by - b.x() * ay;
        twiceArea += cross;
        cx += (a.x() + b.x()) * cross;
        cy += (ay + by) * cross;
    }
    if (twiceArea == 0.0)
        return {0.0, QGeoCoordinate(ring.front().y(), ring.front().x())};
    const double y = std::clamp(cy / (3.0 * twiceArea), -1.0, 1.0);
    return {std::abs(twiceArea) / 2.0,
            QGeoCoordinate(qRadiansToDegrees(std::asin(y)), cx / (3.0 * twiceArea))};
}

// The box of all outer rings. Longitude leaves out the widest stretch no polygon covers: when
// that stretch is not the one across ±180 the box crosses the antimeridian (Fiji, Russia).
QGeoRectangle boundsOf(const std::vector<GeoPolygon> &polygons)
{
    double south = 90.0;
    double north = -90.0;
    std::vector<std::pair<double, double>> spans;
    for (const GeoPolygon &polygon : polygons) {
        double west = 180.0;
        double east = -180.0;
        for (const QPointF &p : polygon.front()) {
            west = std::min(west, p.x());
            east = std::max(east, p.x());
            south = std::min(south, p.y());
            north = std::max(north, p.y());
        }
        spans.emplace_back(west, east);
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<double, double>> merged;
    for (const auto &span : spans) {
        if (!merged.empty() && span.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, span.second);
        else
            merged.push_back(span);
    }
    double west = merged.front().first;
    double east = merged.back().second;
    double widestGap = (west + 180.0) + (180.0 - east);
    for (size_t i = 1; i < merged.size(); ++i) {
        const double gap = merged[i].first - merged[i - 1].second;
        if (gap > widestGap) {
            widestGap = gap;
            west = merged[i].first;
            east = merged[i - 1].second;
        }
    }
    return QGeoRectangle(QGeoCoordinate(north, west), QGeoCoordinate(south, east));
}

void computeBoundsAndCentroid(CountryShape &country)
{
    country.bounds = boundsOf(country.polygons);
    double largest = -1.0;
    for (const GeoPolygon &polygon : country.polygons) {
        const RingMoments moments = equalAreaMoments(polygon.front());
        if (moments.area > largest) {
            largest = moments.area;
            country.centroid = moments.centroid;
        }
    }
}

} // namespace

WorldShapes::WorldShapes(std::vector<CountryShape> countries)
    : m_countries(std::move(countries))
{
    for (qsizetype i = 0; i < qsizetype(m_countries.size()); ++i) {
        if (!m_countries[i].alpha2.isEmpty())
            m_byCode.insert(m_countries[i].alpha2, i);
        m_byName.insert(placeKey(m_countries[i].name), i);
    }
    for (const NameAlias &alias : nameAliases) {
        const QString key = placeKey(alias.name);
        const auto code = m_byCode.constFind(alias.alpha2.toString());
        if (code != m_byCode.cend() && !m_byName.contains(key))
            m_byName.insert(key, *code);
    }
}

const WorldShapes &WorldShapes::bundled()
{
    static const WorldShapes loaded = [] {
        QString error;
        const QByteArray json = MapDataJson::readResource(u":/map/countries-110m.json"_s, &error);
        if (!json.isEmpty()) {
            if (std::optional<WorldShapes> parsed = fromJson(json, &error))
                return std::move(*parsed);
        }
        qCWarning(lcModels) << "bundled country shapes unusable:" << error;
        return WorldShapes({});
    }();
    return loaded;
}

std::optional<WorldShapes> WorldShapes::fromJson(QByteArrayView json, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::optional<WorldShapes>();
    };
    const std::optional<MapDataJson> document =
        MapDataJson::parse(json, "countries"_L1, "countries"_L1, error);
    if (!document)
        return std::nullopt;
    const qint64 scale = document->scale();
    const simdjson::dom::array records = document->records();
    std::vector<CountryShape> countries;
    countries.reserve(records.size());
    QSet<QString> codes;
    qsizetype i = 0;
    for (const simdjson::dom::element record : records) {
        const auto where = [&]() -> QString { return u"country %1"_s.arg(i); };
        simdjson::dom::object object;
        if (record.get(object))
            return fail(where() + u": not an object");
        CountryShape country;
        country.name = MapDataJson::stringValue(object["name"]).value_or(QString());
        if (country.name.trimmed().isEmpty())
            return fail(where() + u": \"name\" is missing or empty");
        const auto named = [&]() -> QString { return where() + u" (\"" + country.name + u"\")"; };
        const std::optional<QString> a2 = MapDataJson::stringValue(object["a2"]);
        country.alpha2 = a2.value_or(QString());
        if (!a2 || !(country.alpha2.isEmpty() || isAlpha2(country.alpha2)))
            return fail(named() + u": \"a2\" is neither empty nor two upper-case letters");
        if (!country.alpha2.isEmpty() && codes.contains(country.alpha2))
            return fail(named() + u": \"a2\" \"" + country.alpha2 + u"\" repeats an earlier country's");
        codes.insert(country.alpha2);
        simdjson::dom::array polygons;
        if (object["polygons"].get(polygons) || polygons.size() == 0)
            return fail(named() + u": \"polygons\" is missing, not an array or empty");
        qsizetype j = 0;
        for (const simdjson::dom::element polygonValue : polygons) {
            simdjson::dom::array rings;
            if (polygonValue.get(rings) || rings.size() == 0)
                return fail(named() + u": polygons[%1] is not an array of rings"_s.arg(j));
            GeoPolygon polygon;
            qsizetype k = 0;
            for (const simdjson::dom::element ringValue : rings) {
                GeoRing ring;
                const QString problem = readRing(ringValue, scale, &ring);
                if (!problem.isEmpty())
                    return fail(named() + u": polygons[%1][%2]"_s.arg(j).arg(k) + problem);
                polygon.push_back(std::move(ring));
                ++k;
            }
            country.polygons.push_back(std::move(polygon));
            ++j;
        }
        computeBoundsAndCentroid(country);
        countries.push_back(std::move(country));
        ++i;
    }
    return WorldShapes(std::move(countries));
}

const CountryShape *WorldShapes::byCode(QStringView alpha2) const
{
    if (alpha2.size() != 2)
        return nullptr;
    QString code = alpha2.toString().toUpper();
    if (code == u"UK")
        code = u"GB"_s; // the United Kingdom's own usage, common in feeds
    const auto it = m_byCode.constFind(code);
    return it == m_byCode.cend() ? nullptr : &m_countries[*it];
}

const CountryShape *WorldShapes::byName(QStringView name) const
{
    const auto it = m_byName.constFind(placeKey(name));
    return it == m_byName.cend() ? nullptr : &m_countries[*it];
}

const CountryShape *WorldShapes::find(QStringView codeOrName) const
{
    const QStringView text = codeOrName.trimmed();
    if (const CountryShape *country = byCode(text))
        return country;
    return byName(text);
}

} // namespace vantage
