#include "OverviewBenchStream.h"

#include <cmath>
#include <numbers>

namespace vantage {

namespace {

constexpr qint64 secondMs = 1000;
constexpr qint64 activeUsersEveryMs = 10'000;
constexpr int activeUserPlaces = 30;
constexpr quint64 bytesPerMessage = 420; // about an event frame of the demo log

double wave(qint64 tsMs, double periodS)
{
    return std::sin(2.0 * std::numbers::pi * double(tsMs / secondMs) / periodS);
}

} // namespace

OverviewBenchStream::OverviewBenchStream(qint64 startMs, int placedPer10k, quint32 seed)
    : m_events(seed)
    , m_random(seed + 1)
    , m_placedPer10k(placedPer10k)
    , m_timeMs(startMs)
{}

FeedBatch OverviewBenchStream::until(qint64 endMs, double eventsPerSecond)
{
    const qint64 spanMs = endMs - m_timeMs;
    m_eventsDue += eventsPerSecond * double(spanMs) / double(secondMs);
    const auto count = qint64(m_eventsDue);
    m_eventsDue -= double(count);
    std::vector<Message> messages;
    messages.reserve(std::size_t(count + spanMs / secondMs + 2));
    qint64 nextSecond = (m_timeMs / secondMs + 1) * secondMs;
    for (qint64 i = 1; i <= count; ++i) {
        const qint64 tsMs = m_timeMs + spanMs * i / count;
        for (; nextSecond <= tsMs; nextSecond += secondMs)
            pushSecond(messages, nextSecond);
        // Exactly placedPer10k of every 10,000 consecutive events are placed.
        const bool located =
            (m_eventCount + 1) * m_placedPer10k / 10'000 > m_eventCount * m_placedPer10k / 10'000;
        push(messages, tsMs, MessageKind::Event, m_events.next(++m_eventCount, located));
    }
    for (; nextSecond <= endMs; nextSecond += secondMs)
        pushSecond(messages, nextSecond);
    m_timeMs = endMs;
    return finish(std::move(messages));
}

FeedBatch OverviewBenchStream::alerts()
{
    const auto alert = [](const char *id, Severity severity, const char *message, int affected) {
        return AlertInfo{QLatin1String(id), severity, QLatin1String(message), affected, false, false};
    };
    std::vector<Message> messages;
    push(messages, m_timeMs, MessageKind::Alert,
         alert("deploy-4.18.2", Severity::Info, "Deploy 4.18.2 rolled out to all regions", 0));
    push(messages, m_timeMs, MessageKind::Alert,
         alert("latency-warning", Severity::Warning, "Average response above 400 ms in eu-west", 2300));
    push(messages, m_timeMs, MessageKind::Alert,
         alert("payments-provider", Severity::Error, "Card payments failing for 4% of checkouts", 180));
    return finish(std::move(messages));
}

void OverviewBenchStream::pushSecond(std::vector<Message> &messages, qint64 secondMsAt)
{
    push(messages, secondMsAt, MessageKind::Metrics, metrics(secondMsAt));
    if (secondMsAt % activeUsersEveryMs != 0)
        return;
    ActiveUsersUpdate users;
    users.current = std::round(900.0 + 120.0 * wave(secondMsAt, 3600.0) + 6.0 * m_noise(m_random));
    users.byRole = {{QStringLiteral("supplier"), std::round(users.current * 0.3)},
                    {QStringLiteral("couple"), users.current - std::round(users.current * 0.3)}};
    users.trend = 4.2;
    for (int i = 0; i < activeUserPlaces; ++i)
        users.locations.push_back(m_events.location());
    push(messages, secondMsAt, MessageKind::ActiveUsers, std::move(users));
}

MetricsSample OverviewBenchStream::metrics(qint64 tsMs)
{
    const double load = wave(tsMs, 900.0);
    const double avg = 180.0 + 40.0 * load + 8.0 * m_noise(m_random);
    MetricsSample sample;
    sample.gauges = {
        {QStringLiteral("requests_per_second"), std::round(620.0 + 140.0 * load + 25.0 * m_noise(m_random))},
        {QStringLiteral("avg_response_ms"), std::round(avg)},
        {QStringLiteral("p95_response_ms"), std::round(avg * (2.1 + 0.1 * m_noise(m_random)))},
        {QStringLiteral("error_rate"), std::max(0.0, 0.4 + 0.15 * load + 0.05 * m_noise(m_random))},
        {QStringLiteral("queue_depth"), std::max(0.0, std::round(10.0 + 4.0 * m_noise(m_random)))},
        {QStringLiteral("cpu_percent"), std::round(48.0 + 12.0 * load + 3.0 * m_noise(m_random))},
        {QStringLiteral("memory_percent"), std::round(61.0 + 0.8 * m_noise(m_random))},
    };
    return sample;
}

void OverviewBenchStream::push(std::vector<Message> &messages, qint64 tsMs, MessageKind kind,
                               MessageBody body)
{
    Message message;
    message.kind = kind;
    message.seq = ++m_seq;
    message.tsMs = tsMs;
    message.wireType = messageKindName(kind);
    message.body = std::move(body);
    ++m_stats.byType[message.wireType];
    messages.push_back(std::move(message));
}

FeedBatch OverviewBenchStream::finish(std::vector<Message> messages)
{
    m_stats.framesReceived += messages.size();
    m_stats.messagesDecoded += messages.size();
    m_stats.bytesReceived += messages.size() * bytesPerMessage;
    FeedBatch batch;
    batch.messages = std::move(messages);
    batch.stats = m_stats;
    batch.lastFrameMs = m_timeMs;
    batch.flushedAtMs = m_timeMs;
    return batch;
}

} // namespace vantage
