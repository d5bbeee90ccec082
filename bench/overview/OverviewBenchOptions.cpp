#include "OverviewBenchOptions.h"

#include "models/GeoActivityModel.h"

#include <QCommandLineParser>

namespace vantage {

OverviewBenchCommandLine parseOverviewBenchCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Overview paint benchmark: the main window's overview offscreen at 1920x1080, filled through the "
        "models with a full feed (50,000 events), every sparkline and 10,000 events on the map. Rendered "
        "whole: (a) a bare QMainWindow, the floor; (b) the overview with nothing changed; (c) a frame of a "
        "stream at 50,000 events/s (applyBatch, the window's refresh, a full render); (d) the same at "
        "10,000 events/s. (e) is the app's own frame at 50,000 events/s: the batch, then the event loop "
        "repainting what changed. The scenarios take turns frame by frame; medians and ratios to (a) are "
        "printed. With --screenshot it renders (b) to a PNG instead."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size (default 1920x1080)."),
                                  QStringLiteral("WxH"), QStringLiteral("1920x1080"));
    const QCommandLineOption markers(
        QStringLiteral("markers"),
        QStringLiteral("Events with a location among the map's newest 10,000 (default 10000)."),
        QStringLiteral("N"), QStringLiteral("10000"));
    const PaintTurnOptions turns(QStringLiteral("Frames timed per scenario and turn"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the overview of (b) to this PNG and exit."),
                                        QStringLiteral("PATH"));
    parser.addOptions({size, markers, turns.repetitions, turns.frames, screenshot});

    if (auto stop = parseOrStop<OverviewBenchOptions>(parser, arguments, help))
        return *stop;
    OverviewBenchOptions options;
    const std::optional<QSize> windowSize = parseBenchSize(parser.value(size));
    if (!windowSize || windowSize->width() < 1024 || windowSize->height() < 680)
        return OverviewBenchCommandLine::failure(
            QStringLiteral("--size is WxH, at least the window's minimum 1024x680, e.g. 1920x1080"));
    options.size = *windowSize;
    bool markersOk = false;
    options.markers = parser.value(markers).toInt(&markersOk);
    if (!markersOk || options.markers < 0 || options.markers > GeoActivityModel::kDefaultCapacity)
        return OverviewBenchCommandLine::failure(QStringLiteral("--markers must be between 0 and 10000"));
    if (const QString error = readPaintTurns(parser, turns, &options.repetitions, &options.frames);
        !error.isEmpty())
        return OverviewBenchCommandLine::failure(error);
    options.screenshotPath = parser.value(screenshot);
    return {options, QString(), 0};
}

} // namespace vantage
