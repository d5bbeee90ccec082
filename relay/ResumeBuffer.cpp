#include "relay/ResumeBuffer.h"

namespace vantage {

ResumeBuffer::ResumeBuffer(int capacity)
    : m_capacity(qMax(capacity, 0))
{}

void ResumeBuffer::append(qint64 seq, const QByteArray &frame)
{
    if (m_capacity == 0)
        return;
    if (!m_frames.empty() && seq != m_newestSeq + 1)
        m_frames.clear();
    m_frames.push_back(frame);
    m_newestSeq = seq;
    if (m_frames.size() > size_t(m_capacity))
        m_frames.pop_front();
}

bool ResumeBuffer::canReplayAfter(qint64 since, qint64 lastSeq) const
{
    if (since == lastSeq)
        return true;
    if (since > lastSeq || isEmpty() || m_newestSeq != lastSeq)
        return false;
    return oldestSeq() <= since + 1;
}

} // namespace vantage
