#pragma once

#include "feed/ReceivedFrame.h"
#include "feed/ReplayPlayback.h"

#include <QString>

namespace vantage {

// Where a source delivers raw frames, on the source's own (worker) thread, one call per frame.
class FrameSink
{
public:
    virtual ~FrameSink() = default;
    // The frame and its view are valid only during the call.
    virtual void onFrame(const ReceivedFrame &frame) = 0;
    // The stream starts over from its beginning (a replay pass): sequence numbers restart.
    virtual void onStreamRestart() {}
    // The transport refused a frame before decoding (e.g. "oversized_frame", "invalid_utf8"):
    // counted under that reason so no loss goes unnoticed.
    virtual void onFrameRejected(QLatin1String reason) { Q_UNUSED(reason) }
    // Replay only: the file being replayed, the lines read from it so far (over all passes), and
    // where the playback stands.
    virtual void onReplayProgress(const QString &file, quint64 linesRead, const ReplayPlayback &playback)
    {
        Q_UNUSED(file)
        Q_UNUSED(linesRead)
        Q_UNUSED(playback)
    }
    // Replay only: the replay jumped to a checkpoint (ReplaySeek). Frames delivered before this
    // call and not yet handed over belong to the moment left behind; the numbering is as it
    // stood at the checkpoint; the next batch carries `token`.
    virtual void onReplaySeek(quint64 token, const QString &epoch, qint64 lastSeq)
    {
        Q_UNUSED(token)
        Q_UNUSED(epoch)
        Q_UNUSED(lastSeq)
    }
    // Replay only: a line of the file gave no frame (corrupt, cut short). Counted under `reason`;
    // `description` says what is wrong, for a message that names the file and the line.
    virtual void onLineSkipped(qint64 line, QLatin1String reason, QLatin1String description)
    {
        Q_UNUSED(line)
        Q_UNUSED(reason)
        Q_UNUSED(description)
    }
};

} // namespace vantage
