#include "feed/Decoder.h"

#include "feed/DecodeBodies.h"
#include "feed/JsonWhitespace.h"
#include "feed/SeedProfiles.h"

#include <algorithm>
#include <cstring>

namespace vantage {

using namespace decode;

namespace {

// Deeper documents are rejected as invalid rather than risking the stack.
constexpr int kMaxDepth = 128;

simdjson::error_code validateValue(od::value value, int depth);

template<typename Container>
simdjson::error_code validateObject(Container &object, int depth)
{
    for (auto entry : object) {
        od::field field;
        if (const auto error = std::move(entry).get(field))
            return error;
        std::string_view key;
        if (const auto error = field.unescaped_key().get(key))
            return error;
        if (const auto error = validateValue(field.value(), depth + 1))
            return error;
    }
    return simdjson::SUCCESS;
}

template<typename Container>
simdjson::error_code validateArray(Container &array, int depth)
{
    for (auto entry : array) {
        od::value element;
        if (const auto error = std::move(entry).get(element))
            return error;
        if (const auto error = validateValue(element, depth + 1))
            return error;
    }
    return simdjson::SUCCESS;
}

// Reads every value of `source` (a value or the document) so that On Demand, which only checks
// what it visits, has checked all of it. Scalars are parsed, not just skipped.
template<typename Source>
simdjson::error_code validateAny(Source &source, int depth)
{
    if (depth > kMaxDepth)
        return simdjson::DEPTH_ERROR;
    od::json_type type;
    if (const auto error = source.type().get(type))
        return error;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        if (const auto error = source.get_object().get(object))
            return error;
        return validateObject(object, depth);
    }
    case od::json_type::array: {
        od::array array;
        if (const auto error = source.get_array().get(array))
            return error;
        return validateArray(array, depth);
    }
    case od::json_type::number: {
        double number = 0.0;
        return source.get_double().get(number);
    }
    case od::json_type::string: {
        std::string_view text;
        return source.get_string().get(text);
    }
    case od::json_type::boolean: {
        bool flag = false;
        return source.get_bool().get(flag);
    }
    case od::json_type::null: {
        bool null = false;
        if (const auto error = source.is_null().get(null))
            return error;
        return null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    }
    return simdjson::TAPE_ERROR;
}

simdjson::error_code validateValue(od::value value, int depth)
{
    return validateAny(value, depth);
}

// simdjson 3.0.1's document has no at_end(): past the last token, current_location() fails.
bool hasTrailingContent(od::document &document)
{
    const char *location = nullptr;
    return document.current_location().get(location) == simdjson::SUCCESS;
}

// Where a body sits in the envelope, and what kind of message it makes.
struct Route
{
    MessageKind kind = MessageKind::Event;
    BodyShape shape = BodyShape::Standard;
    std::string_view eventType; // fixed by a seed profile; empty: from the body
    bool generic = false;       // an unknown type, kept as a generic event
};

Route routeFor(std::string_view wireType, bool hasVersion)
{
    // Seed shapes are sent without "v"; with "v" only the protocol's own names count.
    if (!hasVersion) {
        if (const SeedProfile *profile = findSeedProfile(wireType))
            return {profile->kind, profile->shape, profile->eventType, false};
    }
    if (const std::optional<MessageKind> kind = protocolKind(wireType))
        return {*kind, BodyShape::Standard, {}, false};
    return {MessageKind::Event, BodyShape::Standard, {}, true};
}

template<typename Body, typename Read>
DecodeError readBody(od::object *data, BodyContext &context, Message &out, Read read)
{
    Body &body = out.body.emplace<Body>();
    if (!data)
        return DecodeError::None;
    return read(*data, context, body);
}

} // namespace

struct Decoder::Impl
{
    od::parser parser;
    std::unique_ptr<char[]> buffer;
    size_t capacity = 0;
    BodyContext context;

    DecodeError decodeEnvelope(od::object &envelope, qint64 receivedMs, qint64 tsShiftMs, Message &out);
    DecodeError decodeBody(const Route &route, od::object *data, Message &out);
};

Decoder::Decoder() : m_impl(std::make_unique<Impl>()) {}

Decoder::~Decoder() = default;

DecodeError Decoder::decode(QByteArrayView frame, qint64 receivedMs, qint64 tsShiftMs, Message &out)
{
    const auto size = size_t(frame.size());
    if (isBlankJson(frame))
        return DecodeError::EmptyFrame;

    Impl &impl = *m_impl;
    if (impl.capacity < size + simdjson::SIMDJSON_PADDING) {
        impl.capacity = size + simdjson::SIMDJSON_PADDING;
        impl.buffer = std::make_unique<char[]>(impl.capacity);
    }
    std::memcpy(impl.buffer.get(), frame.data(), size);
    std::memset(impl.buffer.get() + size, 0, simdjson::SIMDJSON_PADDING);

    od::document document;
    // simdjson validates the UTF-8 of the whole frame before it looks at any JSON.
    if (const auto error = impl.parser.iterate(impl.buffer.get(), size, impl.capacity).get(document))
        return error == simdjson::UTF8_ERROR ? DecodeError::InvalidUtf8 : DecodeError::InvalidJson;
    if (validateAny(document, 0) || hasTrailingContent(document))
        return DecodeError::InvalidJson;
    document.rewind();

    od::json_type type;
    if (document.type().get(type))
        return DecodeError::InvalidJson;
    if (type != od::json_type::object)
        return DecodeError::NotAnObject;
    od::object envelope;
    if (document.get_object().get(envelope))
        return DecodeError::InvalidJson;
    return impl.decodeEnvelope(envelope, receivedMs, tsShiftMs, out);
}

