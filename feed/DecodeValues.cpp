#include "feed/DecodeValues.h"

#include "feed/JsonWhitespace.h"
#include "feed/Rfc3339.h"
#include "feed/SeedProfiles.h"

#include <cmath>
#include <limits>

namespace vantage::decode {

namespace {

// Numeric times at or above this are milliseconds, below it seconds (1e12 ms is 2001-09-09).
constexpr double kMillisecondThreshold = 1e12;
// Beyond this a time cannot be held in qint64 milliseconds with room to spare.
constexpr double kMaxAbsTimeMs = 9e15;

} // namespace

std::string_view trimTrailingWhitespace(std::string_view text)
{
    while (!text.empty() && isJsonWhitespace(text.back()))
        text.remove_suffix(1);
    return text;
}

DecodeError fromSimdjson(simdjson::error_code error)
{
    switch (error) {
    case simdjson::SUCCESS: return DecodeError::None;
    case simdjson::INCORRECT_TYPE:
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE: return DecodeError::BadField;
    default: return DecodeError::InvalidJson;
    }
}

bool isNull(od::value &value)
{
    bool null = false;
    return !value.is_null().get(null) && null;
}

namespace {

// A string's text, or a number's text as sent (ids are sometimes numeric); nullopt for null.
DecodeError readTextBytes(od::value value, std::optional<std::string_view> &out)
{
    od::json_type type;
    if (const auto error = value.type().get(type))
        return fromSimdjson(error);
    if (type == od::json_type::null)
        return DecodeError::None;
    if (type == od::json_type::number) {
        out = trimTrailingWhitespace(value.raw_json_token());
        return DecodeError::None;
    }
    std::string_view text;
    if (const auto error = value.get_string().get(text))
        return fromSimdjson(error);
    out = text;
    return DecodeError::None;
}

} // namespace

DecodeError readText(od::value value, QString &out)
{
    std::optional<std::string_view> text;
    const DecodeError error = readTextBytes(value, text);
    if (text)
        out = QString::fromUtf8(text->data(), qsizetype(text->size()));
    return error;
}

DecodeError readName(od::value value, StringPool &names, QString &out)
{
    std::optional<std::string_view> text;
    const DecodeError error = readTextBytes(value, text);
    if (text)
        out = names.intern(*text);
    return error;
}

DecodeError readNumber(od::value value, double &out)
{
    if (isNull(value))
        return DecodeError::None;
    double number = 0.0;
    if (const auto error = value.get_double().get(number))
        return fromSimdjson(error);
    out = number;
    return DecodeError::None;
}

DecodeError readInteger(od::value value, qint64 &out)
{
    double number = qQNaN();
    if (const DecodeError error = readNumber(value, number); error != DecodeError::None)
        return error;
    if (qIsNaN(number))
        return DecodeError::None;
    if (std::fabs(number) > 9.2e18)
        return DecodeError::BadField;
    out = qint64(number);
    return DecodeError::None;
}

DecodeError readInteger(od::value value, int &out)
{
    qint64 number = out;
    if (const DecodeError error = readInteger(value, number); error != DecodeError::None)
        return error;
    if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())
        return DecodeError::BadField;
    out = int(number);
    return DecodeError::None;
}

DecodeError readBool(od::value value, bool &out)
{
    if (isNull(value))
        return DecodeError::None;
    bool flag = false;
    if (const auto error = value.get_bool().get(flag))
        return fromSimdjson(error);
    out = flag;
    return DecodeError::None;
}

DecodeError readTime(od::value value, std::optional<qint64> &out)
{
    od::json_type type;
    if (const auto error = value.type().get(type))
        return fromSimdjson(error);
    if (type == od::json_type::null)
        return DecodeError::None;
    if (type == od::json_type::string) {
        std::string_view text;
        if (const auto error = value.get_string().get(text))
            return fromSimdjson(error);
        const std::optional<qint64> ms = parseRfc3339Ms(text);
        if (!ms)
            return DecodeError::BadField;
        out = ms;
        return DecodeError::None;
    }
    double number = 0.0;
    if (const auto error = value.get_double().get(number))
        return fromSimdjson(error);
    const double ms = std::fabs(number) >= kMillisecondThreshold ? number : number * 1000.0;
    if (std::fabs(ms) > kMaxAbsTimeMs)
        return DecodeError::BadField;
    out = qint64(std::llround(ms));
    return DecodeError::None;
}

bool getObject(od::value value, od::object &out, DecodeError &error)
{
    error = DecodeError::None;
    od::json_type type;
    if (const auto e = value.type().get(type)) {
        error = fromSimdjson(e);
        return false;
    }
    if (type == od::json_type::null)
        return false;
    if (type != od::json_type::object) {
        error = DecodeError::BadField;
        return false;
    }
    if (const auto e = value.get_object().get(out)) {
        error = fromSimdjson(e);
        return false;
    }
    return true;
}

DecodeError readLocation(od::value value, StringPool &names, GeoLocation &out)
{
    od::object object;
    DecodeError error = DecodeError::None;
    if (!getObject(value, object, error))
        return error;
    return forEachField(object, [&](std::string_view key, od::value field) {
        switch (fieldForKey(key)) {
        case Field::Lat: return readNumber(field, out.lat);
        case Field::Lon: return readNumber(field, out.lon);
        case Field::Country: return readName(field, names, out.country);
        case Field::City: return readName(field, names, out.city);
        default: return DecodeError::None;
        }
    });
}

} // namespace vantage::decode
