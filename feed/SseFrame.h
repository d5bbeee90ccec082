#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace vantage {

struct SseEvent;

// The frame an SSE event stands for: a "message" event's data as is (the relay sends protocol
// v1 envelopes that way); a named event wrapped as {"type":TYPE,"data":DATA}, which the seed
// profiles decode (seed 003's "connected", "stats", "event", "ping"), with empty data as null.
// The view points into the event or into `scratch`.
QByteArrayView sseEventFrame(const SseEvent &event, QByteArray &scratch);

} // namespace vantage
