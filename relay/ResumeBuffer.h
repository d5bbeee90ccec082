#pragma once

#include <QByteArray>

#include <deque>

namespace vantage {

// The newest published messages as encoded frames, for clients that resume after a
// disconnect. Sequence numbers are consecutive, so a message is found by its distance from
// the oldest one; memory grows with what is stored, up to the capacity.
class ResumeBuffer final
{
public:
    explicit ResumeBuffer(int capacity);

    // Stores the frame of `seq`; the oldest falls out when full. A seq that does not follow
    // the newest one starts the buffer over.
    void append(qint64 seq, const QByteArray &frame);

    // True when a client that has applied everything up to `since` can be brought up to
    // `lastSeq` from the buffer alone: it is already there, or the buffer still holds since + 1.
    bool canReplayAfter(qint64 since, qint64 lastSeq) const;

    // Calls fn(seq, frame) for every stored message after `since`, oldest first.
    template <typename Fn> void forEachAfter(qint64 since, Fn &&fn) const
    {
        const qint64 first = qMax(since + 1, oldestSeq());
        for (qint64 seq = first; seq <= m_newestSeq; ++seq)
            fn(seq, m_frames[size_t(seq - oldestSeq())]);
    }

    bool isEmpty() const { return m_frames.empty(); }
    qint64 oldestSeq() const { return m_newestSeq - qint64(m_frames.size()) + 1; }
    qint64 newestSeq() const { return m_newestSeq; }
    int capacity() const { return m_capacity; }

private:
    std::deque<QByteArray> m_frames; // oldest first
    qint64 m_newestSeq = -1;
    int m_capacity;
};

} // namespace vantage
