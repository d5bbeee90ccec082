#include "ProcessEventsUntil.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

namespace vantage {

bool processEventsUntil(const std::function<bool()> &done, int timeoutMs)
{
    // Wakes the loop at the deadline if nothing else does; inactive once it has fired.
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.start(timeoutMs);
    while (!done()) {
        if (!deadline.isActive())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace vantage
