#pragma once

#include "IngestOptions.h"
#include "VantageClient.h"

#include <QString>
#include <QStringList>

namespace vantage {

// One client fed at a fixed rate by a fresh relay that stamps every event with the time it sends
// it: the latency from send to applied-in-model, from the client's --stats-json (event_latency).
struct LatencyRun
{
    double rate = 0; // the relay's --rate, events/s
    PipelineView view = PipelineView::Headless;
    double eventsPerS = 0; // frames the client applied per second
    double p50Ms = -1;
    double p99Ms = -1;
    double maxMs = -1;
    double windowFps = -1; // with the window: the frames it painted per second
    QString problem;       // non-empty: not measured, and why (a client dropped as too slow, ...)

    bool usable() const { return problem.isEmpty() && p50Ms >= 0; }
};

// The relay's command line for a latency run (after the program name). No --backpressure: a
// client that cannot keep up falls behind and is dropped, as in production.
QStringList latencyRelayArguments(double rate);
LatencyRun runLatency(const IngestOptions &options, const QString &workDir, double rate, PipelineView view);

} // namespace vantage
