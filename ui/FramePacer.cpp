#include "ui/FramePacer.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

#include <algorithm>

namespace vantage {

namespace {

// Posted after the repaint requests a frame lets through: when it arrives, they have been handled.
const QEvent::Type kFrameDone = QEvent::Type(QEvent::registerEventType());

} // namespace

FramePacer::FramePacer(QWidget *window, NowFn now)
    : QObject(window)
    , m_window(window)
    , m_now(std::move(now))
{
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &FramePacer::release);
    // On the application, not the window: its filters run before the window's own, so what watches
    // the window's frames (app/FrameProbe) sees only the repaints that go ahead.
    QCoreApplication::instance()->installEventFilter(this);
}

FramePacer::~FramePacer()
{
    QCoreApplication::instance()->removeEventFilter(this);
    // The repaint manager posts nothing more until the request held back has been handled.
    if (m_held)
        QCoreApplication::postEvent(m_window, new QEvent(QEvent::UpdateRequest), Qt::LowEventPriority);
}

void FramePacer::batchApplied()
{
    m_lastBatchMs = m_now();
    if (m_held)
        repostHeld();
    openFrame();
}

bool FramePacer::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::UpdateRequest || watched != m_window || m_open || !streaming())
        return false;
    // Held back: the repaint manager posts no other request until this one is handled, and the
    // regions marked dirty meanwhile are painted together when release() posts it again.
    m_held = true;
    if (!m_holdTimer.isActive())
        m_holdTimer.start(int(std::max<qint64>(0, *m_lastBatchMs + kHoldMs - m_now())));
    return true;
}

void FramePacer::customEvent(QEvent *event)
{
    if (event->type() == kFrameDone)
        m_open = false;
}

bool FramePacer::streaming() const
{
    return m_lastBatchMs && m_now() - *m_lastBatchMs < kStreamGapMs;
}

void FramePacer::release()
{
    if (!m_held)
        return;
    repostHeld();
    openFrame();
}

void FramePacer::repostHeld()
{
    m_holdTimer.stop();
    m_held = false;
    QCoreApplication::postEvent(m_window, new QEvent(QEvent::UpdateRequest), Qt::LowEventPriority);
}

void FramePacer::openFrame()
{
    // The repaint requests posted so far, at low priority, are handled before an event posted
    // after them at the same priority: until it arrives, every request goes ahead.
    if (!m_open)
        QCoreApplication::postEvent(this, new QEvent(kFrameDone), Qt::LowEventPriority);
    m_open = true;
}

} // namespace vantage
