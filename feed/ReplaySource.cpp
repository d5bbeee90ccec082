#include "feed/ReplaySource.h"

#include "feed/FeedLogging.h"
#include "feed/FrameSink.h"
#include "feed/JsonWhitespace.h"

#include <QFile>
#include <QFileInfo>
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
    m_status.transport = QStringLiteral("replay");
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
    m_passes = 0;

    const QString &path = m_options.path;
    const QFileInfo info(path);
    if (path.isEmpty())
        return fail(QStringLiteral("No replay file given"));
    if (!info.exists())
        return fail(QStringLiteral("Replay file %1 does not exist").arg(path));
    if (info.isDir())
        return fail(QStringLiteral("Replay path %1 is a directory, not a log file").arg(path));
    m_file = std::make_unique<QFile>(path);
    if (!m_file->open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Cannot open replay file %1: %2").arg(path, m_file->errorString()));
    m_reader = std::make_unique<ReplayLineReader>(m_file.get());

    m_running = true;
    beginPass();
    setStatus(ConnectionState::Live);
    m_timer->start(0);
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
    int deliveredThisTurn = 0;
    while (m_running) {
        if (!m_hasPending && !readNextFrame())
            return;
        const qint64 now = m_options.now();
        if (m_pendingDueMs > now) {
            m_timer->start(static_cast<int>(std::min(m_pendingDueMs - now, kMaxSleepMs)));
            return;
        }
        m_hasPending = false;
        ++m_framesThisPass;
        ++m_framesDelivered;
        if (FrameSink *target = sink())
            target->onFrame({m_pending, now, QLatin1String("replay"), m_options.rebaseToNow ? m_shiftMs : 0});
        if (++deliveredThisTurn >= kFramesPerTurn) {
            m_timer->start(0);
            return;
        }
    }
}

bool ReplaySource::readNextFrame()
{
    for (;;) {
        QByteArrayView line;
        switch (m_reader->next(line)) {
        case ReplayLineReader::Result::Error:
            fail(QStringLiteral("Cannot read replay file %1: %2").arg(m_options.path, m_file->errorString()));
            return false;
        case ReplayLineReader::Result::End:
            // A pass that delivered nothing would loop forever without ever producing a frame.
            if (m_options.loop && m_framesThisPass > 0 && m_file->seek(0)) {
                m_reader->reset();
                beginPass();
                continue;
            }
            m_running = false;
            closeFile();
            setStatus(ConnectionState::Finished);
            return false;
        case ReplayLineReader::Result::Line: break;
        }
        if (line.endsWith('\r'))
            line.chop(1); // CRLF logs
        if (isBlankJson(line))
            continue;

        m_pending = line;
        m_hasPending = true;
        m_pendingDueMs = std::numeric_limits<qint64>::min();
        if (const std::optional<qint64> ts = m_timestamps.read(line)) {
            if (!m_firstTsMs) {
                m_firstTsMs = *ts;
                m_shiftMs = m_passStartMs - (*ts + m_passPreRollMs);
            }
            if (m_options.speed > 0.0)
                m_pendingDueMs = m_passStartMs
                                 + std::llround(double(*ts - *m_firstTsMs - m_passPreRollMs) / m_options.speed);
        }
        return true;
    }
}

void ReplaySource::beginPass()
{
    ++m_passes;
    if (m_passes > 1 && sink())
        sink()->onStreamRestart();
    m_framesThisPass = 0;
    m_firstTsMs.reset();
    m_shiftMs = 0;
    m_passPreRollMs = m_passes == 1 ? std::max<qint64>(0, m_options.preRollMs) : 0;
    m_hasPending = false;
    m_passStartMs = m_options.now();
}

void ReplaySource::closeFile()
{
    m_hasPending = false;
    m_reader.reset();
    m_file.reset();
}

void ReplaySource::fail(const QString &reason)
{
    m_running = false;
    m_timer->stop();
    closeFile();
    qCWarning(lcFeed).noquote() << reason;
    setStatus(ConnectionState::Error, reason);
}

void ReplaySource::setStatus(ConnectionState state, const QString &reason)
{
    m_status.state = state;
    m_status.reason = reason;
    m_status.sinceMs = m_options.now();
    Q_EMIT statusChanged(m_status);
}

} // namespace vantage
