#include "feed/ReplaySource.h"

#include "feed/FeedLogging.h"
#include "feed/FrameSink.h"
#include "feed/JsonWhitespace.h"
#include "feed/RecordingHeader.h"
#include "feed/ReplayFile.h"

#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vantage {

namespace {

// As fast as possible still yields to the event loop this often, so stop() stays responsive.
constexpr int kFramesPerTurn = 2000;
// Long gaps in a log are slept in steps; the due time is checked again on waking.
constexpr qint64 kMaxSleepMs = 60'000;

} // namespace

ReplaySource::ReplaySource(ReplayOptions options, QObject *parent)
    : FrameSource(parent)
    , m_options(std::move(options))
    , m_timer(new QTimer(this))
{
    if (!m_options.now)
        m_options.now = systemNowMs;
    // The demo stands in for a live stream, its times moved to now; a log plays as itself.
    m_status.transport = m_options.rebaseToNow ? QStringLiteral("demo") : QStringLiteral("replay");
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &ReplaySource::pump);
}

ReplaySource::~ReplaySource() = default;

void ReplaySource::start()
{
    m_running = false;
    m_timer->stop();
    closeFile();
    m_framesDelivered = 0;
    m_linesRead = 0;
    m_passes = 0;
    m_positionMs = 0;
    m_positionLine = 0;

    if (!openFile())
        return;
    m_running = true;
    beginPass();
    setStatus(ConnectionState::Live);
    m_timer->start(0);
}

bool ReplaySource::openFile()
{
    m_file = std::make_unique<ReplayFile>(m_options.path);
    if (!m_file->open()) {
        fail(m_file->error());
        return false;
    }
    m_reader = std::make_unique<ReplayLineReader>(m_file->content());
    return true;
}

void ReplaySource::stop()
{
    const bool wasRunning = m_running;
    m_running = false;
    m_timer->stop();
    closeFile();
    if (wasRunning)
        setStatus(ConnectionState::Idle);
}

void ReplaySource::pump()
{
    deliverDueFrames();
    reportProgress();
}

void ReplaySource::setPaused(bool paused)
{
    if (paused != m_paused) {
        reanchor(m_options.now());
        m_paused = paused;
        if (paused)
            m_timer->stop();
        else if (m_running)
            m_timer->start(0);
        m_status.paused = paused;
        if (m_status.state == ConnectionState::Live)
            setStatus(ConnectionState::Live, m_status.reason);
    }
    reportProgress();
}

void ReplaySource::setSpeed(double speed)
{
    reanchor(m_options.now());
    m_options.speed = speed;
    if (m_running && !m_paused)
        m_timer->start(0); // the pending frame is due at another time now
    reportProgress();
}

void ReplaySource::setLoop(bool loop)
{
    m_options.loop = loop;
    reportProgress();
}

void ReplaySource::step()
{
    if (m_running && m_paused && !m_seekTargetMs && (m_hasPending || readNextFrame()))
        deliverPending(m_options.now());
    reportProgress();
}

void ReplaySource::seek(const ReplaySeek &seek)
{
    m_timer->stop();
    if (!m_file && !openFile())
        return;
    if (!m_file->seekContent(seek.from.offset))
        return fail(m_file->error());
    m_reader->reset();
    m_format = seek.format == ReplayIndex::Format::Recording ? LogFormat::Recording : LogFormat::Bare;
    m_passHasContent = true;
    m_lineNumber = seek.from.line - 1;
    m_framesThisPass = quint64(seek.from.frame);
    m_hasPending = false;
    if (seek.firstTimeMs)
        m_firstTimeMs = seek.firstTimeMs;
    m_anchorLogMs = m_firstTimeMs ? seek.from.timeMs - *m_firstTimeMs : 0;
    m_anchorMs = m_options.now();
    m_positionMs = seek.from.timeMs;
    m_positionLine = seek.from.line - 1;
    m_seekTargetMs = seek.targetMs;
    if (FrameSink *target = sink())
        target->onReplaySeek(seek.token, seek.epoch, seek.lastSeq);
    if (!m_running) {
        m_running = true;
        setStatus(ConnectionState::Live);
    }
    m_timer->start(0);
}

