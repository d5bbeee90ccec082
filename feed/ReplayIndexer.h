#pragma once

#include "feed/RecordingReader.h"
#include "feed/ReplayIndex.h"
#include "feed/ReplayIndexFrameReader.h"
#include "feed/ReplayIndexObserver.h"
#include "feed/ReplayIndexOptions.h"
#include "feed/ReplayJsonCheck.h"

#include <QString>

#include <atomic>
#include <functional>

namespace vantage {

// Builds the ReplayIndex of a log file, synchronously, on the calling thread (ReplayIndexJob
// runs it on a thread of its own). The file is read once, line by line through ReplayFile and
// ReplayLineReader, so memory is the line reader's chunk plus the longest line plus the index,
// whatever the file's size. Lines are taken as ReplaySource takes them: the format is learnt from
// the first non-blank line, blank lines are skipped, a last line cut short is bad.
class ReplayIndexer final
{
public:
    enum class Outcome { Finished, Cancelled, Failed };

    struct Callbacks
    {
        // Permille of the file read (for gzip, of the compressed bytes), rising by 10 or more
        // between calls, then 1000 once the file is read to its end.
        std::function<void(int permille)> progress;
        // The index so far, after every further 10 % of the file or second of work, whichever
        // comes first; not after the last line (the finished index is that).
        std::function<void(const ReplayIndex &soFar)> partial;
    };

    explicit ReplayIndexer(QString path, ReplayIndexOptions options = {});

    // Follows the build, on the calling thread; call before run(). The observer sees onPublish
    // before each partial callback and once more when the file is read.
    void setObserver(ReplayIndexObserver *observer) { m_observer = observer; }

    // Reads the whole file; call once. The cancel flag is checked every 64 KiB of content: once it is set,
    // run() returns Cancelled. Failed, with error() set, when the file cannot be read at all
    // (missing, a directory, unreadable, empty, only blank lines, a recording of another format
    // version, a stream broken before its first line), with the messages ReplaySource gives.
    Outcome run(const std::atomic<bool> &cancel, const Callbacks &callbacks = {});

    // The index built; complete after Finished.
    const ReplayIndex &index() const { return m_index; }
    ReplayIndex takeIndex() { return std::move(m_index); }
    const QString &error() const { return m_error; }

private:
    enum class LogFormat { Undetected, Bare, Recording };

    // Indexes one line; false when the file turns out unreadable (error() set).
    bool indexLine(QByteArrayView line, bool lineEnded, qint64 offset);
    void indexFrame(QByteArrayView frame, std::optional<qint64> recordedMs, qint64 offset);
    void addFrame(std::optional<qint64> timeMs, const ReplayIndexFrameReader::Summary &summary,
                  qint64 offset);
    // A recorded "connection" line: "down" opens a gap, "up" closes it.
    void addConnectionChange(bool up, qint64 atMs);
    // Gives the frames, checkpoints and markers read before the first time that time.
    void assignFirstTime(qint64 timeMs);
    // False when the file holds nothing to replay (error() set).
    bool checkHasContent();
    Outcome fail(const QString &message);

    QString m_path;
    ReplayIndexOptions m_options;
    ReplayIndex m_index;
    QString m_error;
    LogFormat m_format = LogFormat::Undetected;
    bool m_hasContent = false; // a line that is not blank
    qint64 m_nextCheckpointLine = 1;
    qint64 m_clockMs = 0;         // the latest log time so far, once firstTimeMs is set
    quint64 m_untimedLeading = 0; // frames before the first frame with a time
    bool m_gapOpen = false;       // the connection went down and has not come back yet
    ReplayJsonCheck m_jsonCheck;
    RecordingReader m_recording;
    ReplayIndexFrameReader m_frames;
    ReplayIndexObserver *m_observer = nullptr;
};

} // namespace vantage
