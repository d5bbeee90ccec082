#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace vantage {

// What the relay counts, at one moment: the figures `/metrics` serves.
struct RelayMetrics
{
    int webSocketClients = 0;
    int sseClients = 0;
    quint64 messagesPublished = 0;
    quint64 messagesSent = 0; // per client: hello, snapshots and replays included
    quint64 resumesServed = 0;
    quint64 resumesMissed = 0;
    // The relay never drops a frame for a connected client: it drops the client, whose
    // unsent frames go with it, and the client resumes. Both are counted.
    quint64 clientsDropped = 0;
    quint64 droppedBytes = 0;
    qint64 lastSeq = 0;
    double uptimeSeconds = 0;
};

// The Prometheus text exposition format (version 0.0.4) of `metrics`: a HELP and a TYPE line
// for each family, names prefixed vantage_relay_, counters suffixed _total (docs/relay.md).
QByteArray prometheusText(const RelayMetrics &metrics);

// The Content-Type that format is served with.
inline constexpr char kPrometheusTextType[] = "text/plain; version=0.0.4; charset=utf-8";

} // namespace vantage
