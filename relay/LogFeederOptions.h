#pragma once

#include <QString>

namespace vantage {

struct LogFeederOptions
{
    QString path; // an NDJSON log of protocol frames, one per line
    // Messages per second, each stamped with the time it goes out; 0 plays the recorded pace.
    double rate = 0.0;
    // With the recorded pace: 2.0 plays twice as fast; <= 0 as fast as the relay can publish.
    double speed = 1.0;
    bool loop = false; // at the end, start again from the first line
    // > 0: publishing pauses while a client has more than this many bytes unsent, so the feed
    // goes as fast as the slowest client reads instead of dropping it (benchmarks); 0: never.
    qint64 backpressureBytes = 0;
};

} // namespace vantage
