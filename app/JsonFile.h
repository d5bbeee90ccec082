#pragma once

#include <QJsonObject>
#include <QString>

namespace vantage {

// Writes `json` to `path` (indented), replacing it only once all is written; false with `*error`
// set when it cannot. The --stats-json reports of --headless and --backtest.
bool writeJsonFile(const QString &path, const QJsonObject &json, QString *error);

} // namespace vantage
