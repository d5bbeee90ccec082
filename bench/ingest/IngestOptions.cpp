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
        "127.0.0.1. A bare QWebSocket floor, `vantage --headless` and the window painting offscreen take "
        "turns; then latency at fixed rates and memory after many events. Medians are printed."));
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
    const QCommandLineOption latencyRates(
        QStringLiteral("latency-rates"),
        QStringLiteral("Fixed rates, events/s, at which latency is measured (default 1000,10000,50000; "
                       "\"none\": not measured)."),
        QStringLiteral("LIST"), QStringLiteral("1000,10000,50000"));
    const QCommandLineOption latencyDuration(
        QStringLiteral("latency-duration"),
        QStringLiteral("Seconds each latency client is measured (default 10)."), QStringLiteral("S"),
        QStringLiteral("10"));
    const QCommandLineOption soakEvents(
        QStringLiteral("soak-events"),
        QStringLiteral("Frames a headless client takes before its RSS is compared with its RSS at a tenth "
                       "of them: a power of ten from 1000000 (default 10000000; 0: not measured)."),
        QStringLiteral("N"), QStringLiteral("10000000"));
    parser.addOptions(
        {duration, warmup, repetitions, relay, vantage, latencyRates, latencyDuration, soakEvents});

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
    const auto latencyS = parseSeconds(parser.value(latencyDuration), 0.5, 3600);
    if (!latencyS)
        return IngestCommandLine::failure(
            QStringLiteral("--latency-duration must be between 0.5 and 3600 seconds"));
    options.latencyDurationS = *latencyS;
    options.latencyRates.clear();
    if (parser.value(latencyRates) != QLatin1String("none")) {
        for (const QString &item : parser.value(latencyRates).split(QLatin1Char(','))) {
            const double rate = item.toDouble(&ok);
            if (!ok || !(rate >= 1) || rate > 10'000'000)
                return IngestCommandLine::failure(
                    QStringLiteral("--latency-rates: \"%1\" is not a rate from 1 to 10000000 events/s")
                        .arg(item));
            options.latencyRates.push_back(rate);
        }
    }
    options.soakEvents = parser.value(soakEvents).toLongLong(&ok);
    qint64 power = 1'000'000;
    while (ok && power < options.soakEvents && power <= 1'000'000'000'000)
        power *= 10;
    if (!ok || (options.soakEvents != 0 && options.soakEvents != power))
        return IngestCommandLine::failure(
            QStringLiteral("--soak-events must be 0 or a power of ten from 1000000, not %1")
                .arg(parser.value(soakEvents)));
    options.durationS = *durationS;
    options.warmupS = *warmupS;
    options.relayProgram = parser.value(relay);
    options.vantageProgram = parser.value(vantage);
    IngestCommandLine result;
    result.options = options;
    return result;
}

} // namespace vantage
