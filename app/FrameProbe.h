#pragma once

#include "feed/DurationHistogram.h"

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace vantage {

// Watches a top-level window's frames: every backing-store update it paints (an UpdateRequest, or
// the first expose), the time between them, and the moment the first one is on screen. For
// --stats-json and --exit-after-first-frame (docs/performance.md).
class FrameProbe final : public QObject
{
    Q_OBJECT
public:
    explicit FrameProbe(QWidget *window);

    quint64 frames() const { return m_frames; }
    const DurationHistogram &intervals() const { return m_intervals; }

Q_SIGNALS:
    // Once, right after the first frame was painted and flushed.
    void firstFramePainted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QElapsedTimer m_sinceLast;
    quint64 m_frames = 0;
    DurationHistogram m_intervals;
};

} // namespace vantage
