#pragma once

#include <QByteArrayView>
#include <QLatin1String>

namespace vantage {

// Where a source delivers raw frames, on the source's own (worker) thread, one call per frame.
class FrameSink
{
public:
    virtual ~FrameSink() = default;
    // bytes: the frame as received (UTF-8 JSON). receivedMs: receive time, ms since epoch.
    // tsShiftMs: added to the frame's own timestamps (the demo moves recorded time to now).
    virtual void onFrame(QByteArrayView bytes, qint64 receivedMs, qint64 tsShiftMs) = 0;
    // The stream starts over from its beginning (a replay pass): sequence numbers restart.
    virtual void onStreamRestart() {}
    // The transport refused a frame before decoding (e.g. "oversized_frame", "invalid_utf8"):
    // counted under that reason so no loss goes unnoticed.
    virtual void onFrameRejected(QLatin1String reason) { Q_UNUSED(reason) }
};

} // namespace vantage
