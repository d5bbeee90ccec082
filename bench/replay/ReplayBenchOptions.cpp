#include "ReplayBenchOptions.h"

#include <QCommandLineParser>
#include <QDir>

namespace vantage {

ReplayBenchCommandLine parseReplayBenchCommandLine(const QStringList &arguments, const QString &binaryDir)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Replay benchmark: generates a large log with vantage-demogen, then times a plain line count of "
        "it (the floor), the replay index (feed/ReplayIndexer), the index with the gauges' history as a live "
        "session reads its journal, `vantage --headless --replay --speed max`, "
        "and the index with seek points followed by seeks in a replay as the window runs it, alternated, "
        "each in a process of its own; medians, ratios, seek times and peak RSS are printed."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption repetitions(
        QStringLiteral("repetitions"),
        QStringLiteral("Line count, index, replay and seek runs each (default 5)."), QStringLiteral("N"),
        QStringLiteral("5"));
    const QCommandLineOption lines(QStringLiteral("lines"),
                                   QStringLiteral("Lines of the generated log, at least (default 1000000)."),
                                   QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption seeks(QStringLiteral("seeks"),
                                   QStringLiteral("Seeks in each seek run (default 20)."),
                                   QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption log(QStringLiteral("log"),
                                 QStringLiteral("Measure this existing log instead of generating one; kept."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption keep(
        QStringLiteral("keep"),
        QStringLiteral("Write the generated log to FILE and keep it (for a later --log FILE)."),
        QStringLiteral("FILE"));
    const QCommandLineOption vantage(
        QStringLiteral("vantage"), QStringLiteral("The vantage binary (default: next to this one)."),
        QStringLiteral("PATH"), QDir(binaryDir).filePath(QStringLiteral("vantage")));
    const QCommandLineOption demogen(
        QStringLiteral("demogen"), QStringLiteral("The vantage-demogen binary (default: next to this one)."),
        QStringLiteral("PATH"), QDir(binaryDir).filePath(QStringLiteral("vantage-demogen")));
    const QCommandLineOption measure(
        QStringLiteral("measure"),
        QStringLiteral("Internal, the driver's child runs: measure `count`, `index`, `history` or `seek` "
                       "of the --log FILE once and print the result as one JSON line."),
        QStringLiteral("WHAT"));
    parser.addOptions({repetitions, lines, seeks, log, keep, vantage, demogen, measure});

    if (auto stop = parseOrStop<ReplayBenchOptions>(parser, arguments, help))
        return *stop;
    ReplayBenchOptions options;
    bool repetitionsOk = false;
    bool linesOk = false;
    bool seeksOk = false;
    options.repetitions = parser.value(repetitions).toInt(&repetitionsOk);
    options.targetLines = parser.value(lines).toLongLong(&linesOk);
    options.seeks = parser.value(seeks).toInt(&seeksOk);
    if (!repetitionsOk || options.repetitions < 1 || options.repetitions > 1000)
        return ReplayBenchCommandLine::failure(QStringLiteral("--repetitions must be between 1 and 1000"));
    if (!linesOk || options.targetLines < 1 || options.targetLines > 1'000'000'000)
        return ReplayBenchCommandLine::failure(QStringLiteral("--lines must be between 1 and 1000000000"));
    if (!seeksOk || options.seeks < 2 || options.seeks > 1000)
        return ReplayBenchCommandLine::failure(QStringLiteral("--seeks must be between 2 and 1000"));
    if (parser.isSet(log) && parser.isSet(keep))
        return ReplayBenchCommandLine::failure(QStringLiteral("--log and --keep exclude each other"));
    if (parser.isSet(measure)) {
        const QString what = parser.value(measure);
        if (what == QLatin1String("count"))
            options.measure = LogMeasure::LineCount;
        else if (what == QLatin1String("index"))
            options.measure = LogMeasure::Index;
        else if (what == QLatin1String("history"))
            options.measure = LogMeasure::History;
        else if (what == QLatin1String("seek"))
            options.measure = LogMeasure::Seek;
        else
            return ReplayBenchCommandLine::failure(
                QStringLiteral("--measure must be count, index, history or seek"));
        if (!parser.isSet(log))
            return ReplayBenchCommandLine::failure(QStringLiteral("--measure needs --log FILE"));
    }
    options.logPath = parser.value(log);
    options.keepPath = parser.value(keep);
    options.vantageProgram = parser.value(vantage);
    options.demogenProgram = parser.value(demogen);
    ReplayBenchCommandLine result;
    result.options = options;
    return result;
}

} // namespace vantage
