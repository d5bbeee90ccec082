#include "feed/DecodeError.h"

namespace vantage {

QLatin1String decodeErrorName(DecodeError error)
{
    switch (error) {
    case DecodeError::None: return QLatin1String("none");
    case DecodeError::EmptyFrame: return QLatin1String("empty_frame");
    case DecodeError::InvalidJson: return QLatin1String("invalid_json");
    case DecodeError::InvalidUtf8: return QLatin1String("invalid_utf8");
    case DecodeError::NotAnObject: return QLatin1String("not_an_object");
    case DecodeError::MissingType: return QLatin1String("missing_type");
    case DecodeError::UnsupportedVersion: return QLatin1String("unsupported_version");
    case DecodeError::BadField: return QLatin1String("bad_field");
    }
    return QLatin1String("unknown");
}

QLatin1String decodeErrorDescription(DecodeError error)
{
    switch (error) {
    case DecodeError::None: return QLatin1String("no error");
    case DecodeError::EmptyFrame: return QLatin1String("an empty frame");
    case DecodeError::InvalidJson: return QLatin1String("not valid JSON");
    case DecodeError::InvalidUtf8: return QLatin1String("not valid UTF-8");
    case DecodeError::NotAnObject:
        return QLatin1String("valid JSON, but not an object, so not a protocol frame");
    case DecodeError::MissingType: return QLatin1String("no \"type\" string, so not a protocol frame");
    case DecodeError::UnsupportedVersion: return QLatin1String("a protocol version (\"v\") other than 1");
    case DecodeError::BadField:
        return QLatin1String(
            "a field missing or of the wrong type (for example a \"seq\" that is not an integer)");
    }
    return QLatin1String("unknown error");
}

} // namespace vantage
