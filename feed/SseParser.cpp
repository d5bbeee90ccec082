#include "feed/SseParser.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

namespace vantage {

// Callbacks may call reset(): the rest of the chunk being fed then belongs to the dropped
// connection and is ignored. They must not call feed() on the same parser.

namespace {

constexpr QByteArrayView kBom("\xEF\xBB\xBF");

// Position of the first `byte` at or after `from`, or chunk.size() when there is none.
qsizetype findByte(QByteArrayView chunk, qsizetype from, char byte)
{
    const void *hit = std::memchr(chunk.data() + from, byte, size_t(chunk.size() - from));
    return hit ? static_cast<const char *>(hit) - chunk.data() : chunk.size();
}

// Overwrites a buffer in place, so its capacity is reused from one event to the next.
void assignReusing(QByteArray &buffer, QByteArrayView value)
{
    buffer.resize(0);
    buffer.append(value);
}

} // namespace

SseParser::SseParser(EventFn onEvent, RetryFn onRetry, OversizedFn onOversized)
    : m_onEvent(std::move(onEvent))
    , m_onRetry(std::move(onRetry))
    , m_onOversized(std::move(onOversized))
{}

void SseParser::feed(QByteArrayView chunk)
{
    const quint64 resets = m_resets;

    if (m_atStreamStart) {
        qsizetype skipped = 0;
        while (skipped < chunk.size() && m_bomMatched < kBom.size() && chunk[skipped] == kBom[m_bomMatched]) {
            ++skipped;
            ++m_bomMatched;
        }
        // A BOM prefix at the end of the chunk: only the next chunk can tell.
        if (m_bomMatched < kBom.size() && skipped == chunk.size())
            return;
        m_atStreamStart = false;
        // Not a BOM after all: the bytes matched so far are ordinary line content. They hold
        // no line end, so they can only start the first line.
        if (m_bomMatched > 0 && m_bomMatched < kBom.size()) {
            appendPartial(kBom.first(m_bomMatched));
            if (m_resets != resets)
                return;
        }
        chunk = chunk.sliced(skipped);
    }

    const qsizetype size = chunk.size();
    qsizetype pos = 0;
    if (m_lastWasCr && size > 0) {
        m_lastWasCr = false;
        if (chunk[0] == '\n')
            pos = 1;
    }

    // The next CR and LF are cached so a stream using only one of them is still scanned once,
    // not once per line.
    qsizetype nextCr = -1;
    qsizetype nextLf = -1;
    while (pos < size) {
        if (nextCr < pos)
            nextCr = findByte(chunk, pos, '\r');
        if (nextLf < pos)
            nextLf = findByte(chunk, pos, '\n');
        const qsizetype eol = std::min(nextCr, nextLf);
        if (eol == size) {
            appendPartial(chunk.sliced(pos));
            return;
        }
        completeLine(chunk.sliced(pos, eol - pos));
        if (m_resets != resets)
            return;
        pos = eol + 1;
        if (chunk[eol] == '\r') {
            if (pos == size)
                m_lastWasCr = true;
            else if (chunk[pos] == '\n')
                ++pos;
        }
    }
}

void SseParser::reset()
{
    ++m_resets;
    m_lastEventId = m_committedEventId;
    m_line.clear();
    m_data.clear();
    m_eventType.clear();
    m_bomMatched = 0;
    m_atStreamStart = true;
    m_lastWasCr = false;
    m_discarding = false;
    m_discardingLine = false;
}

void SseParser::completeLine(QByteArrayView tail)
{
    if (m_discarding) {
        if (!m_discardingLine && tail.isEmpty())
            m_discarding = false; // the blank line that ends the oversized event
        m_discardingLine = false;
        return;
    }
    if (m_line.size() + tail.size() > m_maxEventBytes) {
        discardOversized(false);
        return;
    }
    // Most lines arrive whole inside one chunk and are parsed straight from it.
    if (m_line.isEmpty()) {
        processLine(tail);
        return;
    }
    m_line.append(tail);
    processLine(m_line);
    m_line.resize(0);
}

void SseParser::appendPartial(QByteArrayView bytes)
{
    if (m_discarding) {
        m_discardingLine = true;
        return;
    }
    if (m_line.size() + bytes.size() > m_maxEventBytes) {
        discardOversized(true);
        return;
    }
    m_line.append(bytes);
}

void SseParser::processLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.front() == ':')
        return; // a comment
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        processField(line, {});
        return;
    }
    QByteArrayView value = line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    processField(line.first(colon), value);
}

void SseParser::processField(QByteArrayView name, QByteArrayView value)
{
    if (name == QByteArrayView("event")) {
        assignReusing(m_eventType, value);
    } else if (name == QByteArrayView("data")) {
        if (m_data.size() + value.size() + 1 > m_maxEventBytes) {
            discardOversized(false);
            return;
        }
        m_data.append(value);
        m_data.append('\n');
    } else if (name == QByteArrayView("id")) {
        if (!value.contains('\0'))
            assignReusing(m_lastEventId, value);
    } else if (name == QByteArrayView("retry")) {
        if (value.isEmpty())
            return;
        // A value beyond qint64 is clamped rather than ignored: the server asked for a very
        // long wait, and the reconnect policy caps the delay it actually uses.
        constexpr qint64 kMax = std::numeric_limits<qint64>::max();
        qint64 retryMs = 0;
        for (const char c : value) {
            if (c < '0' || c > '9')
                return;
            const int digit = c - '0';
            retryMs = retryMs > (kMax - digit) / 10 ? kMax : retryMs * 10 + digit;
        }
        if (m_onRetry)
            m_onRetry(retryMs);
    }
}

void SseParser::dispatch()
{
    m_committedEventId = m_lastEventId;
    if (m_data.isEmpty()) {
        m_eventType.resize(0);
        return;
    }
    m_data.chop(1);
    {
        // Scoped so the event's shared copies are gone before the buffers are reused: then
        // resize(0) keeps their capacity instead of detaching.
        SseEvent event;
        if (!m_eventType.isEmpty())
            event.type = m_eventType;
        event.data = m_data;
        event.lastEventId = m_lastEventId;
        if (m_onEvent)
            m_onEvent(event);
    }
    m_data.resize(0);
    m_eventType.resize(0);
}

void SseParser::discardOversized(bool midLine)
{
    m_discarding = true;
    m_discardingLine = midLine;
    m_line.resize(0);
    m_data.resize(0);
    m_eventType.resize(0);
    ++m_oversizedEvents;
    if (m_onOversized)
        m_onOversized();
}

} // namespace vantage
