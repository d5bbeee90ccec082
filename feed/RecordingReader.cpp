#include "feed/RecordingReader.h"

#include "feed/ReplayJsonCheck.h"

#include "feed/SseEvent.h"
#include "feed/SseFrame.h"

#include <QByteArray>

#include <simdjson.h>

#include <cstring>
#include <string>

namespace vantage {

namespace od = simdjson::ondemand;

namespace {

bool readBytes(od::object &object, const char *key, QByteArray &out)
{
    std::string_view text;
    if (object.find_field_unordered(key).get_string().get(text))
        return false;
    out.truncate(0);
    out.append(text.data(), qsizetype(text.size()));
    return true;
}

bool readSseEvent(od::object &sse, SseEvent &event)
{
    return readBytes(sse, "event", event.type) && readBytes(sse, "id", event.lastEventId) &&
           readBytes(sse, "data", event.data);
}

} // namespace

struct RecordingReader::Impl
{
    // Parses `line` into `object`; false when it is not a JSON object.
    bool parseObject(QByteArrayView line, od::object &object);

    od::parser parser;
    od::document document;
    std::string padded; // the line plus simdjson's padding, reused across lines
    QByteArray frame;   // a "frame" line's frame, unescaped
    SseEvent event;     // an "sse" line's event
    QByteArray wrapped; // sseEventFrame's scratch
    ReplayJsonCheck check;
};

bool RecordingReader::Impl::parseObject(QByteArrayView line, od::object &object)
{
    if (line.isEmpty())
        return false;
    const auto length = static_cast<std::size_t>(line.size());
    if (padded.size() < length + simdjson::SIMDJSON_PADDING)
        padded.resize(length + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded.data(), line.data(), length);
    return !parser.iterate(padded.data(), length, padded.size()).get(document) &&
           !document.get_object().get(object);
}

RecordingReader::RecordingReader()
    : m_impl(std::make_unique<Impl>())
{}

RecordingReader::~RecordingReader() = default;

std::optional<qint64> RecordingReader::headerVersion(QByteArrayView line)
{
    od::object object;
    int64_t version = 0;
    if (!m_impl->parseObject(line, object) ||
        object.find_field_unordered("vantage_recording").get_int64().get(version))
        return std::nullopt;
    return version;
}

RecordingReader::LineError RecordingReader::read(QByteArrayView line, Frame &frame)
{
    Impl &impl = *m_impl;
    od::object object;
    int64_t receivedMs = 0;
    if (!impl.parseObject(line, object)) {
        if (!impl.check.isCompleteJson(line))
            return LineError::NotJson;
        return LineError::NotAnObject;
    }
    if (object.find_field_unordered("t").get_int64().get(receivedMs))
        return impl.check.isCompleteJson(line) ? LineError::NoTime : LineError::NotJson;
    if (readBytes(object, "frame", impl.frame)) {
        frame = Frame{impl.frame, receivedMs};
        return LineError::None;
    }
    od::object sse;
    if (object.find_field_unordered("sse").get_object().get(sse) || !readSseEvent(sse, impl.event)) {
        std::string_view connection;
        if (!object.find_field_unordered("connection").get_string().get(connection) &&
            (connection == "down" || connection == "up")) {
            frame = Frame{{}, receivedMs, connection == "up" ? Kind::ConnectionUp : Kind::ConnectionDown};
            return LineError::None;
        }
        return impl.check.isCompleteJson(line) ? LineError::NoFrame : LineError::NotJson;
    }
    frame = Frame{sseEventFrame(impl.event, impl.wrapped), receivedMs};
    return LineError::None;
}

QLatin1String RecordingReader::describe(LineError error)
{
    switch (error) {
    case LineError::None: return QLatin1String("no error");
    case LineError::NotJson: return QLatin1String("not valid JSON");
    case LineError::NotAnObject: return QLatin1String("valid JSON, but not an object");
    case LineError::NoTime: return QLatin1String("no integer \"t\" (receive time)");
    case LineError::NoFrame:
        return QLatin1String("neither a \"frame\" string nor an \"sse\" object with \"event\", \"id\" and "
                             "\"data\" strings");
    }
    return QLatin1String("unknown error");
}

} // namespace vantage
