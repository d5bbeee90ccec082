#pragma once

#include "feed/RecordingHeader.h"

#include <QByteArrayView>
#include <QLatin1String>

#include <memory>
#include <optional>

namespace vantage {

// Reads the lines of a recording (docs/recording.md) for replay, with one reused simdjson
// On Demand parser. An SSE line gives the frame its event stands for (sseEventFrame), exactly
// as the live source delivered it to the pipeline.
class RecordingReader final
{
public:
    // What a recorded line holds: a frame, or a change of the live connection (a "connection"
    // line: no frame, only its time).
    enum class Kind { Frame, ConnectionDown, ConnectionUp };

    struct Frame
    {
        QByteArrayView bytes;  // valid until the next call; empty for a connection change
        qint64 receivedMs = 0; // the recorded receive time ("t")
        Kind kind = Kind::Frame;
    };

    // Why a recorded line is corrupt.
    enum class LineError { None, NotJson, NotAnObject, NoTime, NoFrame };
    // The error in words, for a message that names the file and line.
    static QLatin1String describe(LineError error);

    RecordingReader();
    ~RecordingReader();
    RecordingReader(const RecordingReader &) = delete;
    RecordingReader &operator=(const RecordingReader &) = delete;

    // The format version when `line` is a recording's header; nullopt for anything else
    // (a bare protocol frame, a line that is not JSON).
    std::optional<qint64> headerVersion(QByteArrayView line);
    // A header line of this format version after the first line: where the next segment of a
    // journal read as one log begins (docs/journal.md). Neither a frame nor a fault.
    bool isSegmentHeader(QByteArrayView line) { return headerVersion(line) == kRecordingFormatVersion; }
    // Reads the frame a recorded line holds into `frame`, or says why the line is corrupt: not
    // JSON, not a JSON object, no integer "t", or neither a "frame" string nor an "sse" object
    // of three strings nor a "connection" of "down" or "up".
    LineError read(QByteArrayView line, Frame &frame);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vantage
