#include "app/SessionController.h"

#include "app/FeedSession.h"
#include "app/JournalSetup.h"
#include "app/LiveInBackground.h"
#include "app/RecorderSetup.h"
#include "feed/FeedWorker.h"
#include "feed/ReplayFile.h"
#include "feed/ReplayIndexJob.h"
#include "feed/ReplaySource.h"
#include "models/ActivityFeedModel.h"
#include "models/DashboardModels.h"
#include "models/GaugeArchiveBuilder.h"
#include "models/MetricSeriesStore.h"
#include "models/ReplaySeekStateBuilder.h"
#include "ui/IndexProgress.h"
#include "ui/MainWindow.h"
#include "ui/PlaybackBar.h"
#include "widgets/ConnectionBadgeText.h"
#include "widgets/ReplayTimeline.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>

namespace vantage {

SessionController::SessionController(DashboardModels *models, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_models(models)
    , m_window(window)
    , m_launch([](const QString &program, const QStringList &arguments) {
        return QProcess::startDetached(program, arguments);
    })
    , m_seeker(models)
{
    connectWindow();
}

SessionController::~SessionController()
{
    stopIndex();
    finish();
}

void SessionController::start(SourceChoice choice, std::unique_ptr<FrameRecorder> recorder)
{
    finish();
    stopIndex();
    m_journalHistory.reset();
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
    std::unique_ptr<LiveJournal> journal =
        m_journalOptions && !choice.replay ? makeJournal(*m_journalOptions, choice.origin) : nullptr;
    if (journal)
        readJournalHistory(m_journalOptions->dir);
    m_session = std::make_unique<FeedSession>(std::move(choice.source), m_models, std::move(recorder),
                                              nullptr, std::move(journal));
    connect(m_session.get(), &FeedSession::replaySeekReached, this,
            [this](quint64 token) { m_seeker.restoreFor(token); });
    m_session->start();
    if (playback) {
        connect(m_session.get(), &FeedSession::sourceEnded, this, &SessionController::onPlaybackEnded);
        startIndex(choice.replay->path);
    }
}

bool SessionController::openJournalWindow(const QString &journalDir)
{
    if (m_session)
        m_session->worker()->flushToDisk();
    if (m_launch(QCoreApplication::applicationFilePath(), {QStringLiteral("--replay"), journalDir}))
        return true;
    m_window->showError(tr("Cannot look back"),
                        tr("A second window on the journal %1 could not be started.").arg(journalDir));
    return false;
}

bool SessionController::lookBack(const QString &journalDir)
{
    if (!m_session || m_background || m_session->worker()->isReplay())
        return false;
    m_session->worker()->flushToDisk();
    ReplayFile file(journalDir);
    if (!file.open()) {
        m_window->showError(tr("Cannot look back"), file.error());
        return false;
    }
    m_background = std::make_unique<LiveInBackground>(m_session.get(), m_models);
    connect(m_background.get(), &LiveInBackground::changed, this, &SessionController::showLiveBehind);
    Q_EMIT liveInBackground(m_background.get());
    ReplayOptions options;
    options.path = journalDir;
    options.speed = 1.0;
    // Shown paused where the live stream was, until a moment is picked on the timeline.
    m_lookBack = std::make_unique<FeedSession>(std::make_unique<ReplaySource>(options), m_models);
    connect(m_lookBack.get(), &FeedSession::replaySeekReached, this,
            [this](quint64 token) { m_seeker.restoreFor(token); });
    connect(m_lookBack.get(), &FeedSession::sourceEnded, this, &SessionController::onPlaybackEnded);
    m_lookBack->worker()->setReplayPaused(true);
    m_lookBack->start();

    m_liveLabel = m_window->sourceLabel();
    m_window->setSourceLabel(tr("%1, looking back").arg(m_liveLabel));
    PlaybackBar *bar = m_window->playbackBar();
    bar->reset(options.speed, options.loop);
    bar->beginLookBack();
    m_window->setPlaybackVisible(true);
    startIndex(journalDir);
    return true;
}

void SessionController::followLive()
{
    if (!m_background)
        return;
    stopIndex();
    // Its last batch is applied before the live state replaces it.
    m_lookBack.reset();
    m_background->restore();
    m_background.reset();
    m_window->setSourceLabel(m_liveLabel);
    m_window->playbackBar()->endLookBack();
    m_window->setPlaybackVisible(false);
}

void SessionController::showLiveBehind()
{
    const ConnectionStatus &status = m_background->status();
    m_window->playbackBar()->setLiveBehind(m_background->newEvents(), status.state == ConnectionState::Live,
                                           ConnectionBadgeText::stateText(status, m_background->nowMs()));
}

void SessionController::onPlaybackEnded()
{
    FeedSession *session = playbackSession();
    if (!session || session->history().empty() ||
        session->history().back().state != ConnectionState::Finished)
        return;
    // Paused like the bar, so a seek from here waits for Play as it does anywhere else.
    session->worker()->setReplayPaused(true);
    m_window->playbackBar()->showFinished(true);
}

void SessionController::restartPlayback()
{
    const std::shared_ptr<const ReplayIndex> &index = m_window->playbackBar()->timeline()->index();
    if (index && index->firstTimeMs)
        seek(*index->firstTimeMs);
}

FeedSession *SessionController::playbackSession() const
{
    return m_lookBack ? m_lookBack.get() : m_session.get();
}

bool SessionController::seek(qint64 logTimeMs)
{
    FeedSession *session = playbackSession();
    if (!session || !session->worker()->isReplay())
        return false;
    const std::optional<ReplaySeek> seek = m_seeker.prepare(logTimeMs);
    if (!seek)
        return false;
    session->worker()->seekReplay(*seek);
    m_window->playbackBar()->setPlayable(true);
    m_window->playbackBar()->showFinished(false);
    return true;
}

void SessionController::startIndex(const QString &path)
{
    const quint64 generation = ++m_indexGeneration;
    ReplaySeekStateBuilder::Options options;
    options.feedCapacity = m_models->feed()->capacity();
    options.alertRules = m_models->alertRules();
    options.publishHistory = archiveSetter(generation);
    auto publish = [this, generation](ReplaySeekPointsPtr points) {
        postForIndex(generation, [this, points = std::move(points)] { m_seeker.setPoints(points); });
    };
    m_indexJob = std::make_unique<ReplayIndexJob>(path, ReplayIndexOptions{}, nullptr, [options, publish] {
        return std::make_unique<ReplaySeekStateBuilder>(options, publish);
    });
    IndexProgress *progress = m_window->playbackBar()->indexProgress();
    progress->setProgress(0);
    connect(m_indexJob.get(), &ReplayIndexJob::progress, progress, &IndexProgress::setProgress);
    connect(m_indexJob.get(), &ReplayIndexJob::partialIndex, this, &SessionController::onIndex);
    connect(m_indexJob.get(), &ReplayIndexJob::finished, this,
            [this, progress](const std::shared_ptr<const ReplayIndex> &index) {
                onIndex(index);
                progress->showEnded(index->readError.isEmpty()
                                        ? QString()
                                        : tr("Timeline ends early: %1").arg(index->readError));
            });
    connect(m_indexJob.get(), &ReplayIndexJob::failed, progress,
            [progress](const QString &reason) { progress->showEnded(tr("No timeline: %1").arg(reason)); });
    connect(m_indexJob.get(), &ReplayIndexJob::cancelled, progress,
            [progress] { progress->showEnded(tr("Indexing cancelled: the timeline shows what was read")); });
    m_indexJob->start();
}

void SessionController::readJournalHistory(const QString &journalDir)
{
    if (!QFileInfo(journalDir).isDir())
        return; // nothing journaled yet
    const quint64 generation = m_indexGeneration;
    auto publish = archiveSetter(generation);
    m_journalHistory = std::make_unique<ReplayIndexJob>(journalDir, ReplayIndexOptions{}, nullptr, [publish] {
        return std::make_unique<GaugeArchiveBuilder>(publish);
    });
    m_journalHistory->start();
}

std::function<void(GaugeArchivePtr)> SessionController::archiveSetter(quint64 generation)
{
    return [this, generation](GaugeArchivePtr archive) {
        postForIndex(generation, [this, archive = std::move(archive)] { m_models->series()->setArchive(archive); });
    };
}

void SessionController::postForIndex(quint64 generation, std::function<void()> apply)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, apply = std::move(apply)] {
            if (generation == m_indexGeneration)
                apply();
        },
        Qt::QueuedConnection);
}

