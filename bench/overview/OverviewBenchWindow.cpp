#include "OverviewBenchWindow.h"

#include "ui/MapPanel.h"
#include "widgets/ActivityMap.h"

#include <QTimer>

#include <array>

namespace vantage {

namespace {

constexpr qint64 historyMs = 3'600'000; // the tiles' sparklines span the last hour
constexpr qint64 historyBatchMs = 60'000;
constexpr double historyRate = 15.0; // events/s before the stream picked up
constexpr qint64 alertsBeforeNowMs = 600'000;

} // namespace

OverviewBenchWindow::OverviewBenchWindow(QSize size, int markers)
    : m_clockMs(nowMs - historyMs)
    , m_stream(m_clockMs, markers)
    , m_models(nullptr, [this] { return m_clockMs; })
    , m_window(&m_models)
{
    ConnectionStatus live;
    live.state = ConnectionState::Live;
    live.transport = QStringLiteral("websocket");
    live.sinceMs = m_clockMs;
    m_models.setConnectionStatus(live);

    const qint64 burstFromMs = nowMs - 1000;
    for (qint64 endMs = m_clockMs + historyBatchMs; endMs < burstFromMs; endMs += historyBatchMs) {
        apply(m_stream.until(endMs, historyRate));
        if (endMs == nowMs - alertsBeforeNowMs)
            apply(m_stream.alerts());
    }
    apply(m_stream.until(burstFromMs, historyRate));
    for (int frame = 1; frame <= frameRate; ++frame)
        apply(m_stream.until(burstFromMs + 1000 * frame / frameRate, fullRate));

    // The window's one-second tick (refresh() ticks too) and the maps' 30 Hz pulse frames are
    // frames of their own, not a batch's: left running, one window's would land in the frame
    // another scenario is timing.
    const std::array<QObject *, 3> timerOwners = {&m_window, m_window.overviewMap()->map(),
                                                  m_window.mapPage()->map()};
    for (QObject *owner : timerOwners) {
        for (QTimer *timer : owner->findChildren<QTimer *>(Qt::FindDirectChildrenOnly))
            timer->blockSignals(true);
    }
    m_window.setTheme(Theme::Mode::Dark);
    m_window.showPage(MainWindow::Page::Overview);
    m_window.resize(size);
    m_window.show();
}

FeedBatch OverviewBenchWindow::nextFrame(double eventsPerSecond)
{
    ++m_framesSinceNow;
    return m_stream.until(nowMs + 1000 * m_framesSinceNow / frameRate, eventsPerSecond);
}

void OverviewBenchWindow::apply(const FeedBatch &batch)
{
    m_clockMs = batch.lastFrameMs;
    m_models.applyBatch(batch);
}

} // namespace vantage
