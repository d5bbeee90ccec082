#include "feed/ReplayTimestampReader.h"

#include "feed/Rfc3339.h"

#include <simdjson.h>

#include <cstring>
#include <string>

namespace vantage {

struct ReplayTimestampReader::Impl
{
    simdjson::ondemand::parser parser;
    std::string padded; // the frame plus simdjson's padding, reused across frames
};

ReplayTimestampReader::ReplayTimestampReader()
    : m_impl(std::make_unique<Impl>())
{}

ReplayTimestampReader::~ReplayTimestampReader() = default;

std::optional<qint64> ReplayTimestampReader::read(QByteArrayView frame)
{
    if (frame.isEmpty())
        return std::nullopt;
    const auto length = static_cast<std::size_t>(frame.size());
    std::string &padded = m_impl->padded;
    if (padded.size() < length + simdjson::SIMDJSON_PADDING)
        padded.resize(length + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded.data(), frame.data(), length);

    simdjson::ondemand::document document;
    if (m_impl->parser.iterate(padded.data(), length, padded.size()).get(document))
        return std::nullopt;
    simdjson::ondemand::object object;
    if (document.get_object().get(object))
        return std::nullopt;
    std::string_view ts;
    if (object.find_field_unordered("ts").get_string().get(ts))
        return std::nullopt;
    return parseRfc3339Ms(ts);
}

} // namespace vantage
