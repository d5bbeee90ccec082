#pragma once

#include <QByteArrayView>
#include <QLatin1String>

namespace vantage {

struct SseEvent;

// One frame as a source received it, before decoding: what the pipeline decodes and what a
// recording keeps.
struct ReceivedFrame
{
    QByteArrayView bytes;    // the frame (UTF-8 JSON)
    qint64 receivedMs = 0;   // receive time, ms since the epoch
    QLatin1String transport; // "websocket", "sse", "polling" or "replay"
    qint64 tsShiftMs = 0;    // added to the frame's own timestamps (the demo moves recorded time to now)
    // SSE only: the dispatched event the frame was made from, exactly as parsed. A recording
    // keeps it instead of the frame, so what the server sent is what is replayed.
    const SseEvent *sseEvent = nullptr;
    qint64 line = 0; // replay only: the frame's line in the file (1-based); 0 for live transports
};

} // namespace vantage
