#pragma once

#include "feed/FeedStats.h"
#include "feed/Message.h"

namespace vantage {

// Orders messages within a stream epoch: drops duplicates (seq at or below the last one
// applied) and counts forward jumps as gaps, so no loss goes unnoticed.
class Sequencer
{
public:
    // Returns false when the message is a duplicate and must be dropped. Updates stats.
    bool accept(const Message &message, FeedStats &stats);
    // The source started the stream over (a replay pass): numbering starts afresh.
    void restart();
    // Numbering as it stood at an earlier point of the stream (a replay seeks back to it).
    void restore(QString epoch, qint64 lastSeq);

    QString epoch() const { return m_epoch; }
    qint64 lastSeq() const { return m_lastSeq; }

private:
    QString m_epoch;
    qint64 m_lastSeq = -1;
};

} // namespace vantage
