#pragma once

#include "ChildProcess.h"
#include "RelayProcess.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace vantage {

// How the pipeline is run: without windows, or with the overview painting offscreen at
// 1920x1080 (QT_QPA_PLATFORM=offscreen, set by the driver for its children).
enum class PipelineView { Headless, Window };

// `vantage` against a relay on 127.0.0.1, as a child process: connected, measured, ended, and read
// back from its --stats-json.
struct VantageClientResult
{
    QJsonObject stats;
    ChildProcess::Usage usage;
    double startupCpuS = 0; // CPU used by the time the relay counted it: not the stream's
    double busy = 0;        // its busiest thread's busy share while it read (ThreadBusy.h)
    QString busyThread;
    RelayProcess::Health first; // the relay when the client connected, and when it left
    RelayProcess::Health last;
    double relayCpuS = 0; // relay CPU over the client's time
    double elapsedS = 0;  // the relay's view of the client's time, from connect to goodbye
    QString problem;      // non-empty: not measured, and why

    // From the stats: frames applied per second of its run, and the frames its window painted
    // per second (-1 without a window).
    double eventsPerS() const;
    double windowFramesPerS() const;
};

// Runs `vantage --url ws://127.0.0.1:PORT/stream --no-fallback --stats-json F <view> <extra>` and
// waits for it to end: by its own --duration (in `extra`), or when `stopWhen` (polled with the
// relay's health every 100 ms) holds, with SIGTERM. Rejects runs that reconnected or failed to
// decode a frame.
VantageClientResult runVantageClient(const QString &program, RelayProcess &relay, const QString &workDir,
                                     PipelineView view, const QStringList &extra, double durationS,
                                     const std::function<bool(const RelayProcess::Health &)> &stopWhen = {});

} // namespace vantage
