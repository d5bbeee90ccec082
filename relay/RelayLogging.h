#pragma once

#include <QLoggingCategory>

namespace vantage {

// The relay's category ("vantage.relay"): listening, clients, slow consumers, the log feeder.
Q_DECLARE_LOGGING_CATEGORY(lcRelay)

} // namespace vantage
