#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace vantage {

// The shared shape of the bundled map files (docs/map-data.md): a root object with an integral
// "scale" and an array of records under `listKey`.
struct MapDataJson
{
    qint64 scale = 0;
    QJsonArray records;

    // Parses `json`; nullopt with `*error` naming the file (`what`) and the fault.
    static std::optional<MapDataJson> parse(QByteArrayView json, QLatin1String what, QLatin1String listKey,
                                            QString *error);
    // The bytes of a bundled resource; empty with `*error` set when it cannot be read.
    static QByteArray readResource(const QString &path, QString *error);
    // The converter writes every coordinate and count as an integral JSON number.
    static std::optional<qint64> integerValue(const QJsonValue &value);
};

} // namespace vantage
