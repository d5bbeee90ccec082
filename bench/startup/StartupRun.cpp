#include "StartupRun.h"

#include "bench/ingest/ChildProcess.h"

#include <QFile>
#include <QRegularExpression>

#include <chrono>

namespace vantage {

namespace {

constexpr int kExitTimeoutMs = 60'000;

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

StartupRun runStartup(const QString &program, const QStringList &arguments, const QString &outputPath)
{
    StartupRun run;
    ChildProcess child;
    const qint64 spawnedNs = monotonicNs();
    if (!child.start(program, arguments, outputPath, &run.problem))
        return run;
    const bool exited = child.waitForExit(kExitTimeoutMs);
    run.wallMs = double(monotonicNs() - spawnedNs) / 1e6;
    QFile file(outputPath);
    const QString output = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    static const QRegularExpression line(QStringLiteral("^first_frame_monotonic_ns (\\d+)$"),
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(output);
    if (!exited || child.exitCode() != 0 || !match.hasMatch()) {
        run.problem = QStringLiteral("%1 did not report its first frame (exit %2): %3")
                          .arg(program)
                          .arg(child.exitCode())
                          .arg(output.trimmed());
        return run;
    }
    run.firstFrameMs = double(match.captured(1).toLongLong() - spawnedNs) / 1e6;
    return run;
}

} // namespace vantage
