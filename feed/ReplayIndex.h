#pragma once

#include "feed/Message.h"
#include "feed/ReplayDensityHistogram.h"

#include <QString>

#include <optional>
#include <vector>

namespace vantage {

// What a replay needs to know about a log before playing it (docs/replay-index.md): where to
// start reading for a seek, the span and density of its log time, and where its alerts are.
// Built by ReplayIndexer; a partial index (complete == false) covers the content up to
// contentBytes. Log time is a bare frame's "ts", or a recorded line's receive time "t"; a frame
// without one takes the time of the frame before it, as the replay delivers it.
struct ReplayIndex
{
    enum class Format : quint8 { Bare, Recording };

    // A place a seek can resume reading from: a line that holds a frame.
    struct Checkpoint
    {
        qint64 line = 0;   // 1-based line number, blank lines and a recording's header included
        qint64 offset = 0; // byte offset of the line's first byte in the (decompressed) content
        qint64 frame = 0;  // frames before this line
        // The replay clock when this line is reached: the latest log time up to and including
        // it, so checkpoints are in time order even when the log is not quite.
        qint64 timeMs = 0;
    };

    enum class AlertChange : quint8 { Raised, Resolved };

    struct AlertMarker
    {
        qint64 timeMs = 0;
        AlertChange change = AlertChange::Raised;
        Severity severity = Severity::Warning; // a resolution names none: Info
    };

    // A stretch of log time when the live connection was down (a recording's "connection" lines,
    // docs/recording.md): from the line saying it went down to the one saying it came back, or to
    // the end of the log when it never did.
    struct Gap
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
    };

    explicit ReplayIndex(int densityBuckets = 1000)
        : density(densityBuckets)
    {}

    // The last checkpoint whose time is at or before `timeMs`; nullptr when there is none (a
    // seek then reads from the start of the content).
    const Checkpoint *checkpointAtOrBefore(qint64 timeMs) const;
    // The last checkpoint on or before line `line`; nullptr when there is none.
    const Checkpoint *checkpointAtOrBeforeLine(qint64 line) const;

    QString path;
    Format format = Format::Bare;
    bool gzip = false;
    bool complete = false;
    qint64 contentBytes = 0; // (decompressed) bytes indexed

    std::optional<qint64> firstTimeMs; // of the first frame with a time
    std::optional<qint64> lastTimeMs;  // the latest log time of any frame

    qint64 lines = 0;    // every line read, blank ones and a recording's header included
    qint64 frames = 0;   // lines that hold a protocol frame
    qint64 badLines = 0; // lines the replay skips: cut short, not JSON, not a protocol frame

    std::vector<Checkpoint> checkpoints;
    ReplayDensityHistogram density; // frames by log time; sums to `frames` once a time is known
    std::vector<AlertMarker> alerts;
    qint64 alertMarkersDropped = 0;
    std::vector<Gap> gaps; // in time order, at most ReplayIndexOptions::maxGaps; later ones are counted
    qint64 gapsDropped = 0;

    // Why the content could not be read to its end (a gzip stream cut short or corrupt, an I/O error):
    // the index covers what came before. Empty when the whole file was read.
    QString readError;
};

} // namespace vantage
