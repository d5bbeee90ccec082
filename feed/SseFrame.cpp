#include "feed/SseFrame.h"

#include "feed/JsonString.h"
#include "feed/JsonWhitespace.h"
#include "feed/SseEvent.h"

namespace vantage {

QByteArrayView sseEventFrame(const SseEvent &event, QByteArray &scratch)
{
    if (event.type == "message")
        return event.data;
    scratch.truncate(0);
    scratch += "{\"type\":";
    appendJsonString(scratch, event.type);
    scratch += ",\"data\":";
    // "event: ping" with an empty data line is still a heartbeat, not a broken frame.
    if (isBlankJson(event.data))
        scratch += "null";
    else
        scratch += event.data;
    scratch += '}';
    return scratch;
}

} // namespace vantage
