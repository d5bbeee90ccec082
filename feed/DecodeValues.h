#pragma once

// Internal to the decoder: reading typed values out of simdjson On Demand values.
// Only feed/Decode*.cpp and feed/Decoder.cpp include this (simdjson stays out of public headers).

#include "feed/DecodeError.h"
#include "feed/Message.h"
#include "feed/StringPool.h"

#include <QString>

#include <simdjson.h>

#include <optional>
#include <string_view>

namespace vantage::decode {

namespace od = simdjson::ondemand;

// The document was validated before decoding, so a simdjson error here is a type mismatch;
// anything else is still reported as invalid JSON rather than trusted.
DecodeError fromSimdjson(simdjson::error_code error);

// Each reader leaves `out` unchanged for a JSON null (an absent value) and returns BadField
// for a value of the wrong JSON type.
DecodeError readText(od::value value, QString &out);          // a string, or a number's text (ids)
DecodeError readName(od::value value, StringPool &names, QString &out); // readText, interned in `names`
DecodeError readNumber(od::value value, double &out);
DecodeError readInteger(od::value value, qint64 &out);        // a number, truncated
DecodeError readInteger(od::value value, int &out);
DecodeError readBool(od::value value, bool &out);
DecodeError readTime(od::value value, std::optional<qint64> &out); // RFC 3339 string, or s / ms number
// {lat, lon|lng, country, city}; the country and city are interned in `names`.
DecodeError readLocation(od::value value, StringPool &names, GeoLocation &out);

// `text` without trailing JSON whitespace (raw JSON spans end where the next token starts).
std::string_view trimTrailingWhitespace(std::string_view text);

// True when the value is a JSON null (consumes it).
bool isNull(od::value &value);

// Calls handler(key, value) for every field of `object`; stops at the first error.
template<typename Handler>
DecodeError forEachField(od::object &object, Handler &&handler)
{
    for (auto entry : object) {
        od::field field;
        if (const auto error = std::move(entry).get(field))
            return fromSimdjson(error);
        std::string_view key;
        if (const auto error = field.unescaped_key().get(key))
            return fromSimdjson(error);
        if (const DecodeError error = handler(key, field.value()); error != DecodeError::None)
            return error;
    }
    return DecodeError::None;
}

// Gets an object out of a value: false with `error` None for null, BadField for a non-object.
bool getObject(od::value value, od::object &out, DecodeError &error);

} // namespace vantage::decode
