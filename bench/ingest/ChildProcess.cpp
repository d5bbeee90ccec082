#include "ChildProcess.h"

#include "EventLoopWait.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace vantage {

ChildProcess::~ChildProcess()
{
    if (m_pid <= 0 || m_reaped)
        return;
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
}

bool ChildProcess::start(const QString &program, const QStringList &arguments, const QString &outputPath,
                         QString *error)
{
    std::vector<QByteArray> encoded{QFile::encodeName(program)};
    for (const QString &argument : arguments)
        encoded.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : encoded)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    const QByteArray output = QFile::encodeName(outputPath);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    const int result = posix_spawn(&m_pid, argv.front(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (result != 0) {
        m_pid = -1;
        *error =
            QStringLiteral("cannot start %1: %2").arg(program, QString::fromLocal8Bit(std::strerror(result)));
        return false;
    }
    return true;
}

bool ChildProcess::isRunning()
{
    if (m_pid <= 0 || m_reaped)
        return false;
    int status = 0;
    rusage usage{};
    const pid_t reaped = ::wait4(m_pid, &status, WNOHANG, &usage);
    if (reaped == 0 || (reaped < 0 && errno == EINTR))
        return true;
    m_reaped = true;
    if (reaped == m_pid) {
        m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        m_usage.cpuS = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        m_usage.maxRssKb = usage.ru_maxrss;
    }
    return false;
}

void ChildProcess::terminate()
{
    if (isRunning())
        ::kill(m_pid, SIGTERM);
}

double ChildProcess::cpuSecondsSoFar() const
{
    // /proc/PID/stat: utime and stime are the 14th and 15th fields, in clock ticks; the command
    // name (2nd) is in parentheses and may hold spaces, so count from the last ')'.
    QFile file(QStringLiteral("/proc/%1/stat").arg(m_pid));
    if (m_pid <= 0 || !file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

bool ChildProcess::waitForExit(int timeoutMs)
{
    return waitFor([this] { return !isRunning(); }, timeoutMs);
}

} // namespace vantage
