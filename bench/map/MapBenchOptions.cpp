#include "MapBenchOptions.h"

#include <QCommandLineParser>

namespace vantage {

MapBenchCommandLine parseMapBenchCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Activity map benchmark: paints the map offscreen at 1920x1080 with (a) no markers (the cached "
        "basemap) and (b) 10,000 live markers near real places, in dots and heat mode, for paints alone "
        "and for a batch (setMarkers + paint); the scenarios take turns; medians and ratios to (a) are "
        "printed. With --screenshot it renders one frame to a PNG instead."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Widget size (default 1920x1080)."),
                                  QStringLiteral("WxH"), QStringLiteral("1920x1080"));
    const QCommandLineOption markers(QStringLiteral("markers"),
                                     QStringLiteral("Markers in the live scenarios (default 10000)."),
                                     QStringLiteral("N"), QStringLiteral("10000"));
    const PaintTurnOptions turns(QStringLiteral("Paints timed per scenario and turn"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Render markers over Europe and the Americas to this PNG and exit."),
        QStringLiteral("PATH"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("light or dark (default dark)."),
                                   QStringLiteral("NAME"), QStringLiteral("dark"));
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("dots or heat (default dots)."),
                                  QStringLiteral("MODE"), QStringLiteral("dots"));
    const QCommandLineOption fit(QStringLiteral("fit"), QStringLiteral("Screenshot: frame the activity."));
    const QCommandLineOption shotSize(QStringLiteral("screenshot-size"),
                                      QStringLiteral("Screenshot size (default 1280x720)."),
                                      QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption shotMarkers(QStringLiteral("screenshot-markers"),
                                         QStringLiteral("Markers in the screenshot (default 2000)."),
                                         QStringLiteral("N"), QStringLiteral("2000"));
    parser.addOptions({size, markers, turns.repetitions, turns.frames, screenshot, theme, mode, fit, shotSize,
                       shotMarkers});

    if (auto stop = parseOrStop<MapBenchOptions>(parser, arguments, help))
        return *stop;
    MapBenchOptions options;
    const std::optional<QSize> widgetSize = parseBenchSize(parser.value(size));
    const std::optional<QSize> screenshotSize = parseBenchSize(parser.value(shotSize));
    if (!widgetSize || !screenshotSize)
        return MapBenchCommandLine::failure(QStringLiteral("sizes are WxH, e.g. 1920x1080"));
    options.size = *widgetSize;
    options.screenshotSize = *screenshotSize;
    bool markersOk = false;
    bool shotMarkersOk = false;
    options.markers = parser.value(markers).toInt(&markersOk);
    options.screenshotMarkers = parser.value(shotMarkers).toInt(&shotMarkersOk);
    if (!markersOk || options.markers < 1 || options.markers > 1'000'000 || !shotMarkersOk ||
        options.screenshotMarkers < 0 || options.screenshotMarkers > 1'000'000)
        return MapBenchCommandLine::failure(QStringLiteral("marker counts must be between 1 and 1000000"));
    if (const QString error = readPaintTurns(parser, turns, &options.repetitions, &options.frames);
        !error.isEmpty())
        return MapBenchCommandLine::failure(error);
    const QString themeName = parser.value(theme);
    if (themeName != QLatin1String("light") && themeName != QLatin1String("dark"))
        return MapBenchCommandLine::failure(QStringLiteral("--theme must be light or dark"));
    options.lightTheme = themeName == QLatin1String("light");
    const QString modeName = parser.value(mode);
    if (modeName != QLatin1String("dots") && modeName != QLatin1String("heat"))
        return MapBenchCommandLine::failure(QStringLiteral("--mode must be dots or heat"));
    options.heat = modeName == QLatin1String("heat");
    options.fit = parser.isSet(fit);
    options.screenshotPath = parser.value(screenshot);
    return {options, QString(), 0};
}

} // namespace vantage
