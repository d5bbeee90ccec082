#pragma once

#include "feed/ReplayPlayback.h"
#include "feed/ReplaySkippedLine.h"

#include <QHash>
#include <QLatin1String>
#include <QList>
#include <QString>

namespace vantage {

// How a replay went through its file: what it read, what it played and which lines it skipped.
// Totals over every pass of a looping replay.
struct ReplayStats
{
    static constexpr qsizetype kMaxExamples = 20;

    QString file;               // "" when the source is not a replay
    quint64 linesRead = 0;      // every line, blank ones and a recording's header too
    quint64 eventsReplayed = 0; // lines whose frame decoded
    quint64 skippedLines = 0;
    QHash<QString, quint64> skippedByReason;
    QList<ReplaySkippedLine> skippedExamples; // the first kMaxExamples, in file order
    ReplayPlayback playback;                  // the position and the playback settings, as last reported

    // Counts a skipped line under `reason`. True when it was kept among the examples, with a
    // message naming the file and the line.
    bool addSkipped(qint64 line, QLatin1String reason, QLatin1String description);
};

} // namespace vantage
