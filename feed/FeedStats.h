#pragma once

#include "feed/ReplayStats.h"

#include <QHash>
#include <QString>

namespace vantage {

// Running totals of a pipeline since it started. Copied into every batch so the GUI
// and the headless report see the same numbers.
struct FeedStats
{
    quint64 framesReceived = 0;
    quint64 bytesReceived = 0;
    quint64 messagesDecoded = 0;
    quint64 decodeErrors = 0;
    QHash<QString, quint64> byType;         // wire type -> messages (256 names at most, then "(other types)")
    QHash<QString, quint64> errorsByReason; // decodeErrorName -> frames
    quint64 duplicatesDropped = 0;          // seq at or below the last applied seq in the same epoch
    quint64 gapsDetected = 0;               // times a seq jumped forward
    quint64 messagesMissed = 0;             // seqs skipped by those jumps
    quint64 coveredBySnapshot = 0;          // seqs never received but covered by a later snapshot
    quint64 futureTimestampsClamped = 0;    // times more than 5 min ahead of receipt, set to the receive time
    quint64 reconnects = 0;                 // successful connections after the first
    // Recording (--record, File > Record...): the file ("" when not recording), the frames written
    // to it so far, why it stopped early ("" while all is well), and whether it has ended.
    QString recordPath;
    quint64 framesRecorded = 0;
    QString recordError;
    bool recordStopped = false;
    // The live journal (docs/journal.md): its folder ("" when there is none), the frames in it
    // from this session, and why it stopped ("" while all is well).
    QString journalDir;
    quint64 framesJournaled = 0;
    QString journalError;
    // Replay (--replay, the demo): the file, its lines, and the lines skipped and why. Skipped
    // lines are also counted in decodeErrors and errorsByReason, like any frame that gave nothing.
    ReplayStats replay;
};

} // namespace vantage
