#pragma once

#include "bench/common/BenchCommandLine.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace vantage {

struct MapBenchOptions
{
    QSize size{1920, 1080};
    int markers = 10000;
    int repetitions = 5; // the scenarios take turns, once each per repetition
    int frames = 20;     // paints timed per scenario and repetition
    // --screenshot: instead of timing, render one frame to this PNG and exit.
    QString screenshotPath;
    QSize screenshotSize{1280, 720};
    int screenshotMarkers = 2000;
    bool lightTheme = false;
    bool heat = false;
    bool fit = false;
};

using MapBenchCommandLine = BenchCommandLine<MapBenchOptions>;

MapBenchCommandLine parseMapBenchCommandLine(const QStringList &arguments);

} // namespace vantage
