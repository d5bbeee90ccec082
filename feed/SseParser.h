#pragma once

#include "feed/SseEvent.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace vantage {

// Incremental text/event-stream parser following the WHATWG HTML "Interpreting an event
// stream" rules: one leading UTF-8 BOM skipped, CR / LF / CRLF line ends (a CRLF split across
// chunks counts once), ":" comments, a field without a colon, one leading space stripped from
// the value, multi-line data, an id containing NUL ignored, retry only when all ASCII digits,
// dispatch on a blank line (not when the data buffer is empty), and no dispatch of an
// unterminated final event. Chunk boundaries never change the result.
//
// Memory is bounded: an event (or a single line) larger than maxEventBytes is discarded up to
// its terminating blank line and reported through the oversized callback, once per event.
class SseParser final
{
public:
    using EventFn = std::function<void(const SseEvent &event)>;
    using RetryFn = std::function<void(qint64 retryMs)>;
    using OversizedFn = std::function<void()>;

    static constexpr qsizetype kDefaultMaxEventBytes = 1 << 20;

    explicit SseParser(EventFn onEvent, RetryFn onRetry = {}, OversizedFn onOversized = {});

    // Parses the next chunk of the stream, dispatching every event it completes.
    void feed(QByteArrayView chunk);
    // A new connection: the BOM may appear again and partial lines and the pending event are
    // dropped; the last event ID string survives, as the standard requires, and the buffer goes
    // back to it (an id of an event that was never completed is forgotten).
    void reset();

    // The event source's "last event ID string": the last event ID buffer as of the last blank
    // line. This, not the buffer, is sent as Last-Event-ID: an id line whose event was cut off
    // by a dropped connection must not count as received.
    const QByteArray &lastEventId() const { return m_committedEventId; }
    void setLastEventId(const QByteArray &id)
    {
        m_lastEventId = id;
        m_committedEventId = id;
    }

    void setMaxEventBytes(qsizetype bytes) { m_maxEventBytes = bytes; }
    qsizetype maxEventBytes() const { return m_maxEventBytes; }
    // Events discarded for size since construction.
    quint64 oversizedEvents() const { return m_oversizedEvents; }

private:
    void completeLine(QByteArrayView tail);
    void appendPartial(QByteArrayView bytes);
    void processLine(QByteArrayView line);
    void processField(QByteArrayView name, QByteArrayView value);
    void dispatch();
    void discardOversized(bool midLine);

    EventFn m_onEvent;
    RetryFn m_onRetry;
    OversizedFn m_onOversized;
    QByteArray m_line;        // the current, unterminated line
    QByteArray m_data;        // data buffer
    QByteArray m_eventType;   // event type buffer
    QByteArray m_lastEventId; // last event ID buffer
    QByteArray m_committedEventId; // its value at the last blank line
    qsizetype m_maxEventBytes = kDefaultMaxEventBytes;
    quint64 m_oversizedEvents = 0;
    quint64 m_resets = 0; // reset() calls, so feed() notices one made from a callback
    int m_bomMatched = 0; // bytes of a leading BOM seen so far (0..3)
    bool m_atStreamStart = true;
    bool m_lastWasCr = false;      // the previous chunk ended with CR: a leading LF completes CRLF
    bool m_discarding = false;     // inside an oversized event, skipping to its blank line
    bool m_discardingLine = false; // while discarding: the current line has bytes, so is not blank
};

} // namespace vantage
