#include "FrameEvents.h"

#include <QCoreApplication>
#include <QEvent>

namespace vantage {

namespace {

constexpr int maxTurns = 32;

} // namespace

FrameEvents::FrameEvents()
{
    QCoreApplication::instance()->installEventFilter(this);
}

FrameEvents::~FrameEvents()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

void FrameEvents::deliverPending()
{
    for (int turn = 0; turn < maxTurns; ++turn) {
        const quint64 before = m_delivered;
        QCoreApplication::processEvents();
        if (m_delivered == before)
            return;
    }
}

bool FrameEvents::eventFilter(QObject *watched, QEvent *event)
{
    ++m_delivered;
    if (event->type() == QEvent::Paint)
        ++m_paints;
    return QObject::eventFilter(watched, event);
}

} // namespace vantage
