#pragma once

#include <QtGlobal>

#include <utility>
#include <vector>

namespace vantage {

// Fixed-capacity ring of the newest items. Storage is reserved once at construction so a
// day of streaming never reallocates; pushing into a full ring overwrites the oldest item.
template<typename T>
class EventRing
{
public:
    explicit EventRing(qsizetype capacity)
        : m_capacity(qMax<qsizetype>(1, capacity))
    {
        m_items.reserve(static_cast<size_t>(m_capacity));
    }

    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return static_cast<qsizetype>(m_items.size()); }
    bool isEmpty() const { return m_items.empty(); }

    // Drops the oldest item when full.
    void push(T item)
    {
        if (size() < m_capacity)
            m_items.push_back(std::move(item));
        else
            m_items[static_cast<size_t>(m_next)] = std::move(item);
        m_next = (m_next + 1) % m_capacity;
        ++m_totalPushed;
    }

    // i = 0 is the newest, size() - 1 the oldest.
    const T &newest(qsizetype i) const
    {
        Q_ASSERT(i >= 0 && i < size());
        const qsizetype slot = (m_next - 1 - i + 2 * m_capacity) % m_capacity;
        return m_items[static_cast<size_t>(slot)];
    }

    // Items pushed since construction or the last clear(), including those dropped since.
    quint64 totalPushed() const { return m_totalPushed; }

    // Keeps the reserved storage.
    void clear()
    {
        m_items.clear();
        m_next = 0;
        m_totalPushed = 0;
    }

private:
    qsizetype m_capacity;
    std::vector<T> m_items;
    qsizetype m_next = 0; // slot the next push writes
    quint64 m_totalPushed = 0;
};

} // namespace vantage
