#include "feed/ReplayStats.h"

namespace vantage {

bool ReplayStats::addSkipped(qint64 line, QLatin1String reason, QLatin1String description)
{
    ++skippedLines;
    ++skippedByReason[reason];
    if (skippedExamples.size() >= kMaxExamples)
        return false;
    skippedExamples.append({line, QString(reason),
                            QStringLiteral("Replay file %1, line %2 skipped: %3")
                                .arg(file, QString::number(line), description)});
    return true;
}

} // namespace vantage
