#include "feed/ReplayIndexer.h"

#include "feed/JsonWhitespace.h"
#include "feed/RecordingHeader.h"
#include "feed/ReplayFile.h"
#include "feed/ReplayLineReader.h"

#include <QElapsedTimer>

#include <algorithm>

namespace vantage {

namespace {

// How often the cancel flag and the progress are looked at: once per line reader chunk.
constexpr qint64 kPollEveryBytes = 64 * 1024;
constexpr int kProgressStep = 10; // permille
constexpr int kPartialStep = 100; // permille
constexpr qint64 kPartialEveryMs = 1000;

} // namespace

ReplayIndexer::ReplayIndexer(QString path, ReplayIndexOptions options)
    : m_path(std::move(path))
    , m_options(options)
    , m_index(options.densityBuckets)
{
    m_options.checkpointEveryLines = std::max<qint64>(m_options.checkpointEveryLines, 1);
    m_index.path = m_path;
}

ReplayIndexer::Outcome ReplayIndexer::run(const std::atomic<bool> &cancel, const Callbacks &callbacks)
{
    ReplayFile file(m_path);
    if (!file.open())
        return fail(file.error());
    m_index.gzip = file.isGzip();
    // Progress counts the bytes of the file itself: for gzip, the compressed bytes consumed.
    const qint64 fileSize = file.size();
    const auto permilleRead = [&] {
        return fileSize > 0 ? int(std::min<qint64>(file.bytesRead() * 1000 / fileSize, 1000)) : 1000;
    };

    ReplayLineReader reader(file.content());
    qint64 nextPoll = kPollEveryBytes;
    int progressShown = 0;
    int partialShown = 0;
    QElapsedTimer sincePartial;
    sincePartial.start();
    for (;;) {
        QByteArrayView line;
        const ReplayLineReader::Result result = reader.next(line);
        if (result == ReplayLineReader::Result::End)
            break;
        if (result == ReplayLineReader::Result::Error) {
            m_index.readError =
                QStringLiteral("Cannot read replay file %1%2: %3")
                    .arg(m_path,
                         m_index.lines > 0 ? QStringLiteral(" past line %1").arg(m_index.lines) : QString(),
                         file.contentError());
            break;
        }
        const qint64 offset = m_index.contentBytes;
        m_index.contentBytes += line.size() + (reader.lineEnded() ? 1 : 0);
        if (!indexLine(line, reader.lineEnded(), offset))
            return Outcome::Failed;
        if (m_index.contentBytes < nextPoll)
            continue;
        nextPoll = m_index.contentBytes + kPollEveryBytes;
        if (cancel.load(std::memory_order_relaxed))
            return Outcome::Cancelled;
        const int permille = permilleRead();
        if (callbacks.progress && permille >= progressShown + kProgressStep && permille < 1000) {
            progressShown = permille;
            callbacks.progress(permille);
        }
        if (callbacks.partial &&
            (permille >= partialShown + kPartialStep || sincePartial.hasExpired(kPartialEveryMs))) {
            partialShown = permille;
            sincePartial.restart();
            if (m_observer)
                m_observer->onPublish(m_index);
            callbacks.partial(m_index);
        }
    }
    if (!m_index.readError.isEmpty() && !m_hasContent)
        return fail(m_index.readError);
    if (!checkHasContent())
        return Outcome::Failed;
    m_index.complete = true;
    if (m_gapOpen && !m_index.gaps.empty() && m_index.lastTimeMs)
        m_index.gaps.back().endMs = std::max(m_index.gaps.back().startMs, *m_index.lastTimeMs);
    if (m_observer)
        m_observer->onPublish(m_index);
    if (callbacks.progress)
        callbacks.progress(1000);
    return Outcome::Finished;
}

bool ReplayIndexer::indexLine(QByteArrayView line, bool lineEnded, qint64 offset)
{
    ++m_index.lines;
    if (line.endsWith('\r'))
        line.chop(1); // CRLF logs
    if (isBlankJson(line))
        return true;
    m_hasContent = true;
    if (!lineEnded && !m_jsonCheck.isCompleteJson(line)) {
        ++m_index.badLines; // the file is cut short
        return true;
    }
    if (m_format == LogFormat::Undetected) {
        const std::optional<qint64> version = m_recording.headerVersion(line);
        if (!version) {
            m_format = LogFormat::Bare;
        } else if (*version != kRecordingFormatVersion) {
            fail(QStringLiteral(
                     "Replay file %1 is a recording of format version %2; this Vantage reads version %3")
                     .arg(m_path, QString::number(*version), QString::number(kRecordingFormatVersion)));
            return false;
        } else {
            m_format = LogFormat::Recording;
            m_index.format = ReplayIndex::Format::Recording;
            return true; // the header line
        }
    }
    if (m_format == LogFormat::Bare) {
        indexFrame(line, std::nullopt, offset);
        if (m_observer)
            m_observer->onFrame(line, m_index.lines);
        return true;
    }
    RecordingReader::Frame recorded;
    if (m_recording.read(line, recorded) != RecordingReader::LineError::None) {
        if (!m_recording.isSegmentHeader(line))
            ++m_index.badLines;
        return true;
    }
    if (recorded.kind != RecordingReader::Kind::Frame) {
        addConnectionChange(recorded.kind == RecordingReader::Kind::ConnectionUp, recorded.receivedMs);
        return true;
    }
    indexFrame(recorded.bytes, recorded.receivedMs, offset);
    if (m_observer)
        m_observer->onFrame(recorded.bytes, m_index.lines);
    return true;
}

void ReplayIndexer::indexFrame(QByteArrayView frame, std::optional<qint64> recordedMs, qint64 offset)
{
    ReplayIndexFrameReader::Summary summary;
    if (!m_frames.read(frame, summary)) {
        ++m_index.badLines;
        return;
    }
    // A recording is paced by its receive times, a bare log by the frames' own.
    addFrame(m_format == LogFormat::Recording ? recordedMs : summary.timeMs, summary, offset);
}

void ReplayIndexer::addFrame(std::optional<qint64> timeMs, const ReplayIndexFrameReader::Summary &summary,
                             qint64 offset)
{
    if (timeMs && !m_index.firstTimeMs)
        assignFirstTime(*timeMs);
    if (timeMs)
        m_clockMs = std::max(m_clockMs, *timeMs);
    const bool timed = m_index.firstTimeMs.has_value();
    // A frame without a time goes out right after the one before it.
    const qint64 frameMs = timeMs.value_or(m_clockMs);

    if (m_index.lines >= m_nextCheckpointLine) {
        m_index.checkpoints.push_back({m_index.lines, offset, m_index.frames, m_clockMs});
        if (m_observer)
            m_observer->onCheckpoint(m_index.checkpoints.back());
        m_nextCheckpointLine = m_index.lines + m_options.checkpointEveryLines;
    }
    if (summary.alert) {
        if (qsizetype(m_index.alerts.size()) < m_options.maxAlertMarkers)
            m_index.alerts.push_back({frameMs, *summary.alert, summary.severity});
        else
            ++m_index.alertMarkersDropped;
    }
    if (timed) {
        m_index.density.add(frameMs);
        m_index.lastTimeMs = m_clockMs;
    } else {
        ++m_untimedLeading;
    }
    ++m_index.frames;
}

void ReplayIndexer::addConnectionChange(bool up, qint64 atMs)
{
    std::vector<ReplayIndex::Gap> &gaps = m_index.gaps;
    const bool open = m_gapOpen;
    m_gapOpen = !up;
    if (up) {
        if (open && !gaps.empty())
            gaps.back().endMs = std::max(gaps.back().startMs, atMs);
        return;
    }
    if (open)
        return; // still down
    if (qsizetype(gaps.size()) >= m_options.maxGaps) {
        ++m_index.gapsDropped;
        m_gapOpen = false;
        return;
    }
    gaps.push_back({atMs, atMs});
}

void ReplayIndexer::assignFirstTime(qint64 timeMs)
{
    m_index.firstTimeMs = timeMs;
    m_clockMs = timeMs;
    for (ReplayIndex::Checkpoint &checkpoint : m_index.checkpoints)
        checkpoint.timeMs = timeMs;
    for (ReplayIndex::AlertMarker &marker : m_index.alerts)
        marker.timeMs = timeMs;
    if (m_untimedLeading > 0)
        m_index.density.add(timeMs, m_untimedLeading);
    m_untimedLeading = 0;
}

bool ReplayIndexer::checkHasContent()
{
    if (m_hasContent)
        return true;
    fail(ReplayFile::noContentMessage(m_path, m_index.lines, m_index.gzip));
    return false;
}

ReplayIndexer::Outcome ReplayIndexer::fail(const QString &message)
{
    m_error = message;
    return Outcome::Failed;
}

} // namespace vantage
