#pragma once

#include <QPoint>
#include <QtGlobal>

#include <vector>

class QMainWindow;

namespace vantage {

// Against burn-in on a wall that shows the same bars for months: the whole picture moves by a
// pixel every few minutes, round an orbit that visits every offset within +-maxPx once per cycle
// ((2 maxPx + 1)^2 steps), one pixel at a time. Each step is horizontal or vertical except one
// diagonal per cycle (a square of odd side has no closed tour of straight steps). The offset is
// a function of the clock alone, so every screen of a wall moves alike and a restart resumes the
// orbit where the clock is.
class PixelShift
{
public:
    static constexpr int defaultMaxPx = 4;
    static constexpr qint64 defaultStepMs = 180'000; // three minutes

    // maxPx from 0 (no shift); stepMs at least 1.
    explicit PixelShift(int maxPx = defaultMaxPx, qint64 stepMs = defaultStepMs);

    // The offset at nowMs (milliseconds since the epoch): it changes exactly at multiples of
    // stepMs and repeats every cycleLength() steps.
    QPoint offsetAt(qint64 nowMs) const;

    int maxPx() const { return m_maxPx; }
    qint64 stepMs() const { return m_stepMs; }
    int cycleLength() const { return int(m_orbit.size()); }

private:
    int m_maxPx;
    qint64 m_stepMs;
    std::vector<QPoint> m_orbit;
};

// Moves the window's content (central widget and status bar alike) by `offset`, through contents
// margins of maxPx + dx, maxPx + dy, maxPx - dx, maxPx - dy: the content keeps its size and never
// leaves the screen. Works on any QMainWindow without its help.
void applyPixelShift(QMainWindow *window, QPoint offset, int maxPx);

} // namespace vantage