void ReplaySource::endSeek(qint64 now)
{
    m_positionMs = *m_seekTargetMs;
    if (m_firstTimeMs)
        m_anchorLogMs = *m_seekTargetMs - *m_firstTimeMs;
    m_anchorMs = now;
    m_seekTargetMs.reset();
}

ReplayPlayback ReplaySource::playback() const
{
    return {m_positionMs, m_positionLine, m_paused, m_options.speed, m_options.loop};
}

void ReplaySource::deliverDueFrames()
{
    int deliveredThisTurn = 0;
    while (m_running && (!m_paused || m_seekTargetMs)) {
        if (!m_hasPending && !readNextFrame())
            return;
        const qint64 now = m_options.now();
        if (m_seekTargetMs && m_pendingTimeMs && *m_pendingTimeMs > *m_seekTargetMs) {
            endSeek(now);
            continue;
        }
        const qint64 dueMs = pendingDueMs();
        if (dueMs > now) {
            m_timer->start(static_cast<int>(std::min(dueMs - now, kMaxSleepMs)));
            return;
        }
        deliverPending(now);
        if (++deliveredThisTurn >= kFramesPerTurn) {
            m_timer->start(0);
            return;
        }
    }
}

void ReplaySource::deliverPending(qint64 now)
{
    m_hasPending = false;
    ++m_framesThisPass;
    ++m_framesDelivered;
    m_positionLine = m_pendingLine;
    if (m_pendingTimeMs) {
        m_positionMs = *m_pendingTimeMs;
        // Without a pace of its own (paused, as fast as possible) the position is the frame's.
        if (m_paused || m_options.speed <= 0.0)
            m_anchorLogMs = std::max(m_anchorLogMs, *m_pendingTimeMs - *m_firstTimeMs);
    }
    if (FrameSink *target = sink())
        target->onFrame({m_pending, now, QLatin1String("replay"), m_options.rebaseToNow ? m_shiftMs : 0,
                         nullptr, m_pendingLine});
}

qint64 ReplaySource::pendingDueMs() const
{
    if (m_seekTargetMs || !m_pendingTimeMs || m_options.speed <= 0.0)
        return std::numeric_limits<qint64>::min();
    const double logMs = double(*m_pendingTimeMs - *m_firstTimeMs - m_anchorLogMs);
    return m_anchorMs + std::llround(logMs / m_options.speed);
}

qint64 ReplaySource::logPositionAt(qint64 now) const
{
    if (m_paused || m_options.speed <= 0.0)
        return m_anchorLogMs;
    return m_anchorLogMs + std::llround(double(now - m_anchorMs) * m_options.speed);
}

void ReplaySource::reanchor(qint64 now)
{
    m_anchorLogMs = logPositionAt(now);
    m_anchorMs = now;
}

bool ReplaySource::readNextFrame()
{
    for (;;) {
        QByteArrayView line;
        switch (m_reader->next(line)) {
        case ReplayLineReader::Result::Error:
            fail(QStringLiteral("Cannot read replay file %1%2: %3")
                     .arg(m_options.path,
                          m_lineNumber > 0 ? QStringLiteral(" past line %1").arg(m_lineNumber) : QString(),
                          m_file->contentError()));
            return false;
        case ReplayLineReader::Result::End:
            if (!endPass())
                return false;
            continue;
        case ReplayLineReader::Result::Line: break;
        }
        ++m_lineNumber;
        ++m_linesRead;
        if (line.endsWith('\r'))
            line.chop(1); // CRLF logs
        if (isBlankJson(line))
            continue;
        m_passHasContent = true;
        if (!m_reader->lineEnded() && !m_jsonCheck.isCompleteJson(line)) {
            skipLine(QLatin1String("truncated_line"),
                     QLatin1String(
                         "the last line has no line end and is not complete JSON: the file is cut short"));
            continue;
        }
        if (m_format == LogFormat::Undetected) {
            if (!detectFormat(line))
                return false;
            if (m_format == LogFormat::Recording)
                continue; // the header line
        }
        if (takeFrame(line))
            return true;
    }
}

