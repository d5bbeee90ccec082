#include "IngestOptions.h"

#include <QCommandLineParser>
#include <QDir>

namespace vantage {

namespace {

std::optional<double> parseSeconds(const QString &text, double min, double max)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= min) || !(value <= max))
        return std::nullopt;
    return value;
}

} // namespace

IngestCommandLine parseIngestCommandLine(const QStringList &arguments, const QString &binaryDir)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "End-to-end ingest benchmark: vantage-relay sends protocol v1 as fast as the client reads, on "
        "127.0.0.1. A bare QWebSocket floor and `vantage --headless` take turns; medians are printed."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Seconds each client is measured (default 5)."),
                                      QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption warmup(
        QStringLiteral("warmup"),
        QStringLiteral("Seconds a fresh relay publishes before the client connects (default 1)."),
        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption repetitions(QStringLiteral("repetitions"),
                                         QStringLiteral("Floor and pipeline runs each (default 5)."),
                                         QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption relay(
        QStringLiteral("relay"), QStringLiteral("The vantage-relay binary (default: next to this one)."),
        QStringLiteral("PATH"), QDir(binaryDir).filePath(QStringLiteral("vantage-relay")));
    const QCommandLineOption vantage(
        QStringLiteral("vantage"), QStringLiteral("The vantage binary (default: next to this one)."),
        QStringLiteral("PATH"), QDir(binaryDir).filePath(QStringLiteral("vantage")));
    parser.addOptions({duration, warmup, repetitions, relay, vantage});

    if (auto stop = parseOrStop<IngestOptions>(parser, arguments, help))
        return *stop;
    IngestOptions options;
    const auto durationS = parseSeconds(parser.value(duration), 0.5, 3600);
    const auto warmupS = parseSeconds(parser.value(warmup), 0, 600);
    bool ok = false;
    options.repetitions = parser.value(repetitions).toInt(&ok);
    if (!durationS)
        return IngestCommandLine::failure(QStringLiteral("--duration must be between 0.5 and 3600 seconds"));
    if (!warmupS)
        return IngestCommandLine::failure(QStringLiteral("--warmup must be between 0 and 600 seconds"));
    if (!ok || options.repetitions < 1 || options.repetitions > 1000)
        return IngestCommandLine::failure(QStringLiteral("--repetitions must be between 1 and 1000"));
    options.durationS = *durationS;
    options.warmupS = *warmupS;
    options.relayProgram = parser.value(relay);
    options.vantageProgram = parser.value(vantage);
    IngestCommandLine result;
    result.options = options;
    return result;
}

} // namespace vantage
