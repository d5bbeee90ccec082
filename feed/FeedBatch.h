#pragma once

#include "feed/FeedStats.h"
#include "feed/Message.h"

#include <QMetaType>

#include <memory>
#include <vector>

namespace vantage {

// What the worker thread hands to the GUI thread, at most once per frame interval.
struct FeedBatch
{
    std::vector<Message> messages; // in arrival order
    FeedStats stats;               // totals after these messages
    qint64 lastFrameMs = 0;        // receive time of the newest frame so far (0: none yet)
    qint64 flushedAtMs = 0;
    // Non-zero after a replay seek (ReplaySeek::token): the dashboard state saved for that token
    // replaces the current one, on an emptied feed, before these messages are applied.
    quint64 seekToken = 0;
};

using FeedBatchPtr = std::shared_ptr<const FeedBatch>;

} // namespace vantage

Q_DECLARE_METATYPE(vantage::FeedBatchPtr)
