#pragma once

#include "feed/Clock.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

class QTimer;

namespace vantage {

// Notices a stalled GUI thread on an unattended wall (docs/operations.md, "Kiosk"). A timer on
// the GUI thread beats; a timer on the watchdog's own thread checks that the beats keep coming.
// A stall past stallAfterMs is logged once and reported (stalled()), and so is its end
// (recovered()), so the wall can recover its data path. A stall past fatalAfterMs means the GUI
// thread hangs: the fatal handler runs, by default ending the process so that the service
// manager starts the wall again. The signals are emitted on the thread that checks: a receiver
// on the GUI thread gets them queued, once that thread runs again.
class GuiWatchdog final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int beatIntervalMs = 1000;     // how often the GUI thread beats
        int checkIntervalMs = 1000;    // how often the watchdog's thread looks at the beats
        qint64 stallAfterMs = 10'000;  // no beat for this long: a stall
        qint64 fatalAfterMs = 120'000; // a stall this long: the GUI thread hangs (0: never)
    };
    // Runs on the checking thread with why the GUI thread is taken for hung. The GUI thread is
    // blocked: the handler must not wait for it.
    using FatalHandler = std::function<void(const QString &why)>;

    // `now` is a monotonic clock in ms, read only by the checking thread. By default a steady
    // clock, so neither a wall-clock jump nor a suspended machine looks like a stall.
    explicit GuiWatchdog(Settings settings, NowFn now = {}, QObject *parent = nullptr);
    // (Not a default argument: GCC cannot take Settings' member defaults before the class ends.)
    GuiWatchdog()
        : GuiWatchdog(Settings{})
    {}
    // Stops.
    ~GuiWatchdog() override;

    // Replaces the default, std::abort(): it ends the process at once, without running
    // destructors that could wait for the hung thread, and its core dump shows where the GUI
    // thread hangs. Call before start().
    void setFatalHandler(FatalHandler handler);

    // Starts beating on this object's thread (the GUI thread) and checking on the watchdog's own.
    void start();
    // Stops checking, then beating; call it on the GUI thread, before that thread stops beating
    // on purpose (at QCoreApplication::aboutToQuit), so that a normal shutdown never reads as a
    // stall. Final and idempotent: check() does nothing afterwards.
    void stop();

    // Thread-safe: the GUI thread is alive.
    void beat() { m_beats.fetch_add(1, std::memory_order_relaxed); }
    // Looks at the beats at `nowMs` (the watchdog's clock): logs and reports a stall, its end or
    // a hang. The watchdog's timer calls it; tests call it with their own clock. The first call
    // only sets the baseline. One thread at a time.
    void check(qint64 nowMs);

Q_SIGNALS:
    // No beat for `stalledMs`: once per stall.
    void stalled(qint64 stalledMs);
    // Beats came back after a stall of `stalledMs` (as the checks measured it). A later stall is
    // a new one: reported again, and fatal again past the limit.
    void recovered(qint64 stalledMs);

private:
    Settings m_settings;
    NowFn m_now;
    FatalHandler m_fatal;
    QTimer *m_beatTimer;
    QThread m_thread;
    std::atomic<quint64> m_beats{0};
    std::atomic<bool> m_stopped{false};
    bool m_started = false;
    // check()'s own state, on the thread that checks.
    quint64 m_seenBeats = 0;
    qint64 m_lastBeatSeenMs = -1; // when check() last saw the beats move on
    bool m_stalled = false;
    bool m_fatalCalled = false;
    int m_stalls = 0;
};

} // namespace vantage
