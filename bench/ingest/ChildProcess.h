#pragma once

#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace vantage {

// A child process started with posix_spawn and reaped with wait4, so that its own CPU time
// and peak RSS are known exactly. (QProcess reaps its children itself and keeps the resource
// usage to itself; getrusage(RUSAGE_CHILDREN) would mix the relay and the client.)
class ChildProcess
{
public:
    struct Usage
    {
        double cpuS = 0;     // user + system, every thread
        qint64 maxRssKb = 0; // peak resident set
    };

    ChildProcess() = default;
    ~ChildProcess(); // a child still running is killed
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    // stdout and stderr go to outputPath, stdin reads /dev/null.
    bool start(const QString &program, const QStringList &arguments, const QString &outputPath,
               QString *error);
    pid_t pid() const { return m_pid; }
    // Reaps the child without blocking when it has exited.
    bool isRunning();
    void terminate();
    // Runs the event loop until the child exited; false on timeout.
    bool waitForExit(int timeoutMs);
    // After exit: the exit code, or -1 when a signal ended the child.
    int exitCode() const { return m_exitCode; }
    Usage usage() const { return m_usage; }
    // While it runs: CPU seconds used so far (user + system), from /proc; 0 when unknown.
    double cpuSecondsSoFar() const;

private:
    pid_t m_pid = -1;
    bool m_reaped = false;
    int m_exitCode = -1;
    Usage m_usage;
};

} // namespace vantage
