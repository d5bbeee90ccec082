#include "models/MapDataJson.h"

#include <QFile>

#include <cmath>
#include <string_view>

using namespace Qt::StringLiterals;

namespace vantage {

std::optional<MapDataJson> MapDataJson::parse(QByteArrayView json, QLatin1String what, QLatin1String listKey,
                                              QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::optional<MapDataJson>();
    };
    MapDataJson data;
    simdjson::dom::element root;
    if (const auto parseError = data.m_parser->parse(json.data(), size_t(json.size())).get(root))
        return fail(u"%1: not JSON: %2"_s.arg(what, QLatin1String(simdjson::error_message(parseError))));
    simdjson::dom::object object;
    if (root.get(object))
        return fail(u"%1: the root is not an object"_s.arg(what));
    const std::optional<qint64> scale = integerValue(object["scale"]);
    if (!scale || *scale <= 0)
        return fail(u"%1: \"scale\" is missing or not a positive integer"_s.arg(what));
    if (object[std::string_view(listKey.data(), size_t(listKey.size()))].get(data.m_records))
        return fail(u"%1: \"%2\" is missing or not an array"_s.arg(what, listKey));
    data.m_scale = *scale;
    return data;
}

QByteArray MapDataJson::readResource(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    return file.readAll();
}

std::optional<qint64> MapDataJson::integerValue(simdjson::simdjson_result<simdjson::dom::element> field)
{
    simdjson::dom::element value;
    if (field.get(value))
        return std::nullopt;
    return integerValue(value);
}

std::optional<qint64> MapDataJson::integerValue(simdjson::dom::element value)
{
    constexpr double kLimit = 1e15;
    if (int64_t integer = 0; !value.get(integer))
        return std::abs(double(integer)) > kLimit ? std::nullopt : std::optional<qint64>(integer);
    double d = 0.0;
    // A uint64 beyond int64 reads as a double here, and is beyond the limit.
    if (value.get(d) || d != std::trunc(d) || std::abs(d) > kLimit)
        return std::nullopt;
    return static_cast<qint64>(d);
}

std::optional<QString> MapDataJson::stringValue(simdjson::simdjson_result<simdjson::dom::element> value)
{
    std::string_view text;
    if (value.get(text))
        return std::nullopt;
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace vantage
