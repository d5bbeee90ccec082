#pragma once

#include <QByteArrayView>

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
};

} // namespace vantage
