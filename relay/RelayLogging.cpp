#include "relay/RelayLogging.h"

namespace vantage {

// Warnings by default; enable details with QT_LOGGING_RULES="vantage.relay.debug=true".
Q_LOGGING_CATEGORY(lcRelay, "vantage.relay", QtWarningMsg)

} // namespace vantage
