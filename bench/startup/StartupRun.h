#pragma once

#include <QString>
#include <QStringList>

namespace vantage {

// One process started and timed to its first painted frame, which it reports on stdout as
// "first_frame_monotonic_ns N" (CLOCK_MONOTONIC, the clock the driver reads before spawning it).
struct StartupRun
{
    double firstFrameMs = -1; // from spawn to the first frame
    double wallMs = -1;       // from spawn to exit
    QString problem;

    bool usable() const { return problem.isEmpty() && firstFrameMs >= 0; }
};

StartupRun runStartup(const QString &program, const QStringList &arguments, const QString &outputPath);

} // namespace vantage
