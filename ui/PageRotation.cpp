#include "ui/PageRotation.h"

#include <algorithm>

namespace vantage {

PageRotation::PageRotation(int pageCount, qint64 intervalMs, qint64 holdMs)
    : m_pageCount(std::max(1, pageCount))
    , m_intervalMs(intervalMs)
    , m_holdMs(holdMs)
{}

void PageRotation::start(int page, qint64 nowMs)
{
    m_page = std::clamp(page, 0, m_pageCount - 1);
    m_shownSinceMs = nowMs;
    m_heldUntilMs = nowMs;
}

void PageRotation::interact(qint64 nowMs)
{
    m_heldUntilMs = std::max(m_heldUntilMs, nowMs + m_holdMs);
}

int PageRotation::advanceTo(qint64 nowMs)
{
    const qint64 dueMs = std::max(m_shownSinceMs + m_intervalMs, m_heldUntilMs);
    if (m_pageCount > 1 && nowMs >= dueMs) {
        m_page = (m_page + 1) % m_pageCount;
        m_shownSinceMs = nowMs;
    }
    return m_page;
}

} // namespace vantage
