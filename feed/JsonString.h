#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace vantage {

// Appends `text` as a JSON string literal: quotes, backslashes and control characters are
// escaped, every other byte (UTF-8 included) is copied as is. For text that came from a
// server and goes into a frame or a line Vantage writes itself.
void appendJsonString(QByteArray &out, QByteArrayView text);

} // namespace vantage
