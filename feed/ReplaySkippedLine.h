#pragma once

#include <QString>

namespace vantage {

// A line of a replayed file that gave no event, kept to show the operator which and why.
struct ReplaySkippedLine
{
    qint64 line = 0; // 1-based, in the file's (decompressed) content
    QString reason;  // the name it is counted under, e.g. "invalid_json", "truncated_line"
    QString message; // plain text naming the file and the line
};

} // namespace vantage
