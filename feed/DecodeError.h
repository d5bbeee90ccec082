#pragma once

#include <QLatin1String>

namespace vantage {

// Why a frame was skipped. Every skipped frame is counted under one of these.
enum class DecodeError : quint8 {
    None,
    EmptyFrame,         // zero bytes or only whitespace
    InvalidJson,        // not parseable as JSON
    InvalidUtf8,        // not valid UTF-8 (checked before any JSON structure)
    NotAnObject,        // valid JSON but not an object
    MissingType,        // no "type" string
    UnsupportedVersion, // "v" present but not 1
    BadField,           // a known field has the wrong JSON type (e.g. "seq":"x", alert without id)
};

QLatin1String decodeErrorName(DecodeError error);
// The error in words, for a message that names where the frame came from (a replayed line).
QLatin1String decodeErrorDescription(DecodeError error);

} // namespace vantage
