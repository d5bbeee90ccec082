#include "app/SessionController.h"

#include "app/FeedSession.h"
#include "app/RecorderSetup.h"
#include "feed/FeedWorker.h"
#include "feed/ReplayFile.h"
#include "models/DashboardModels.h"
#include "ui/MainWindow.h"
#include "ui/PlaybackBar.h"

namespace vantage {

SessionController::SessionController(DashboardModels *models, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_models(models)
    , m_window(window)
{
    connectWindow();
}

SessionController::~SessionController()
{
    finish();
}

void SessionController::start(SourceChoice choice, std::unique_ptr<FrameRecorder> recorder)
{
    finish();
    m_origin = choice.origin;
    m_window->setDemoMode(choice.demo);
    m_window->setSourceLabel(choice.label);
    // The demo stands in for a live stream, its times moved to now: it plays on like one.
    const bool playback = choice.replay && !choice.demo;
    if (playback)
        m_window->playbackBar()->reset(choice.replay->speed, choice.replay->loop);
    m_window->setPlaybackVisible(playback);
    m_window->setRecordingActive(recorder != nullptr);
    if (!choice.source) {
        ConnectionStatus status;
        status.state = ConnectionState::Error;
        status.reason = choice.error;
        status.sinceMs = systemNowMs();
        m_models->setConnectionStatus(status);
        return;
    }
    m_session = std::make_unique<FeedSession>(std::move(choice.source), m_models, std::move(recorder));
    m_session->start();
}

bool SessionController::openLog(const QString &path)
{
    ReplayFile file(path);
    if (!file.open()) {
        m_window->showError(tr("Cannot open the log"), file.error());
        return false;
    }
    ReplayOptions options;
    options.path = path;
    options.speed = m_window->playbackBar()->speed();
    options.loop = m_window->playbackBar()->loops();
    finish();
    m_models->clear();
    start(makeReplay(options));
    return true;
}

bool SessionController::startRecording(const QString &path)
{
    if (!m_session) {
        m_window->showError(tr("Cannot record"), tr("There is no session to record."));
        return false;
    }
    const QString error = m_session->worker()->startRecording(path, recordingHeader(m_origin));
    if (!error.isEmpty()) {
        m_window->showError(tr("Cannot record"), error);
        return false;
    }
    m_window->setRecordingActive(true);
    return true;
}

void SessionController::stopRecording()
{
    if (m_session)
        m_session->worker()->stopRecording();
    m_window->setRecordingActive(false);
}

void SessionController::finish()
{
    if (!m_session)
        return;
    m_session->finish();
    m_session.reset();
}

void SessionController::connectWindow()
{
    // The session is looked up at each request: it changes when a log is opened.
    const auto onWorker = [this](auto call) {
        return [this, call](auto... args) {
            if (m_session)
                (m_session->worker()->*call)(args...);
        };
    };
    PlaybackBar *bar = m_window->playbackBar();
    connect(bar, &PlaybackBar::pausedChanged, this, onWorker(&FeedWorker::setReplayPaused));
    connect(bar, &PlaybackBar::speedChanged, this, onWorker(&FeedWorker::setReplaySpeed));
    connect(bar, &PlaybackBar::stepRequested, this, onWorker(&FeedWorker::stepReplay));
    connect(bar, &PlaybackBar::loopChanged, this, onWorker(&FeedWorker::setReplayLoop));
    connect(m_window, &MainWindow::reconnectRequested, this, [this] {
        if (m_session)
            m_session->reconnectNow();
    });
    connect(m_window, &MainWindow::openLogRequested, this, &SessionController::openLog);
    connect(m_window, &MainWindow::recordRequested, this, &SessionController::startRecording);
    connect(m_window, &MainWindow::stopRecordingRequested, this, &SessionController::stopRecording);
}

} // namespace vantage
