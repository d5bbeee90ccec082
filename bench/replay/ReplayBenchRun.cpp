#include "ReplayBenchRun.h"

#include "LogMeasurement.h"
#include "bench/ingest/ChildProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace vantage {

namespace {

constexpr int kMeasureTimeoutMs = 10 * 60 * 1000;
constexpr int kReplayTimeoutMs = 60 * 60 * 1000;
// vantage-demogen writes about 250 frames per minute of demo time; a little under that, so the
// first try is long enough, and a deterministic one.
constexpr double kDemoFramesPerMinute = 240;
constexpr int kGenerateTries = 4;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString readText(const QString &path)
{
    return QString::fromUtf8(readAll(path)).trimmed();
}

// Runs a child to its end; false (problem set) when it could not start, timed out or failed.
bool runChild(ChildProcess &child, const QString &program, const QStringList &arguments,
              const QString &outputPath, int timeoutMs, BenchRun &run)
{
    QElapsedTimer clock;
    clock.start();
    if (!child.start(program, arguments, outputPath, &run.problem))
        return false;
    const bool exited = child.waitForExit(timeoutMs);
    run.wallS = double(clock.nsecsElapsed()) / 1e9;
    run.peakRssMb = double(child.usage().maxRssKb) / 1024.0;
    if (!exited)
        run.problem = QStringLiteral("%1 did not finish in %2 s").arg(program).arg(timeoutMs / 1000);
    else if (child.exitCode() != 0)
        run.problem = QStringLiteral("%1 failed (exit %2): %3")
                          .arg(program)
                          .arg(child.exitCode())
                          .arg(readText(outputPath));
    return run.problem.isEmpty();
}

BenchRun runMeasure(const BenchLog &log, const QString &workDir, const QString &what)
{
    BenchRun run;
    const QByteArray output = runMeasureChild(log, workDir, what, {}, run);
    if (!run.problem.isEmpty())
        return run;
    const LogMeasurement measured = LogMeasurement::fromOutput(output);
    run.problem = measured.error;
    run.workS = measured.workS;
    run.items = measured.lines;
    run.checkpoints = measured.checkpoints;
    run.alertMarkers = measured.alertMarkers;
    if (run.problem.isEmpty() && measured.lines != log.lines)
        run.problem = QStringLiteral("read %1 lines of %2").arg(measured.lines).arg(log.lines);
    return run;
}

bool generate(const ReplayBenchOptions &options, BenchLog &log, const QString &outputPath)
{
    ChildProcess demogen;
    BenchRun run;
    const QStringList arguments{QStringLiteral("--out"), log.path, QStringLiteral("--minutes"),
                                QString::number(log.minutes)};
    const bool done =
        runChild(demogen, options.demogenProgram, arguments, outputPath, kMeasureTimeoutMs, run);
    log.generateS += run.wallS;
    log.problem = run.problem;
    return done;
}

// The line count and size of the log, read in this process.
bool measureLog(BenchLog &log)
{
    const LogMeasurement counted = countLines(log.path);
    log.problem = counted.error;
    log.lines = counted.lines;
    log.bytes = counted.bytes;
    return log.problem.isEmpty();
}

} // namespace

BenchLog prepareLog(const ReplayBenchOptions &options, const QString &workDir)
{
    BenchLog log;
    if (!options.logPath.isEmpty()) {
        log.path = options.logPath;
        measureLog(log);
        return log;
    }
    const QDir dir(workDir);
    log.path = options.keepPath.isEmpty() ? dir.filePath(QStringLiteral("replay.ndjson")) : options.keepPath;
    log.minutes = int(std::ceil(double(options.targetLines) / kDemoFramesPerMinute));
    for (int attempt = 1; attempt <= kGenerateTries; ++attempt) {
        if (!generate(options, log, dir.filePath(QStringLiteral("demogen.out"))) || !measureLog(log))
            return log;
        if (log.lines >= options.targetLines)
            return log;
        log.minutes = int(std::ceil(log.minutes * double(options.targetLines) / double(log.lines) * 1.01));
    }
    log.problem = QStringLiteral("vantage-demogen wrote %1 lines in %2 tries, fewer than %3")
                      .arg(log.lines)
                      .arg(kGenerateTries)
                      .arg(options.targetLines);
    return log;
}

QByteArray runMeasureChild(const BenchLog &log, const QString &workDir, const QString &what,
                           const QStringList &extra, BenchRun &run)
{
    const QString outputPath = QDir(workDir).filePath(what + QStringLiteral(".out"));
    ChildProcess child;
    const QStringList arguments =
        QStringList{QStringLiteral("--measure"), what, QStringLiteral("--log"), log.path} + extra;
    runChild(child, QCoreApplication::applicationFilePath(), arguments, outputPath, kMeasureTimeoutMs, run);
    return readAll(outputPath);
}

BenchRun runLineCount(const BenchLog &log, const QString &workDir)
{
    return runMeasure(log, workDir, QStringLiteral("count"));
}

BenchRun runIndex(const BenchLog &log, const QString &workDir)
{
    return runMeasure(log, workDir, QStringLiteral("index"));
}

BenchRun runHistory(const BenchLog &log, const QString &workDir)
{
    return runMeasure(log, workDir, QStringLiteral("history"));
}

BenchRun runReplay(const ReplayBenchOptions &options, const BenchLog &log, const QString &workDir)
{
    BenchRun run;
    const QDir dir(workDir);
    const QString statsPath = dir.filePath(QStringLiteral("stats.json"));
    QFile::remove(statsPath);
    ChildProcess vantage;
    const QStringList arguments{
        QStringLiteral("--headless"), QStringLiteral("--replay"),     log.path, QStringLiteral("--speed"),
        QStringLiteral("max"),        QStringLiteral("--stats-json"), statsPath};
    if (!runChild(vantage, options.vantageProgram, arguments, dir.filePath(QStringLiteral("vantage.out")),
                  kReplayTimeoutMs, run))
        return run;

    const QJsonObject stats = QJsonDocument::fromJson(readAll(statsPath)).object();
    const QJsonObject replay = stats.value(QLatin1String("replay")).toObject();
    const qint64 events = replay.value(QLatin1String("events_replayed")).toInteger();
    const qint64 skipped = replay.value(QLatin1String("skipped_lines")).toInteger();
    const qint64 decodeErrors =
        stats.value(QLatin1String("decode_errors")).toObject().value(QLatin1String("total")).toInteger();
    const QString error = replay.value(QLatin1String("error")).toString();
    if (!error.isEmpty())
        run.problem = QStringLiteral("the replay failed: ") + error;
    else if (events <= 0)
        run.problem = QStringLiteral("no replayed events in the stats of vantage");
    else if (skipped > 0 || decodeErrors > 0)
        run.problem = QStringLiteral("vantage skipped %1 lines and failed to decode %2 frames")
                          .arg(skipped)
                          .arg(decodeErrors);
    run.workS = stats.value(QLatin1String("elapsed_s")).toDouble();
    run.items = events;
    return run;
}

} // namespace vantage