void SessionController::stopIndex()
{
    // Joins the job's thread: nothing of it arrives after this but posts already queued, which
    // the generation drops.
    m_indexJob.reset();
    ++m_indexGeneration;
    m_seeker.reset();
}

void SessionController::onIndex(const std::shared_ptr<const ReplayIndex> &index)
{
    m_seeker.setIndex(index);
    m_window->playbackBar()->timeline()->setIndex(index);
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
    followLive();
    if (!m_session)
        return;
    m_session->finish();
    m_session.reset();
}

void SessionController::setAlertRules(const std::vector<AlertRule> &rules)
{
    m_models->setAlertRules(rules);
    if (m_background)
        m_background->setAlertRules(rules);
}

void SessionController::connectWindow()
{
    // The session is looked up at each request: it changes when a log is opened.
    const auto onWorker = [this](auto call) {
        return [this, call](auto... args) {
            if (FeedSession *session = playbackSession())
                (session->worker()->*call)(args...);
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
    connect(bar->timeline(), &ReplayTimeline::seekRequested, this, &SessionController::seek);
    connect(bar->indexProgress(), &IndexProgress::cancelRequested, this, [this] {
        if (m_indexJob)
            m_indexJob->cancel();
    });
    connect(m_window, &MainWindow::openLogRequested, this, &SessionController::openLog);
    connect(m_window, &MainWindow::lookBackRequested, this, &SessionController::lookBack);
    connect(m_window, &MainWindow::lookBackWindowRequested, this, &SessionController::openJournalWindow);
    connect(bar, &PlaybackBar::followLiveRequested, this, &SessionController::followLive);
    connect(bar, &PlaybackBar::restartRequested, this, &SessionController::restartPlayback);
    connect(m_window, &MainWindow::recordRequested, this, &SessionController::startRecording);
    connect(m_window, &MainWindow::stopRecordingRequested, this, &SessionController::stopRecording);
}

} // namespace vantage
