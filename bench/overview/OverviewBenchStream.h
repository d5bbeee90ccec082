#pragma once

#include "OverviewBenchEvents.h"
#include "feed/FeedBatch.h"

#include <random>

namespace vantage {

// What the server sends the dashboard, seeded, in batches as the feed thread flushes them:
// events at a given rate, evenly spaced; at each whole second of stream time a metrics sample
// with every health gauge (the server samples its load once a second whatever the event rate),
// and every ten seconds the active users with their whereabouts; running totals in the stats.
class OverviewBenchStream
{
public:
    // Starting at startMs; `placedPer10k` of every 10,000 events carry a location.
    OverviewBenchStream(qint64 startMs, int placedPer10k, quint32 seed = 20260613);

    // The messages after the stream's time up to endMs, with events at eventsPerSecond.
    FeedBatch until(qint64 endMs, double eventsPerSecond);
    // Open alerts of each severity but critical, raised at the stream's time.
    FeedBatch alerts();

private:
    void pushSecond(std::vector<Message> &messages, qint64 secondMs);
    void push(std::vector<Message> &messages, qint64 tsMs, MessageKind kind, MessageBody body);
    MetricsSample metrics(qint64 tsMs);
    FeedBatch finish(std::vector<Message> messages);

    OverviewBenchEvents m_events;
    std::mt19937 m_random;
    std::normal_distribution<double> m_noise{0.0, 1.0};
    int m_placedPer10k;
    qint64 m_timeMs;
    double m_eventsDue = 0; // the fraction of an event a batch left to the next
    qint64 m_eventCount = 0;
    qint64 m_seq = 0;
    FeedStats m_stats;
};

} // namespace vantage
