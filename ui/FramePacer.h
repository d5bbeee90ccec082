#pragma once

#include "feed/Clock.h"
#include "feed/SteadyClock.h"

#include <QObject>
#include <QTimer>

#include <optional>

class QWidget;

namespace vantage {

// Paints a window in step with the feed's batches. While batches flow, a repaint asked for
// between two of them (a map pulse, a throttled refresh, the clock, even a repaint()) waits for
// the next batch, or kHoldMs after the last one, and is painted with it: one frame per batch
// rather than one more in between, so a batch never waits behind a frame painted for something
// else (docs/performance.md, "Latency"). With no batch in the last kStreamGapMs, every repaint
// goes ahead at once.
class FramePacer final : public QObject
{
    Q_OBJECT
public:
    // A repaint held back goes ahead this long after the last batch at the latest: a batch
    // interval (16 ms) and a little, so the next batch normally comes first.
    static constexpr int kHoldMs = 20;
    // Batches closer together than this are a stream worth pacing the window to.
    static constexpr int kStreamGapMs = 40;

    // `now`: a monotonic clock in ms.
    explicit FramePacer(QWidget *window, NowFn now = steadyNowMs);
    // A repaint still held back goes ahead.
    ~FramePacer() override;

    // After each batch is applied: the repaint it asks for, and any held back, go ahead now.
    void batchApplied();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void customEvent(QEvent *event) override;

private:
    bool streaming() const;
    // The hold is over: the request held back goes ahead.
    void release();
    void repostHeld();
    // Lets the requests posted so far, and any posted until they have been handled, go ahead.
    void openFrame();

    QWidget *m_window;
    NowFn m_now;
    QTimer m_holdTimer;
    std::optional<qint64> m_lastBatchMs;
    bool m_held = false; // a repaint was held back: the window's repaint manager waits for it
    bool m_open = false; // from a batch until the requests it let through have been handled
};

} // namespace vantage
