#include "app/GuiWatchdog.h"

#include "feed/SteadyClock.h"

#include <QLoggingCategory>
#include <QTimer>

#include <cstdlib>
#include <utility>

namespace vantage {

namespace {

// Warnings by default: a stall is always worth a line in the journal.
Q_LOGGING_CATEGORY(lcWatchdog, "vantage.watchdog", QtWarningMsg)

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

GuiWatchdog::GuiWatchdog(Settings settings, NowFn now, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_now(now ? std::move(now) : NowFn(steadyNowMs))
    , m_fatal([](const QString &) { std::abort(); })
    , m_beatTimer(new QTimer(this))
{
    m_thread.setObjectName(QStringLiteral("vantage-watchdog"));
    m_beatTimer->setInterval(m_settings.beatIntervalMs);
    connect(m_beatTimer, &QTimer::timeout, this, &GuiWatchdog::beat);
}

GuiWatchdog::~GuiWatchdog()
{
    stop();
}

void GuiWatchdog::setFatalHandler(FatalHandler handler)
{
    Q_ASSERT(!m_started);
    m_fatal = std::move(handler);
}

void GuiWatchdog::start()
{
    if (m_started || m_stopped.load())
        return;
    m_started = true;
    m_beatTimer->start();
    // The checking timer lives on the watchdog's thread and goes with it.
    auto *checkTimer = new QTimer;
    checkTimer->setInterval(m_settings.checkIntervalMs);
    checkTimer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, checkTimer, qOverload<>(&QTimer::start));
    connect(&m_thread, &QThread::finished, checkTimer, &QObject::deleteLater);
    connect(checkTimer, &QTimer::timeout, checkTimer, [this] { check(m_now()); });
    m_thread.start();
}

void GuiWatchdog::stop()
{
    m_stopped.store(true);
    // No check runs once the thread has ended, so a stop never races a verdict.
    m_thread.quit();
    m_thread.wait();
    m_beatTimer->stop();
}

void GuiWatchdog::check(qint64 nowMs)
{
    if (m_stopped.load())
        return;
    const quint64 beats = m_beats.load(std::memory_order_relaxed);
    if (m_lastBeatSeenMs < 0 || beats != m_seenBeats) {
        const qint64 stalledMs = nowMs - m_lastBeatSeenMs;
        m_seenBeats = beats;
        m_lastBeatSeenMs = nowMs;
        if (m_stalled) {
            m_stalled = false;
            m_fatalCalled = false;
            qCWarning(lcWatchdog).noquote() << "GUI thread recovered after" << seconds(stalledMs) << "s";
            Q_EMIT recovered(stalledMs);
        }
        return;
    }
    const qint64 silentMs = nowMs - m_lastBeatSeenMs;
    if (!m_stalled && silentMs >= m_settings.stallAfterMs) {
        m_stalled = true;
        ++m_stalls;
        const QString limit =
            m_settings.fatalAfterMs > 0
                ? QStringLiteral("the process ends if it lasts %1 s").arg(seconds(m_settings.fatalAfterMs))
                : QStringLiteral("no time limit");
        qCWarning(lcWatchdog).noquote()
            << QStringLiteral("GUI thread stalled for %1 s (no heartbeat since beat %2; "
                              "stall %3 of this run; %4)")
                   .arg(seconds(silentMs), QString::number(beats), QString::number(m_stalls), limit);
        Q_EMIT stalled(silentMs);
    }
    if (m_stalled && !m_fatalCalled && m_settings.fatalAfterMs > 0 && silentMs >= m_settings.fatalAfterMs) {
        m_fatalCalled = true;
        const QString why = QStringLiteral("GUI thread hung: no heartbeat for %1 s (limit %2 s)")
                                .arg(seconds(silentMs), seconds(m_settings.fatalAfterMs));
        qCCritical(lcWatchdog).noquote()
            << why << "- ending the process, for the service manager to restart it";
        m_fatal(why);
    }
}

} // namespace vantage
