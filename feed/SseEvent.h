#pragma once

#include <QByteArray>

namespace vantage {

// One dispatched Server-Sent Event, exactly as the WHATWG event-stream interpretation
// defines it. All fields are UTF-8 bytes as received.
struct SseEvent
{
    QByteArray type = QByteArrayLiteral("message"); // the "event" field, "message" when absent or empty
    QByteArray data;        // "data" lines joined with LF, the final LF removed
    QByteArray lastEventId; // the last event ID buffer at dispatch time (persists across events)

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

} // namespace vantage
