#include "relay/LogFeeder.h"

#include "feed/JsonWhitespace.h"
#include "relay/RelayLogging.h"
#include "relay/RelayServer.h"

#include <QDateTime>
#include <QFile>
#include <QTimer>

#include <cmath>

namespace vantage {

namespace {

// A tick publishes at most this many messages before it yields to the event loop, so sockets
// get flushed and clients served even when the feed runs as fast as it can.
constexpr int kMaxPerTick = 5000;
// Fixed rate: after a stall (a busy event loop) at most this much of the backlog is caught up.
constexpr double kMaxCatchUpSeconds = 0.1;
// Backpressure: how soon a paused feed looks again whether the slowest client caught up.
constexpr int kPauseRetryMs = 1;

qint64 wallNowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

LogFeeder::LogFeeder(LogFeederOptions options, RelayServer *server, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_server(server)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &LogFeeder::tick);
}

LogFeeder::~LogFeeder() = default;

bool LogFeeder::start(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    stop();
    if (!m_server) {
        *error = QStringLiteral("no relay to publish to");
        return false;
    }
    if (!(m_options.rate >= 0.0) || std::isinf(m_options.rate)) {
        *error = QStringLiteral("the rate must be a finite number of messages per second, not %1")
                     .arg(m_options.rate);
        return false;
    }
    auto file = std::make_unique<QFile>(m_options.path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open the log %1: %2").arg(m_options.path, file->errorString());
        return false;
    }
    m_file = std::move(file);
    m_reader = std::make_unique<ReplayLineReader>(m_file.get());
    m_hasPending = false;
    m_passes = 1;
    m_publishedThisPass = 0;
    m_lineNumber = 0;
    m_firstTsMs.reset();
    m_clock.start();
    m_rateStartMs = 0;
    m_rateSent = 0;
    if (m_options.rate > 0.0) {
        // Often enough that each tick's batch stays small, rarely enough to stay cheap.
        m_timer->setSingleShot(false);
        m_timer->start(qBound(2, int(1000.0 / m_options.rate), 50));
    } else {
        m_timer->setSingleShot(true);
        m_timer->start(0);
    }
    qCInfo(lcRelay) << "feeding" << m_options.path;
    return true;
}

void LogFeeder::stop()
{
    m_timer->stop();
    m_reader.reset();
    m_file.reset();
    m_hasPending = false;
}

bool LogFeeder::isRunning() const
{
    return m_file != nullptr;
}

void LogFeeder::tick()
{
    if (!m_server) {
        stop();
        Q_EMIT failed(QStringLiteral("the relay is gone"));
        return;
    }
    if (m_options.backpressureBytes > 0 && m_server->largestBacklogBytes() > m_options.backpressureBytes) {
        ++m_pauses;
        // A fixed-rate timer repeats by itself; the recorded pace's single shot must be rearmed.
        if (m_timer->isSingleShot())
            m_timer->start(kPauseRetryMs);
        return;
    }
    if (m_options.rate > 0.0)
        tickAtRate();
    else
        tickAtRecordedPace();
}

void LogFeeder::tickAtRate()
{
    // Owed messages follow from the elapsed time, not from the number of ticks: timers
    // coalesce and drift, and 50,000 messages/s is far more than one per tick.
    const double elapsedS = double(m_clock.elapsed() - m_rateStartMs) / 1000.0;
    const auto target = quint64(elapsedS * m_options.rate) + 1;
    if (target <= m_rateSent)
        return;
    quint64 due = target - m_rateSent;
    const auto maxBurst = quint64(qMax(1.0, m_options.rate * kMaxCatchUpSeconds));
    if (due > maxBurst) {
        m_rateSent = target - maxBurst;
        due = maxBurst;
    }
    const qint64 now = wallNowMs();
    for (quint64 i = 0; i < due; ++i) {
        if (!m_hasPending && !readNext())
            return;
        publishPending(now);
        ++m_rateSent;
    }
}

void LogFeeder::tickAtRecordedPace()
{
    for (int i = 0; i < kMaxPerTick; ++i) {
        if (!m_hasPending && !readNext())
            return;
        if (m_options.speed > 0.0) {
            const qint64 dueMs =
                m_passStartMs + std::llround(double(m_pending.tsMs - *m_firstTsMs) / m_options.speed);
            const qint64 waitMs = dueMs - m_clock.elapsed();
            if (waitMs > 0) {
                m_timer->start(int(qMin<qint64>(waitMs, 60'000)));
                return;
            }
        }
        publishPending(m_pending.tsMs + m_shiftMs);
    }
    m_timer->start(0);
}

bool LogFeeder::readNext()
{
    while (m_reader) {
        QByteArrayView line;
        const ReplayLineReader::Result result = m_reader->next(line);
        if (result == ReplayLineReader::Result::Error) {
            const QString reason =
                QStringLiteral("cannot read the log %1: %2").arg(m_options.path, m_file->errorString());
            qCWarning(lcRelay).noquote() << reason;
            stop();
            Q_EMIT failed(reason);
            return false;
        }
        if (result == ReplayLineReader::Result::End) {
            if (!rewind())
                return false;
            continue;
        }
        ++m_lineNumber;
        if (isBlankJson(line))
            continue; // a blank line is no frame
        const qint64 receivedMs = m_firstTsMs ? m_lastTsMs : wallNowMs();
        const DecodeError error = m_decoder.decode(line, receivedMs, 0, m_pending);
        if (error != DecodeError::None) {
            ++m_undecodable;
            qCDebug(lcRelay) << "skipping line" << m_lineNumber << "of" << m_options.path << ":"
                             << decodeErrorName(error);
            continue;
        }
        if (m_pending.kind == MessageKind::Hello || m_pending.kind == MessageKind::Ping ||
            m_pending.kind == MessageKind::Pong) {
            ++m_ignored;
            continue;
        }
        if (!m_firstTsMs) {
            m_firstTsMs = m_pending.tsMs;
            m_passStartMs = m_clock.elapsed();
            m_shiftMs = wallNowMs() - m_pending.tsMs;
        }
        m_lastTsMs = m_pending.tsMs;
        m_hasPending = true;
        return true;
    }
    return false;
}

bool LogFeeder::rewind()
{
    if (!m_options.loop || m_publishedThisPass == 0) {
        // Without loop the feed is done; a pass that published nothing would spin forever.
        if (m_options.loop)
            qCWarning(lcRelay) << "the log" << m_options.path << "has nothing to publish; stopping";
        stop();
        Q_EMIT finished();
        return false;
    }
    if (!m_file->seek(0)) {
        const QString reason =
            QStringLiteral("cannot rewind the log %1: %2").arg(m_options.path, m_file->errorString());
        stop();
        Q_EMIT failed(reason);
        return false;
    }
    m_reader->reset();
    ++m_passes;
    m_publishedThisPass = 0;
    m_lineNumber = 0;
    // Each pass is rebased anew, so its times start "now" again.
    m_firstTsMs.reset();
    return true;
}

void LogFeeder::publishPending(qint64 tsMs)
{
    m_pending.tsMs = tsMs;
    m_hasPending = false;
    if (m_server->publish(std::move(m_pending)) >= 0) {
        ++m_published;
        ++m_publishedThisPass;
    }
}

} // namespace vantage
