#pragma once

#include "app/AppOptions.h"
#include "feed/FrameRecorder.h"

#include <memory>

namespace vantage {

// The recorder --record asks for, not yet opened (the pipeline opens it when it starts), or
// none without --record. Its header names the live URL (written redacted) or the replayed file.
std::unique_ptr<FrameRecorder> makeRecorder(const AppOptions &options);

// The header of a recording that starts now, of `source`: the live URL (written redacted) or the
// replayed file as a file URL.
RecordingHeader recordingHeader(const QUrl &source);

} // namespace vantage
