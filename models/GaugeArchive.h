#pragma once

#include "models/GaugeHistory.h"

#include <QHash>
#include <QString>

#include <memory>

namespace vantage {

// Gauges' histories by name, read from what came before the session: a replay's whole log, or
// the live journal. Shared, immutable once published.
using GaugeArchive = QHash<QString, GaugeHistory>;
using GaugeArchivePtr = std::shared_ptr<const GaugeArchive>;

} // namespace vantage