bool ReplaySource::takeFrame(QByteArrayView line)
{
    std::optional<qint64> timeMs;
    if (m_format == LogFormat::Recording) {
        RecordingReader::Frame recorded;
        const RecordingReader::LineError error = m_recording.read(line, recorded);
        if (error != RecordingReader::LineError::None) {
            if (!m_recording.isSegmentHeader(line))
                skipLine(QLatin1String("bad_recording_line"), RecordingReader::describe(error));
            return false;
        }
        if (recorded.kind != RecordingReader::Kind::Frame)
            return false; // the connection went down or came back: no frame to play
        m_pending = recorded.bytes;
        timeMs = recorded.receivedMs;
    } else {
        m_pending = line;
        timeMs = m_timestamps.read(line);
    }
    m_hasPending = true;
    m_pendingLine = m_lineNumber;
    m_pendingTimeMs = timeMs;
    if (timeMs && !m_firstTimeMs) {
        m_firstTimeMs = *timeMs;
        m_shiftMs = m_passStartMs - (*timeMs + m_passPreRollMs);
    }
    return true;
}

bool ReplaySource::endPass()
{
    m_seekTargetMs.reset(); // a target past the last frame: the seek ends with the content
    if (m_passes == 1 && !m_passHasContent) {
        fail(ReplayFile::noContentMessage(m_options.path, m_lineNumber, m_file->isGzip()));
        return false;
    }
    // A pass that delivered nothing would loop forever without ever producing a frame.
    if (m_options.loop && m_framesThisPass > 0) {
        if (!m_file->rewind()) {
            fail(m_file->error());
            return false;
        }
        m_reader->reset();
        beginPass();
        return true;
    }
    m_running = false;
    closeFile();
    setStatus(ConnectionState::Finished);
    return false;
}

bool ReplaySource::detectFormat(QByteArrayView firstLine)
{
    const std::optional<qint64> version = m_recording.headerVersion(firstLine);
    if (!version) {
        m_format = LogFormat::Bare;
        return true;
    }
    if (*version != kRecordingFormatVersion) {
        fail(QStringLiteral("Replay file %1 is a recording of format version %2; "
                            "this Vantage reads version %3")
                 .arg(m_options.path, QString::number(*version), QString::number(kRecordingFormatVersion)));
        return false;
    }
    m_format = LogFormat::Recording;
    return true;
}

void ReplaySource::skipLine(QLatin1String reason, QLatin1String description)
{
    if (FrameSink *target = sink())
        target->onLineSkipped(m_lineNumber, reason, description);
}

void ReplaySource::beginPass()
{
    ++m_passes;
    if (m_passes > 1 && sink())
        sink()->onStreamRestart();
    m_framesThisPass = 0;
    m_lineNumber = 0;
    m_passHasContent = false;
    m_format = LogFormat::Undetected;
    m_firstTimeMs.reset();
    m_shiftMs = 0;
    m_passPreRollMs = m_passes == 1 ? std::max<qint64>(0, m_options.preRollMs) : 0;
    m_hasPending = false;
    m_passStartMs = m_options.now();
    m_anchorMs = m_passStartMs;
    m_anchorLogMs = m_passPreRollMs;
}

void ReplaySource::closeFile()
{
    m_hasPending = false;
    m_reader.reset();
    m_file.reset();
}

void ReplaySource::fail(QString reason)
{
    m_running = false;
    m_timer->stop();
    closeFile();
    qCWarning(lcFeed).noquote() << reason;
    setStatus(ConnectionState::Error, reason);
}

void ReplaySource::reportProgress()
{
    if (FrameSink *target = sink())
        target->onReplayProgress(m_options.path, m_linesRead, playback());
}

void ReplaySource::setStatus(ConnectionState state, const QString &reason)
{
    reportProgress();
    m_status.state = state;
    m_status.reason = reason;
    m_status.sinceMs = m_options.now();
    Q_EMIT statusChanged(m_status);
}

} // namespace vantage
