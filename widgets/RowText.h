#pragma once

#include <QString>

namespace vantage {

// A single-line rendition of untrusted text for list rows: line breaks and tabs become
// spaces so the row keeps its height; nothing is interpreted.
QString singleLine(const QString &text);

} // namespace vantage
