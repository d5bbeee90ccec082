#pragma once

#include "feed/FrameSource.h"
#include "feed/RecordingReader.h"
#include "feed/ReplayJsonCheck.h"
#include "feed/ReplayLineReader.h"
#include "feed/ReplayOptions.h"
#include "feed/ReplayTimestampReader.h"

#include <memory>
#include <optional>

class QTimer;

namespace vantage {

class ReplayFile;

// Plays an NDJSON log as a frame source, on the worker thread: bare protocol frames, one per
// line, or a recording (docs/recording.md, known by its header line), plain or gzip. The file is
// read line by line; each frame is due at passStart + (time - firstTime) / speed, and one timer
// sleeps until the next due frame. The time is a bare frame's "ts", or a recorded line's receive
// time "t". Frames without a readable time go out as soon as they are reached.
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

    // The frame read but not yet delivered (a view into the line or recording reader's buffer).
    bool m_hasPending = false;
    QByteArrayView m_pending;
    qint64 m_pendingLine = 0;
    qint64 m_pendingDueMs = 0;

    std::optional<qint64> m_firstTimeMs; // of the current pass
    qint64 m_passStartMs = 0;
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
