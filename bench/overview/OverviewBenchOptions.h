#pragma once

#include "bench/common/BenchCommandLine.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace vantage {

struct OverviewBenchOptions
{
    QSize size{1920, 1080};
    // Events with a location among the map's newest 10,000 (GeoActivityModel::kDefaultCapacity).
    int markers = 10000;
    int repetitions = 5; // the scenarios take turns frame by frame, frames x repetitions each
    int frames = 20;
    // --screenshot: instead of timing, render the overview as scenario (b) paints it to this PNG.
    QString screenshotPath;
};

using OverviewBenchCommandLine = BenchCommandLine<OverviewBenchOptions>;

OverviewBenchCommandLine parseOverviewBenchCommandLine(const QStringList &arguments);

} // namespace vantage
