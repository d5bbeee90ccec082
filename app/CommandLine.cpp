#include "app/CommandLine.h"

#include "app/KeychainToken.h"
#include "app/KioskCommandLine.h"
#include "ui/PageNames.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>


namespace vantage {

namespace {

// Delays become QTimer intervals in milliseconds, which must fit an int.
constexpr double kMaxDelayS = 20.0 * 24 * 3600;

std::optional<double> parseNonNegative(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < 0 || !qIsFinite(value))
        return std::nullopt;
    return value;
}

std::optional<QSize> parseSize(const QString &text)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    if (parts.size() != 2)
        return std::nullopt;
    bool okW = false;
    bool okH = false;
    const int w = parts[0].toInt(&okW);
    const int h = parts[1].toInt(&okH);
    if (!okW || !okH || w < 320 || h < 240 || w > 16384 || h > 16384)
        return std::nullopt;
    return QSize(w, h);
}

} // namespace

CommandLineResult parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Vantage: a live operations dashboard. Without a source it opens the bundled demo."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption url(QStringLiteral("url"),
                                 QStringLiteral("Subscribe to a WebSocket stream (ws:// or wss://)."),
                                 QStringLiteral("URL"));
    const QCommandLineOption sseUrl(
        QStringLiteral("sse-url"),
        QStringLiteral("Server-Sent Events endpoint (http:// or https://): the fallback for --url "
                       "(default: derived from it), or the stream itself without --url."),
        QStringLiteral("URL"));
    const QCommandLineOption noFallback(
        QStringLiteral("no-fallback"),
        QStringLiteral("Use only the configured transport: no SSE or snapshot polling fallback."));
    const QCommandLineOption pollInterval(
        QStringLiteral("poll-interval"),
        QStringLiteral("Seconds between JSON snapshot polls when no stream works (default 5)."),
        QStringLiteral("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QStringLiteral("Trust the CA certificates in FILE (PEM) for wss:// and https://, besides "
                       "the system ones. Certificate errors are never ignored."),
        QStringLiteral("FILE"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QStringLiteral("Read the bearer token from FILE (default: the VANTAGE_TOKEN environment "
                       "variable). It is sent as an Authorization header and never logged."),
        QStringLiteral("FILE"));
    const QCommandLineOption tokenKeychain(
        QStringLiteral("token-keychain"),
        QStringLiteral("Read the bearer token from the OS keychain entry NAME (Secret Service, "
                       "macOS Keychain, Windows Credential Store); store it with --store-token."),
        QStringLiteral("NAME"));
    const QCommandLineOption storeToken(
        QStringLiteral("store-token"),
        QStringLiteral("Read a bearer token from standard input, store it in the OS keychain as "
                       "NAME for --token-keychain, and exit."),
        QStringLiteral("NAME"));
    const QCommandLineOption record(
        QStringLiteral("record"),
        QStringLiteral("Record every received frame, before decoding, to FILE (NDJSON; gzip when "
                       "FILE ends in .gz). Credentials are never recorded."),
        QStringLiteral("FILE"));
    const QCommandLineOption replay(QStringLiteral("replay"),
                                    QStringLiteral("Replay a recorded NDJSON event log."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption speed(
        QStringLiteral("speed"),
        QStringLiteral("Replay speed: a factor such as 0.25, 1, 8, or \"max\" for as fast as possible."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption loop(QStringLiteral("loop"), QStringLiteral("Replay the log in a loop."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Play the bundled demo (looped, times moved to now)."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run the pipeline without windows (for scripts "
                                                     "and tests); see --duration and --stats-json."));
    const QCommandLineOption backtest(
        QStringLiteral("backtest"),
        QStringLiteral("Run the alert rules over a recorded LOG at full speed, print what they would have "
                       "fired, and exit; see --rules and --stats-json."),
        QStringLiteral("LOG"));
    const QCommandLineOption rules(
        QStringLiteral("rules"),
        QStringLiteral("With --backtest: compare the alert rules in FILE (JSON) with the defaults."),
        QStringLiteral("FILE"));
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        QStringLiteral("Stop after SECONDS (default: when the source ends, or the window closes)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption statsJson(QStringLiteral("stats-json"),
                                       QStringLiteral("Write a JSON summary of the run to FILE on exit."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption exitAfterFirstFrame(
        QStringLiteral("exit-after-first-frame"),
        QStringLiteral("Print \"first_frame_monotonic_ns N\" (CLOCK_MONOTONIC) once the window's first "
                       "frame is painted, and exit: for measuring startup."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the main window as PNG to FILE and exit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption after(QStringLiteral("after"),
                                   QStringLiteral("With --screenshot: wait SECONDS first (default 3)."),
                                   QStringLiteral("SECONDS"), QStringLiteral("3"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("Colour theme: light or dark."),
                                   QStringLiteral("THEME"));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QStringLiteral("The page shown first: overview, map, alerts or metrics (default overview)."),
                                  QStringLiteral("PAGE"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1920x1080."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption feedCapacity(
        QStringLiteral("feed-capacity"),
        QStringLiteral("Events kept in the activity feed (newest first, default 50000)."),
        QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption journalDir(
        QStringLiteral("journal-dir"),
        QStringLiteral("Keep the live journal (the live stream on disk, for looking back) in DIR. "
                       "Default: the app's data folder in the window; none with --headless."),
        QStringLiteral("DIR"));
    const QCommandLineOption journalHours(
        QStringLiteral("journal-hours"),
        QStringLiteral("Hours of the live stream the journal keeps (default 336, two weeks; 0: no journal)."),
        QStringLiteral("H"), QStringLiteral("336"));
    const QCommandLineOption dashboard(
        QStringLiteral("dashboard"),
        QStringLiteral("The metrics page's panels from FILE (JSON, docs/metrics.md), Prometheus-backed or "
                       "the stream's own; saved in the profile. Default: the stream's own series."),
        QStringLiteral("FILE"));
    parser.addOptions({url,           sseUrl,     noFallback, pollInterval, caFile,     tokenFile,
                       tokenKeychain, storeToken, record,     replay,       speed,      loop,
                       demo,          headless,   duration,   statsJson,    screenshot, after,
                       theme,         page,       size,       feedCapacity, journalDir, journalHours,
                       backtest,      rules,      exitAfterFirstFrame, dashboard});
    const KioskCommandLine wall;
    parser.addOptions(wall.options());

    CommandLineResult result;
    auto fail = [&result](const QString &message) {
        result.message = message;
        result.exitCode = 2;
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        // Parsing happens before the application object exists, so Qt cannot name the program.
        result.message = parser.helpText().replace(QLatin1String("<executable_name>"),
                                                   QFileInfo(arguments.value(0)).fileName());
        return result;
    }
    if (parser.isSet(version)) {
        result.message =
            QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion();
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument: ") + parser.positionalArguments().constFirst());

    AppOptions options;
    if (parser.isSet(url)) {
        options.url = QUrl(parser.value(url), QUrl::StrictMode);
        const QString scheme = options.url.scheme();
        if (!options.url.isValid() || options.url.host().isEmpty() ||
            (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
            return fail(QStringLiteral("--url must be a ws:// or wss:// URL with a host"));
    }
    if (parser.isSet(sseUrl)) {
        options.sseUrl = QUrl(parser.value(sseUrl), QUrl::StrictMode);
        const QString scheme = options.sseUrl.scheme();
        if (!options.sseUrl.isValid() || options.sseUrl.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return fail(QStringLiteral("--sse-url must be an http:// or https:// URL with a host"));
    }
    options.fallback = !parser.isSet(noFallback);
    const auto pollValue = parseNonNegative(parser.value(pollInterval));
    if (!pollValue || *pollValue < 0.5 || *pollValue > 3600)
        return fail(QStringLiteral("--poll-interval must be between 0.5 and 3600 seconds"));
    options.pollIntervalS = *pollValue;
    options.caFile = parser.value(caFile);
    options.tokenFile = parser.value(tokenFile);
    options.tokenKeychainEntry = parser.value(tokenKeychain);
    options.storeTokenEntry = parser.value(storeToken);
    options.recordPath = parser.value(record);
    options.replayPath = parser.value(replay);
    const QString speedText = parser.value(speed);
    if (speedText == QLatin1String("max")) {
        options.speed = 0.0;
    } else {
        const auto value = parseNonNegative(speedText);
        if (!value || *value == 0.0)
            return fail(QStringLiteral("--speed must be a positive number or \"max\""));
        options.speed = *value;
    }
    options.loop = parser.isSet(loop);
    options.demo = parser.isSet(demo);
    options.headless = parser.isSet(headless);
    options.backtestPath = parser.value(backtest);
    options.rulesPath = parser.value(rules);
    if (parser.isSet(duration)) {
        const auto value = parseNonNegative(parser.value(duration));
        if (!value || *value > kMaxDelayS)
            return fail(QStringLiteral("--duration must be a number of seconds, at most 20 days"));
        options.durationS = *value;
    }
    options.statsJsonPath = parser.value(statsJson);
    options.dashboardPath = parser.value(dashboard);
    options.screenshotPath = parser.value(screenshot);
    options.exitAfterFirstFrame = parser.isSet(exitAfterFirstFrame);
    const auto afterValue = parseNonNegative(parser.value(after));
    if (!afterValue || *afterValue > kMaxDelayS)
        return fail(QStringLiteral("--after must be a number of seconds, at most 20 days"));
    options.screenshotAfterS = *afterValue;
    options.theme = parser.value(theme).toLower();
    if (!options.theme.isEmpty() && options.theme != QLatin1String("light") &&
        options.theme != QLatin1String("dark"))
        return fail(QStringLiteral("--theme must be light or dark"));
    options.page = parser.value(page).toLower();
    if (!options.page.isEmpty() && !pageFromName(options.page))
        return fail(QStringLiteral("--page must be one of: ") + allPageNames().join(QStringLiteral(", ")));
    if (parser.isSet(size)) {
        const auto value = parseSize(parser.value(size));
        if (!value)
            return fail(QStringLiteral("--size must look like 1920x1080"));
        options.windowSize = *value;
    }
    bool capacityOk = false;
    options.feedCapacity = parser.value(feedCapacity).toInt(&capacityOk);
    if (!capacityOk || options.feedCapacity < 100 || options.feedCapacity > 10'000'000)
        return fail(QStringLiteral("--feed-capacity must be between 100 and 10000000"));

    options.journalDir = parser.value(journalDir);
    const auto hours = parseNonNegative(parser.value(journalHours));
    if (!hours || *hours > 24.0 * 366)
        return fail(
            QStringLiteral("--journal-hours must be a number of hours, at most a year (0: no journal)"));
    options.journalHours = *hours;

    const bool live = !options.url.isEmpty() || !options.sseUrl.isEmpty();
    const int sources = int(live) + int(!options.replayPath.isEmpty()) + int(options.demo);
    if (sources > 1)
        return fail(QStringLiteral("choose one source: --url (with --sse-url), --replay or --demo"));
    if (!options.backtestPath.isEmpty() && (sources > 0 || options.headless))
        return fail(QStringLiteral("--backtest runs on its own: choose one of --backtest, --headless, "
                                   "--url, --replay or --demo"));
    if (!options.rulesPath.isEmpty() && options.backtestPath.isEmpty())
        return fail(QStringLiteral("--rules is for --backtest"));
    if (!options.tokenFile.isEmpty() && !options.tokenKeychainEntry.isEmpty())
        return fail(QStringLiteral("choose one token source: --token-file or --token-keychain"));
    if (parser.isSet(tokenKeychain) && !isValidKeychainEntryName(options.tokenKeychainEntry))
        return fail(QStringLiteral("--token-keychain needs a name of letters, digits, '.', '_' or '-'"));
    if (parser.isSet(storeToken) && !isValidKeychainEntryName(options.storeTokenEntry))
        return fail(QStringLiteral("--store-token needs a name of letters, digits, '.', '_' or '-'"));
    if (!options.storeTokenEntry.isEmpty() && (sources > 0 || options.headless))
        return fail(QStringLiteral("--store-token only stores the token; run Vantage again to connect"));
    if (!options.recordPath.isEmpty() && !options.replayPath.isEmpty() &&
        QFileInfo(options.recordPath).absoluteFilePath() == QFileInfo(options.replayPath).absoluteFilePath())
        return fail(
            QStringLiteral("--record must name another file than --replay: it would overwrite the log"));
    if (const QString error = wall.read(parser, options); !error.isEmpty())
        return fail(error);
    if (options.headless && !options.screenshotPath.isEmpty())
        return fail(QStringLiteral("--screenshot needs a window; it cannot be combined with --headless"));
    if (options.headless && options.exitAfterFirstFrame)
        return fail(QStringLiteral("--exit-after-first-frame needs a window; it cannot be combined with --headless"));
    result.options = options;
    return result;
}

} // namespace vantage