DecodeError Decoder::Impl::decodeEnvelope(od::object &envelope, qint64 receivedMs, qint64 tsShiftMs, Message &out)
{
    od::value value;
    bool hasVersion = false;
    if (const auto error = envelope.find_field_unordered("v").get(value); error != simdjson::NO_SUCH_FIELD) {
        int64_t version = 0;
        if (error || value.get_int64().get(version) || version != 1)
            return DecodeError::UnsupportedVersion;
        hasVersion = true;
    }

    std::string_view wireType;
    if (envelope.find_field_unordered("type").get(value) || value.get_string().get(wireType) || wireType.empty())
        return DecodeError::MissingType;

    out.seq = -1;
    if (const auto error = envelope.find_field_unordered("seq").get(value); error != simdjson::NO_SUCH_FIELD) {
        if (error)
            return fromSimdjson(error);
        if (!isNull(value)) {
            int64_t seq = 0;
            if (const auto e = value.get_int64().get(seq))
                return fromSimdjson(e);
            if (seq < 0)
                return DecodeError::BadField;
            out.seq = seq;
        }
    }

    std::optional<qint64> envelopeTime;
    if (const auto error = envelope.find_field_unordered("ts").get(value); error != simdjson::NO_SUCH_FIELD) {
        if (error)
            return fromSimdjson(error);
        if (const DecodeError e = readTime(value, envelopeTime); e != DecodeError::None)
            return e;
    }

    // The body is under "data" (v1, seed 002) or "payload" (seed 000).
    od::object data;
    bool hasData = false;
    for (const char *key : {"data", "payload"}) {
        const auto error = envelope.find_field_unordered(key).get(value);
        if (error == simdjson::NO_SUCH_FIELD)
            continue;
        if (error)
            return fromSimdjson(error);
        DecodeError bodyError = DecodeError::None;
        hasData = getObject(value, data, bodyError);
        if (bodyError != DecodeError::None)
            return bodyError;
        break;
    }

    const Route route = routeFor(wireType, hasVersion);
    out.kind = route.kind;
    out.wireType = context.names.intern(wireType);
    context.timeMs.reset();
    if (const DecodeError error = decodeBody(route, hasData ? &data : nullptr, out); error != DecodeError::None)
        return error;

    if (auto *event = std::get_if<LiveEvent>(&out.body)) {
        if (!route.eventType.empty())
            event->type = context.names.intern(route.eventType);
        else if (route.generic || event->type.isEmpty())
            event->type = out.wireType;
    }
    out.tsMs = envelopeTime.value_or(context.timeMs.value_or(receivedMs)) + tsShiftMs;
    return DecodeError::None;
}

DecodeError Decoder::Impl::decodeBody(const Route &route, od::object *data, Message &out)
{
    switch (route.kind) {
    case MessageKind::Hello: return readBody<HelloInfo>(data, context, out, readHello);
    case MessageKind::Snapshot:
        return readBody<SnapshotInfo>(data, context, out,
                                      route.shape == BodyShape::NestedTotals ? readNestedTotals : readSnapshot);
    case MessageKind::Event: return readBody<LiveEvent>(data, context, out, readEvent);
    case MessageKind::Metrics: return readBody<MetricsSample>(data, context, out, readMetrics);
    case MessageKind::ActiveUsers: return readBody<ActiveUsersUpdate>(data, context, out, readActiveUsers);
    case MessageKind::Alert:
        // An alert is identified by its id; without a body it has none.
        return data ? readBody<AlertInfo>(data, context, out, readAlert) : DecodeError::BadField;
    case MessageKind::AlertResolved:
        return data ? readBody<AlertResolvedInfo>(data, context, out, readAlertResolved) : DecodeError::BadField;
    case MessageKind::AlertAck:
        return data ? readBody<AlertAckInfo>(data, context, out, readAlertAck) : DecodeError::BadField;
    case MessageKind::Progress: return readBody<ProgressInfo>(data, context, out, readProgress);
    case MessageKind::Notification: return readBody<NotificationInfo>(data, context, out, readNotification);
    case MessageKind::Ping:
    case MessageKind::Pong: out.body = std::monostate{}; return DecodeError::None;
    }
    return DecodeError::None;
}

} // namespace vantage
