#pragma once

#include "feed/GzipDeflater.h"
#include "feed/RecordingHeader.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace vantage {

struct ReceivedFrame;

// Keeps every received frame, before decoding, in a recording (docs/recording.md): a header
// line, then one NDJSON line per frame (for SSE, the dispatched event as parsed); gzip when the
// file name ends in ".gz". Lines are buffered and written out when the buffer fills, on flush()
// and on close(). An error (cannot open, disk full) stops the recording for good with a message
// naming the file, and every later call is a no-op: whoever feeds it carries on.
// Used on one thread (the feed's); no credential ever reaches it but the header's URL, redacted.
class FrameRecorder final
{
public:
    FrameRecorder(QString path, RecordingHeader header);
    ~FrameRecorder(); // closes
    FrameRecorder(const FrameRecorder &) = delete;
    FrameRecorder &operator=(const FrameRecorder &) = delete;

    // Creates or truncates the file and writes the header line; false with error() set.
    bool open();
    // Appends the frame's line; false once the recording has stopped.
    bool record(const ReceivedFrame &frame);
    // Appends a "connection" line: the live connection went down, or came back, at `atMs`
    // (docs/recording.md). The timeline draws the gaps between. False once the recording has stopped.
    bool recordConnection(qint64 atMs, bool up);
    // Hands the buffered lines to the file (a gzip stream is sync-flushed), so they survive the
    // process. False once the recording has stopped.
    bool flush();
    // Flushes, ends a gzip stream and closes the file; false when that (or anything before) failed.
    bool close();

    bool isRecording() const { return m_file.isOpen(); }
    bool hasBufferedFrames() const { return m_framesBuffered > 0; }
    // Frames whose lines reached the file; those still buffered are not counted yet.
    quint64 framesRecorded() const { return m_framesRecorded; }
    const QString &path() const { return m_path; }
    // Why the recording stopped, naming the file; empty while all is well.
    const QString &error() const { return m_error; }

private:
    bool writeOut(GzipDeflater::Flush flush);
    bool fail(const QString &message);

    QString m_path;
    RecordingHeader m_header;
    QFile m_file;
    std::unique_ptr<GzipDeflater> m_gzip; // for ".gz" files
    QByteArray m_lines;                   // lines not yet written, reused
    QByteArray m_compressed;              // gzip output, reused
    quint64 m_framesBuffered = 0;
    quint64 m_framesRecorded = 0;
    QString m_error;
};

} // namespace vantage
