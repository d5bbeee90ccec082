#pragma once

#include "IngestOptions.h"
#include "VantageClient.h"

#include <QString>
#include <QStringList>

namespace vantage {

// One client measured against a fresh relay.
struct IngestRun
{
    double eventsPerS = 0;      // frames the client took per second of its measured time
    double relaySentPerS = 0;   // what the relay published per second meanwhile (/healthz last_seq)
    double relayCpuShare = 0;   // relay CPU seconds per wall second: 1 is one core, flat out
    double relayUsPerEvent = 0; // relay CPU per message published
    double relayBusy = -1;      // floor runs: the relay's busiest thread's busy share (ThreadBusy.h)
    // The client's CPU (user + system, every thread) per frame, from the moment it connected.
    double cpuUsPerEvent = 0;
    double clientBusy = 0; // the client's busiest thread's busy share, and its name
    QString clientBusyThread;
    double peakRssMb = 0;  // the pipeline's peak RSS; 0 for the floor, which shares the driver
    double windowFps = -1; // (c): the frames the window painted per second
    QString problem;       // non-empty: no measurement, and why

    bool usable() const { return problem.isEmpty() && eventsPerS > 0; }
};

// The relay's command line for every run (after the program name).
QStringList ingestRelayArguments();
// (a) the floor: a bare QWebSocket in this process.
IngestRun runFloor(const IngestOptions &options, const QString &workDir);
// (b) the full pipeline, `vantage --headless`, or (c) with the window painting: a child process,
// read from its --stats-json.
IngestRun runPipeline(const IngestOptions &options, const QString &workDir, PipelineView view);

} // namespace vantage
