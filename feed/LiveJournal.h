#pragma once

#include "feed/FrameRecorder.h"
#include "feed/JournalOptions.h"
#include "feed/JournalSegment.h"
#include "feed/RecordingHeader.h"

#include <memory>

namespace vantage {

struct ReceivedFrame;

// The live stream kept on disk, so the operator can look back at any moment of the last day
// (docs/journal.md): every received frame, before decoding, in gzip recordings of about ten
// minutes each, in a folder of its own. The journal is bounded: segments wholly older than the
// retention, and the oldest ones past the byte budget, are deleted as new ones begin. An error
// (the folder cannot be made, the disk is full) stops the journal for good with a message naming
// the file; the feed goes on. Used on one thread (the feed's).
class LiveJournal final
{
public:
    LiveJournal(JournalOptions options, RecordingHeader header);
    ~LiveJournal();
    LiveJournal(const LiveJournal &) = delete;
    LiveJournal &operator=(const LiveJournal &) = delete;

    // Makes the folder and deletes what is past the bounds at `nowMs`; false with error() set.
    bool open(qint64 nowMs);
    // Appends the frame to the current segment, beginning a new one when the current one is
    // older than the segment length (by receive time). False once the journal has stopped.
    bool record(const ReceivedFrame &frame);
    // The live connection went down or came back (FrameRecorder::recordConnection), in the current
    // segment; before the first frame there is none, and nothing to mark. False once stopped.
    bool recordConnection(qint64 atMs, bool up);
    // What is buffered goes to the file (a gzip sync flush): it survives the process.
    bool flush();
    void close();

    bool isOpen() const { return m_open; }
    quint64 framesJournaled() const { return m_framesJournaled; }
    const QString &dir() const { return m_options.dir; }
    const QString &error() const { return m_error; }

private:
    bool beginSegment(qint64 startMs);
    // Deletes the segments past the retention or the byte budget, never the current one.
    void prune(qint64 nowMs);
    bool fail(const QString &message);

    JournalOptions m_options;
    RecordingHeader m_header;
    std::unique_ptr<FrameRecorder> m_segment;
    qint64 m_segmentStartMs = 0;
    quint64 m_framesJournaled = 0;
    quint64 m_framesInClosedSegments = 0;
    bool m_open = false;
    QString m_error;
};

} // namespace vantage
