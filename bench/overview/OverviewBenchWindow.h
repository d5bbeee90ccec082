#pragma once

#include "OverviewBenchStream.h"
#include "models/DashboardModels.h"
#include "ui/MainWindow.h"

#include <QSize>

namespace vantage {

// The operator's window as the user sees it at `nowMs` of a stream running at 50,000 events/s:
// a MainWindow on its own DashboardModels and clock, dark, on the overview page, shown, and
// filled only through DashboardModels::applyBatch, as a live session fills it: an hour of
// history at a modest rate (the tiles' hourly sparklines, every health gauge's series, a few
// alerts), then one second at 50,000 events/s in frame-sized batches, which fills the feed's
// 50,000 rows and, with `markers` of 10,000 events placed, the map (which also shows the active
// users' places).
class OverviewBenchWindow
{
public:
    static constexpr qint64 nowMs = 1'781'341'200'000; // 2026-06-13T09:00:00Z, as the demo log
    static constexpr double fullRate = 50'000;         // events/s
    static constexpr int frameRate = 60;               // the feed thread flushes once a frame

    OverviewBenchWindow(QSize size, int markers);

    // The next frame interval of the stream at eventsPerSecond, as the feed thread hands it over.
    FeedBatch nextFrame(double eventsPerSecond);
    // Applies a batch as the app does: the clock moves to it and the models take it, which makes
    // the window refresh (MainWindow::refresh on DashboardModels::batchApplied). Paints nothing.
    void apply(const FeedBatch &batch);

    MainWindow &window() { return m_window; }
    const DashboardModels &models() const { return m_models; }

private:
    qint64 m_clockMs;
    OverviewBenchStream m_stream;
    DashboardModels m_models;
    MainWindow m_window;
    qint64 m_framesSinceNow = 0;
};

} // namespace vantage
