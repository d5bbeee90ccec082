#pragma once

#include "feed/FrameSource.h"
#include "feed/RecordingReader.h"
#include "feed/ReplayJsonCheck.h"
#include "feed/ReplayLineReader.h"
#include "feed/ReplayOptions.h"
#include "feed/ReplayPlayback.h"
#include "feed/ReplaySeek.h"
#include "feed/ReplayTimestampReader.h"

#include <memory>
#include <optional>

class QTimer;

namespace vantage {

class ReplayFile;

// Plays an NDJSON log as a frame source, on the worker thread: bare protocol frames, one per
// line, or a recording (docs/recording.md, known by its header line), plain or gzip. The file is
// read line by line. Playback is timed from an anchor, a moment paired with a position in the log:
// each frame is due at anchorMoment + (time - anchorPosition) / speed, and one timer sleeps until
// the next due frame. A pass anchors its start at its first time; pausing, resuming and changing
// the speed anchor again at the current position, so playback never jumps or bursts. The time is
// a bare frame's "ts", or a recorded line's receive time "t". Frames without a readable time go
// out as soon as they are reached.
// Bad input never stops the replay: a corrupt recorded line, or a last line cut short, is
// reported to the sink as skipped, with its line number (a bare frame that does not decode is
// skipped by the pipeline, which learns its line from the frame). A file that cannot be read at
// all (missing, a directory, unreadable, empty) or a gzip stream that breaks off ends it with an
// Error status naming the file.
class ReplaySource final : public FrameSource
{
    Q_OBJECT
public:
    explicit ReplaySource(ReplayOptions options, QObject *parent = nullptr);
    ~ReplaySource() override;

    void start() override;
    void stop() override;

    // Playback control, on the source's thread (FeedWorker queues them from the GUI thread). Each
    // is reported to the sink with the position. Pausing keeps the position; resuming plays on
    // from it.
    void setPaused(bool paused);
    // <= 0: as fast as possible. Playback is re-timed from the current position.
    void setSpeed(double speed);
    void setLoop(bool loop);
    // While paused: delivers the next frame at once, and only that one.
    void step();
    // Jumps to seek.targetMs (ReplaySeek): reading resumes at the checkpoint, its frames up to the
    // target go out at once, paused or not, then playback goes on from the target at its pace.
    // A replay that has finished opens its file again.
    void seek(const ReplaySeek &seek);
    ReplayPlayback playback() const;

    quint64 framesDelivered() const { return m_framesDelivered; }
    // Passes started over the file: 1 during the first, 2 after the first loop, ...
    int passes() const { return m_passes; }
    // Lines read over all passes, blank ones and a recording's header included.
    quint64 linesRead() const { return m_linesRead; }
    const ConnectionStatus &status() const { return m_status; }

private:
    enum class LogFormat { Undetected, Bare, Recording };

    void pump();
    void deliverDueFrames();
    void deliverPending(qint64 now);
    // When the pending frame is due: at once for a frame without a time, or as fast as possible.
    qint64 pendingDueMs() const;
    // The position in the log at `now`, relative to the pass's first time.
    qint64 logPositionAt(qint64 now) const;
    // Pairs the current position with `now`, before a change of pace.
    void reanchor(qint64 now);
    // Makes the next frame pending; false when the replay ended (finished, error).
    bool readNextFrame();
    // Reads the line as a frame; false when it gave none (a header, a skipped line).
    bool takeFrame(QByteArrayView line);
    // At the end of the content: loops (true) or ends the replay (false).
    bool endPass();
    // Learns the format from the pass's first line; false (and the replay failed) for a
    // recording of another format version.
    bool detectFormat(QByteArrayView firstLine);
    void skipLine(QLatin1String reason, QLatin1String description);
    void beginPass();
    // Opens the file and its line reader; false (and the replay failed) when it cannot be.
    bool openFile();
    // The frame pending lies past the seek's target: playback goes on from the target.
    void endSeek(qint64 now);
    void closeFile();
    void fail(QString reason); // by value: the reason may belong to the file it closes
    void reportProgress();
    void setStatus(ConnectionState state, const QString &reason = {});

    ReplayOptions m_options;
    QTimer *m_timer;
    std::unique_ptr<ReplayFile> m_file;
    std::unique_ptr<ReplayLineReader> m_reader;
    ReplayTimestampReader m_timestamps;
    RecordingReader m_recording;
    ReplayJsonCheck m_jsonCheck;
    LogFormat m_format = LogFormat::Undetected; // of the current pass
    ConnectionStatus m_status;
    bool m_running = false;
    bool m_paused = false;

    // The frame read but not yet delivered (a view into the line or recording reader's buffer).
    bool m_hasPending = false;
    QByteArrayView m_pending;
    qint64 m_pendingLine = 0;
    std::optional<qint64> m_pendingTimeMs;

    std::optional<qint64> m_firstTimeMs; // of the current pass
    std::optional<qint64> m_seekTargetMs; // while frames up to it go out at once
    qint64 m_passStartMs = 0;
    qint64 m_anchorMs = 0;     // a moment on the clock ...
    qint64 m_anchorLogMs = 0;  // ... and the log position (after the pass's first time) it plays
    qint64 m_positionMs = 0;   // log time of the last frame delivered
    qint64 m_positionLine = 0; // and its line
    qint64 m_shiftMs = 0;
    qint64 m_passPreRollMs = 0;    // log time delivered at once at the start of this pass
    qint64 m_lineNumber = 0;       // in the current pass
    bool m_passHasContent = false; // a line that is not blank, in the current pass
    quint64 m_framesThisPass = 0;
    quint64 m_framesDelivered = 0;
    quint64 m_linesRead = 0;
    int m_passes = 0;
};

} // namespace vantage
