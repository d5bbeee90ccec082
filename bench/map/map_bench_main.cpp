#include "MapBenchOptions.h"
#include "MapBenchRun.h"

#include <QApplication>
#include <QTextStream>

using namespace vantage;

// Paint cost of the activity map (widgets/ActivityMap), offscreen: the cached basemap alone
// against 10,000 live markers in dots and heat mode; or, with --screenshot, one frame to a PNG.
int main(int argc, char **argv)
{
    useOffscreenAtFixedDpi();
    QApplication app(argc, argv);
    const MapBenchCommandLine parsed = parseMapBenchCommandLine(QApplication::arguments());
    if (!parsed.options)
        return printCommandLineMessage(parsed.message, parsed.exitCode);
    if (!parsed.options->screenshotPath.isEmpty()) {
        QTextStream err(stderr);
        return takeMapScreenshot(*parsed.options, err);
    }
    QTextStream out(stdout);
    return runMapBench(*parsed.options, out);
}
