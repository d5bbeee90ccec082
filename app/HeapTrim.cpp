#include "app/HeapTrim.h"

#include <QElapsedTimer>

#include <algorithm>

#include <malloc.h>

namespace vantage {

HeapTrim::HeapTrim(int intervalMs, TrimFn trim, QObject *parent)
    : QObject(parent)
    , m_trim(std::move(trim))
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &HeapTrim::trim);
}

void HeapTrim::noteBatch()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void HeapTrim::trimFreePages()
{
    malloc_trim(0);
}

void HeapTrim::trim()
{
    QElapsedTimer elapsed;
    elapsed.start();
    m_trim();
    ++m_trims;
    m_longestMs = std::max(m_longestMs, double(elapsed.nsecsElapsed()) / 1e6);
}

} // namespace vantage
