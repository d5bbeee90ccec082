#pragma once

#include <QString>

namespace vantage {

// A single-line rendition of untrusted text for summaries and list rows: every line break
// (LF, CR, VT, FF, NEL, U+2028, U+2029) and tab becomes a space, one for one, so a row keeps
// its height; nothing is interpreted.
QString singleLine(QString text);

} // namespace vantage
