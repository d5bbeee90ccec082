#pragma once

#include <QString>

#include <vector>

namespace vantage {

// How long each thread of a process was on a CPU or runnable and waiting for one
// (/proc/PID/task/TID/schedstat). A thread busy for the whole wall time never waited for
// input: it is what limits the stream, whether it is short of work time or of a free core.
struct ThreadBusy
{
    qint64 tid = 0;
    QString name;
    double busyS = 0;
};

std::vector<ThreadBusy> sampleThreadBusy(qint64 pid);

struct BusiestThread
{
    QString name;
    double share = 0; // busy seconds per wall second, 1 = always running or ready to
};

// The thread that was busy longest between two samples of one process.
BusiestThread busiestThread(const std::vector<ThreadBusy> &before, const std::vector<ThreadBusy> &after,
                            double wallS);

} // namespace vantage
