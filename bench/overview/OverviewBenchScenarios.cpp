#include "OverviewBenchScenarios.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace vantage {

namespace {

constexpr int warmUpFrames = 3;

double eventsPerSecond(OverviewScenario scenario)
{
    return scenario == OverviewScenario::Stream10k ? 10'000 : OverviewBenchWindow::fullRate;
}

} // namespace

QString overviewScenarioName(OverviewScenario scenario)
{
    switch (scenario) {
    case OverviewScenario::Floor: return QStringLiteral("(a) bare QMainWindow, full render");
    case OverviewScenario::Overview: return QStringLiteral("(b) overview, full render");
    case OverviewScenario::Stream50k: return QStringLiteral("(c) 50k events/s: batch + full render");
    case OverviewScenario::Stream10k: return QStringLiteral("(d) 10k events/s: batch + full render");
    case OverviewScenario::Stream50kDirty: return QStringLiteral("(e) 50k events/s: batch + app's repaint");
    }
    return QString();
}

OverviewBenchScenarios::OverviewBenchScenarios(const OverviewBenchOptions &options)
    : m_image(options.size, QImage::Format_ARGB32_Premultiplied)
{
    m_floor.setCentralWidget(new QWidget(&m_floor));
    m_floor.resize(options.size);
    m_floor.show();
    for (auto &overview : m_overviews)
        overview = std::make_unique<OverviewBenchWindow>(options.size, options.markers);
    m_events.deliverPending();
    for (int turn = 0; turn < warmUpFrames; ++turn) {
        for (const OverviewScenario scenario : overviewScenarios)
            frame(scenario);
    }
}

QWidget &OverviewBenchScenarios::window(OverviewScenario scenario)
{
    if (scenario == OverviewScenario::Floor)
        return m_floor;
    return overview(scenario).window();
}

OverviewFrame OverviewBenchScenarios::frame(OverviewScenario scenario)
{
    const bool streams = scenario != OverviewScenario::Floor && scenario != OverviewScenario::Overview;
    const FeedBatch batch = streams ? overview(scenario).nextFrame(eventsPerSecond(scenario)) : FeedBatch();
    m_events.takePaints();
    QElapsedTimer timer;
    timer.start();
    if (streams)
        overview(scenario).apply(batch);
    if (scenario == OverviewScenario::Stream50kDirty) {
        m_events.deliverPending();
    } else {
        // The layouts the batch asked for, as the event loop would run them before painting.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        window(scenario).render(&m_image);
    }
    const OverviewFrame frame{double(timer.nsecsElapsed()) / 1e6, m_events.takePaints()};
    m_events.deliverPending();
    m_events.takePaints();
    return frame;
}

} // namespace vantage
