#include "app/FrameProbe.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace vantage {

FrameProbe::FrameProbe(QWidget *window)
    : QObject(window)
{
    window->installEventFilter(this);
}

bool FrameProbe::eventFilter(QObject *watched, QEvent *event)
{
    // The first frame comes from the expose, which paints the whole window; later ones from the
    // repaint manager's UpdateRequest. Either is seen here before it is handled.
    const bool firstPaint = m_frames == 0 && event->type() == QEvent::Paint;
    if (event->type() == QEvent::UpdateRequest || firstPaint) {
        if (m_frames > 0)
            m_intervals.add(m_sinceLast.nsecsElapsed() / 1000);
        m_sinceLast.start();
        if (++m_frames == 1)
            QTimer::singleShot(0, this, &FrameProbe::firstFramePainted);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace vantage
