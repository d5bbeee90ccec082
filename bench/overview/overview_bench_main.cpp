#include "OverviewBenchOptions.h"
#include "OverviewBenchRun.h"

#include <QApplication>
#include <QTextStream>

using namespace vantage;

// Paint cost of the main window's overview (issue 8, "Paint"), offscreen at 1920x1080 with a
// full feed, every sparkline and 10,000 events on the map, against a bare QMainWindow; or, with
// --screenshot, the overview as it is measured, to a PNG.
int main(int argc, char **argv)
{
    useOffscreenAtFixedDpi();
    QApplication app(argc, argv);
    const OverviewBenchCommandLine parsed = parseOverviewBenchCommandLine(QApplication::arguments());
    if (!parsed.options)
        return printCommandLineMessage(parsed.message, parsed.exitCode);
    if (!parsed.options->screenshotPath.isEmpty()) {
        QTextStream err(stderr);
        return takeOverviewScreenshot(*parsed.options, err);
    }
    QTextStream out(stdout);
    return runOverviewBench(*parsed.options, out);
}
