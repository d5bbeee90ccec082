#pragma once

#include <QtGlobal>

#include <functional>
#include <utility>

namespace vantage {

// Coalesces an aggregate's change notification over a batch: between the outermost begin()
// and end() it runs at most once, at end(), so a batch of updates costs one repaint.
class ChangeBatcher
{
public:
    explicit ChangeBatcher(std::function<void()> notify)
        : m_notify(std::move(notify))
    {}

    void begin() { ++m_depth; }

    void end()
    {
        Q_ASSERT(m_depth > 0);
        if (--m_depth == 0 && m_dirty) {
            m_dirty = false;
            m_notify();
        }
    }

    void markChanged()
    {
        if (m_depth > 0)
            m_dirty = true;
        else
            m_notify();
    }

private:
    std::function<void()> m_notify;
    int m_depth = 0;
    bool m_dirty = false;
};

} // namespace vantage
