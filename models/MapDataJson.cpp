#include "models/MapDataJson.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

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
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(
            u"%1: not JSON: %2 at offset %3"_s.arg(what, parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(u"%1: the root is not an object"_s.arg(what));
    const QJsonObject root = document.object();
    const std::optional<qint64> scale = integerValue(root.value("scale"_L1));
    if (!scale || *scale <= 0)
        return fail(u"%1: \"scale\" is missing or not a positive integer"_s.arg(what));
    const QJsonValue list = root.value(listKey);
    if (!list.isArray())
        return fail(u"%1: \"%2\" is missing or not an array"_s.arg(what, listKey));
    return MapDataJson{*scale, list.toArray()};
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

std::optional<qint64> MapDataJson::integerValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (d != std::trunc(d) || std::abs(d) > 1e15)
        return std::nullopt;
    return static_cast<qint64>(d);
}

} // namespace vantage
