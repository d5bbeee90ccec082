#pragma once

#include "FrameEvents.h"
#include "OverviewBenchOptions.h"
#include "OverviewBenchWindow.h"

#include <QImage>
#include <QMainWindow>

#include <array>
#include <memory>

namespace vantage {

enum class OverviewScenario { Floor, Overview, Stream50k, Stream10k, Stream50kDirty };
inline constexpr std::array overviewScenarios = {OverviewScenario::Floor, OverviewScenario::Overview,
                                                 OverviewScenario::Stream50k, OverviewScenario::Stream10k,
                                                 OverviewScenario::Stream50kDirty};

QString overviewScenarioName(OverviewScenario scenario);

struct OverviewFrame
{
    double ms = 0;
    int paints = 0; // paint events widgets received within the time
};

// The windows the scenarios paint, all shown (offscreen) at once and warmed up: (a) a bare
// QMainWindow with an empty central widget, and a filled overview for each other scenario, each
// streaming on its own clock.
//
// How a frame is rendered, the same for the floor and the overviews: QWidget::render() into an
// image of the window's size, which sends every widget one paint event, as a window that is
// exposed whole is painted. The backing store's own repaint (update() or repaint() on the window,
// then the event loop) does not paint the window whole once: its repaint manager leaves out
// opaque children such as the map when the opaque window is dirty on its own, and paints twice
// what a batch dirtied along with it. What the backing store paints is scenario (e): the batch
// applied and the event loop turned until nothing is left, as the app runs, repainting only what
// changed.
class OverviewBenchScenarios
{
public:
    explicit OverviewBenchScenarios(const OverviewBenchOptions &options);

    // One timed frame. A stream's batch is built first, untimed: that is the feed thread's work.
    // After a full render, what the window's backing store then repaints is done untimed.
    OverviewFrame frame(OverviewScenario scenario);
    // The overview of any scenario but the floor.
    OverviewBenchWindow &overview(OverviewScenario scenario)
    {
        return *m_overviews[std::size_t(scenario) - 1];
    }

private:
    QWidget &window(OverviewScenario scenario);

    FrameEvents m_events;
    QImage m_image;
    QMainWindow m_floor;
    std::array<std::unique_ptr<OverviewBenchWindow>, overviewScenarios.size() - 1> m_overviews;
};

} // namespace vantage
