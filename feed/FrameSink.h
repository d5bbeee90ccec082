#pragma once

#include "feed/ReceivedFrame.h"

namespace vantage {

// Where a source delivers raw frames, on the source's own (worker) thread, one call per frame.
class FrameSink
{
public:
    virtual ~FrameSink() = default;
    // The frame and its view are valid only during the call.
    virtual void onFrame(const ReceivedFrame &frame) = 0;
    // The stream starts over from its beginning (a replay pass): sequence numbers restart.
    virtual void onStreamRestart() {}
    // The transport refused a frame before decoding (e.g. "oversized_frame", "invalid_utf8"):
    // counted under that reason so no loss goes unnoticed.
    virtual void onFrameRejected(QLatin1String reason) { Q_UNUSED(reason) }
};

} // namespace vantage
