#pragma once

#include <QByteArrayView>

#include <algorithm>
#include <string_view>

namespace vantage {

// JSON's four whitespace characters (RFC 8259): the only ones a frame or log line may pad with.
constexpr bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline bool isBlankJson(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), isJsonWhitespace);
}

} // namespace vantage
