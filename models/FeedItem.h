#pragma once

#include "feed/Message.h"

namespace vantage {

// One row of the activity feed: the event with the time and sequence number of the frame it came in.
struct FeedItem
{
    qint64 tsMs = 0;
    qint64 seq = -1; // -1 for events without one (seed shapes, snapshot prefill)
    LiveEvent event;

    friend bool operator==(const FeedItem &, const FeedItem &) = default;
};

} // namespace vantage
