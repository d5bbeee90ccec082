#pragma once

#include <QtGlobal>

namespace vantage {

// Which page a wall display shows: the pages in turn, each for an interval, held while the
// operator interacts. Plain arithmetic on an explicit clock (milliseconds), so it is tested
// without waiting; ui/KioskController drives it with a timer and the application's input.
class PageRotation
{
public:
    // pageCount pages (1 or more; one never rotates), each shown for intervalMs; an interaction
    // holds the shown page until holdMs after it.
    PageRotation(int pageCount, qint64 intervalMs, qint64 holdMs);

    // Shows `page` from nowMs, with a full interval ahead and no hold.
    void start(int page, qint64 nowMs);
    // The operator touched the wall at nowMs: the shown page stays until at least nowMs + holdMs.
    // A hold only lengthens a page, never shortens it.
    void interact(qint64 nowMs);
    // The page to show at nowMs: the next one once the current page has had its interval and
    // the hold has passed (both at their exact end). It moves at most one page per call, and the
    // new page's interval starts at nowMs, so a clock that jumped (a suspended machine) does not
    // flick through the pages.
    int advanceTo(qint64 nowMs);

    int page() const { return m_page; }
    bool isHeld(qint64 nowMs) const { return nowMs < m_heldUntilMs; }

private:
    int m_pageCount;
    qint64 m_intervalMs;
    qint64 m_holdMs;
    int m_page = 0;
    qint64 m_shownSinceMs = 0;
    qint64 m_heldUntilMs = 0;
};

} // namespace vantage
