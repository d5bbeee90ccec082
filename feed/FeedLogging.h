#pragma once

#include <QLoggingCategory>

namespace vantage {

// The feed subsystem's category ("vantage.feed"): sources, decoding, sequencing, recording.
Q_DECLARE_LOGGING_CATEGORY(lcFeed)

} // namespace vantage
