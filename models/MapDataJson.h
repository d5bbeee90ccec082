#pragma once

// Internal to models/CityTable.cpp and models/WorldShapes.cpp, the readers of the bundled map
// files (docs/map-data.md): simdjson stays out of the models' public headers.

#include <QByteArray>
#include <QString>

#include <simdjson.h>

#include <memory>
#include <optional>

namespace vantage {

// The shared shape of the map files: a root object with an integral "scale" and an array of
// records under a list key. Read with simdjson's DOM, which checks the whole file before any
// record is read: a tenth of the instructions QJsonDocument took, on the thread that prepares
// the map while the window starts (docs/performance.md, "Startup").
class MapDataJson
{
public:
    // Parses `json`; nullopt with `*error` naming the file (`what`) and the fault.
    static std::optional<MapDataJson> parse(QByteArrayView json, QLatin1String what, QLatin1String listKey,
                                            QString *error);
    // The bytes of a bundled resource; empty with `*error` set when it cannot be read.
    static QByteArray readResource(const QString &path, QString *error);

    // The converter writes every coordinate and count as an integral JSON number; nullopt for
    // anything else, a missing field included.
    static std::optional<qint64> integerValue(simdjson::simdjson_result<simdjson::dom::element> field);
    static std::optional<qint64> integerValue(simdjson::dom::element value);
    // A string field's text; nullopt when missing or not a string.
    static std::optional<QString> stringValue(simdjson::simdjson_result<simdjson::dom::element> value);

    qint64 scale() const { return m_scale; }
    // Points into the document this object owns.
    simdjson::dom::array records() const { return m_records; }

private:
    MapDataJson() = default;

    // On the heap: the document's elements point into the parser, which must not move.
    std::unique_ptr<simdjson::dom::parser> m_parser = std::make_unique<simdjson::dom::parser>();
    qint64 m_scale = 0;
    simdjson::dom::array m_records;
};

} // namespace vantage
