#include "feed/Sequencer.h"

namespace vantage {

void Sequencer::restart()
{
    m_epoch.clear();
    m_lastSeq = -1;
}

void Sequencer::restore(QString epoch, qint64 lastSeq)
{
    m_epoch = std::move(epoch);
    m_lastSeq = lastSeq;
}

bool Sequencer::accept(const Message &message, FeedStats &stats)
{
    if (message.kind == MessageKind::Hello) {
        const auto *hello = std::get_if<HelloInfo>(&message.body);
        if (hello && hello->epoch != m_epoch) {
            // A new epoch restarts numbering: nothing before it can be compared.
            m_epoch = hello->epoch;
            m_lastSeq = -1;
        }
        return true;
    }
    if (message.seq < 0)
        return true;
    if (message.kind == MessageKind::Snapshot) {
        if (m_lastSeq >= 0 && message.seq <= m_lastSeq) {
            // Older than what was already applied: it would move the dashboard back in time.
            ++stats.duplicatesDropped;
            return false;
        }
        // The state as of its seq (a snapshot takes no seq of its own): the messages after the
        // last applied one up to that seq never arrived; the snapshot covers them, and they are counted.
        if (m_lastSeq >= 0)
            stats.coveredBySnapshot += quint64(message.seq - m_lastSeq);
        m_lastSeq = message.seq;
        return true;
    }
    if (m_lastSeq >= 0) {
        if (message.seq <= m_lastSeq) {
            ++stats.duplicatesDropped;
            return false;
        }
        if (message.seq > m_lastSeq + 1) {
            ++stats.gapsDetected;
            stats.messagesMissed += quint64(message.seq - m_lastSeq - 1);
        }
    }
    m_lastSeq = message.seq;
    return true;
}

} // namespace vantage
