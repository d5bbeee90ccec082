#include "feed/ReplayIndexFrameReader.h"

#include "feed/Rfc3339.h"
#include "feed/SeedProfiles.h"

#include <simdjson.h>

#include <cstring>
#include <string>

namespace vantage {

namespace od = simdjson::ondemand;

namespace {

// The kind the decoder routes a wire type to: seed names only without "v", then v1 names.
std::optional<MessageKind> kindOf(std::string_view wireType, bool hasVersion)
{
    if (!hasVersion) {
        if (const SeedProfile *profile = findSeedProfile(wireType))
            return profile->kind;
    }
    return protocolKind(wireType);
}

// The "severity" of the body under "data" (v1) or "payload" (seed 000); Warning, as the decoder
// has it, when there is none.
Severity alertSeverity(od::object &envelope)
{
    for (const char *key : {"data", "payload"}) {
        od::object body;
        if (envelope.find_field_unordered(key).get_object().get(body))
            continue;
        std::string_view name;
        if (!body.find_field_unordered("severity").get_string().get(name))
            return severityForName(name);
        return Severity::Warning;
    }
    return Severity::Warning;
}

} // namespace

struct ReplayIndexFrameReader::Impl
{
    od::parser parser;
    std::string padded; // the frame plus simdjson's padding, reused across frames
};

ReplayIndexFrameReader::ReplayIndexFrameReader()
    : m_impl(std::make_unique<Impl>())
{}

ReplayIndexFrameReader::~ReplayIndexFrameReader() = default;

bool ReplayIndexFrameReader::read(QByteArrayView frame, Summary &out)
{
    out = Summary{};
    if (frame.isEmpty())
        return false;
    const auto length = static_cast<std::size_t>(frame.size());
    std::string &padded = m_impl->padded;
    if (padded.size() < length + simdjson::SIMDJSON_PADDING)
        padded.resize(length + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded.data(), frame.data(), length);

    od::document document;
    od::object envelope;
    if (m_impl->parser.iterate(padded.data(), length, padded.size()).get(document) ||
        document.get_object().get(envelope))
        return false;

    od::value value;
    bool hasVersion = false;
    if (const auto error = envelope.find_field_unordered("v").get(value); error != simdjson::NO_SUCH_FIELD) {
        int64_t version = 0;
        if (error || value.get_int64().get(version) || version != 1)
            return false;
        hasVersion = true;
    }
    std::string_view wireType;
    if (envelope.find_field_unordered("type").get_string().get(wireType) || wireType.empty())
        return false;
    std::string_view ts;
    if (!envelope.find_field_unordered("ts").get_string().get(ts))
        out.timeMs = parseRfc3339Ms(ts);

    const std::optional<MessageKind> kind = kindOf(wireType, hasVersion);
    if (kind == MessageKind::Alert) {
        out.alert = ReplayIndex::AlertChange::Raised;
        out.severity = alertSeverity(envelope);
    } else if (kind == MessageKind::AlertResolved) {
        out.alert = ReplayIndex::AlertChange::Resolved;
        out.severity = Severity::Info;
    }
    return true;
}

} // namespace vantage
