#include "feed/FeedLogging.h"

namespace vantage {

// Warnings by default; enable details with QT_LOGGING_RULES="vantage.feed.debug=true".
Q_LOGGING_CATEGORY(lcFeed, "vantage.feed", QtWarningMsg)

} // namespace vantage
