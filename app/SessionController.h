#pragma once

#include "app/SourceFactory.h"
#include "feed/FrameRecorder.h"
#include "feed/JournalOptions.h"
#include "feed/ReplayIndex.h"
#include "models/AlertRule.h"
#include "models/GaugeArchive.h"
#include "models/ReplaySeeker.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace vantage {

class DashboardModels;
class FeedSession;
class LiveInBackground;
class MainWindow;
class ReplayIndexJob;

// The window's one data path at a time: starts a FeedSession for a source, replaces it with a
// replay when the operator opens or drops a log, and carries out the window's playback and
// recording requests on it. A replay's log is indexed in the background for the timeline and its
// seeks (docs/replay-index.md) while it already plays. A request that cannot be met is shown in the window as
// plain text, and the current session goes on.
class SessionController final : public QObject
{
    Q_OBJECT
public:
    SessionController(DashboardModels *models, MainWindow *window, QObject *parent = nullptr);
    ~SessionController() override;

    // Live sessions started from now on are journaled with these options (docs/journal.md);
    // nullopt: none are.
    void setJournalOptions(std::optional<JournalOptions> options) { m_journalOptions = std::move(options); }

    // Ends the current session and starts `choice`, recording it with `recorder` when given, and
    // journaling it when it is live and journal options are set.
    // A choice without a source leaves no session; its error shows on the connection badge.
    void start(SourceChoice choice, std::unique_ptr<FrameRecorder> recorder = {});
    // Replays `path` in place of the current session, on emptied models, at the playback bar's
    // speed and loop setting. False when the file cannot be opened: the window says why and the
    // current session goes on.
    bool openLog(const QString &path);
    // Records the current session into `path` from now on. False, with the reason shown, when
    // there is no session or the file cannot be created.
    bool startRecording(const QString &path);
    void stopRecording();
    // Stops the current session and applies everything it received. Idempotent.
    void finish();

    FeedSession *session() const { return m_session.get(); }
    // The replay's index job while it runs; nullptr otherwise.
    ReplayIndexJob *indexJob() const { return m_indexJob.get(); }

    // Starts a program with arguments, detached; false when it could not be started.
    using Launcher = std::function<bool(const QString &program, const QStringList &arguments)>;
    // How look-back windows are started (by default QProcess::startDetached).
    void setLauncher(Launcher launcher) { m_launch = std::move(launcher); }
    // Opens the live journal in `journalDir` in a second Vantage window, a replay with its
    // timeline, after the journal has written out what it buffers; this window stays live. False,
    // with the reason shown, when it cannot be started.
    bool openJournalWindow(const QString &journalDir);
    // Shows the live journal in `journalDir` in this window, a replay with its timeline, paused
    // where the live stream was, while the live session goes on underneath (docs/journal.md).
    // False, with the reason shown when there is one, when there is no live session, the window
    // already looks back, or the journal cannot be opened.
    bool lookBack(const QString &journalDir);
    // Ends looking back: the window shows the live state again and follows it. Idempotent.
    void followLive();
    bool isLookingBack() const { return m_background != nullptr; }

Q_SIGNALS:
    // Looking back began: the live stream goes on in `live` until followLive().
    void liveInBackground(vantage::LiveInBackground *live);

public:

    // The client-side alert rules of the window's dashboard and, while looking back, of the live
    // state underneath; replays indexed from now on build their seek points with them.
    void setAlertRules(const std::vector<AlertRule> &rules);

    // Jumps the replay to `logTimeMs` (the timeline's seek). False when there is no replay or
    // nothing of its log is indexed yet.
    bool seek(qint64 logTimeMs);

private:
    void connectWindow();
    void startIndex(const QString &path);
    void stopIndex();
    // Runs `apply` on this object's thread, from the index job's, unless a newer index has begun.
    void postForIndex(quint64 generation, std::function<void()> apply);
    // Hands a history read on an index job's thread to the window's gauges (postForIndex).
    std::function<void(GaugeArchivePtr)> archiveSetter(quint64 generation);
    // Reads the gauges' history out of the live journal's earlier segments, in the background,
    // for the metrics page's charts (docs/metrics.md).
    void readJournalHistory(const QString &journalDir);
    void onIndex(const std::shared_ptr<const ReplayIndex> &index);
    // What the playback bar drives: the journal replay while looking back, else the session.
    FeedSession *playbackSession() const;
    void showLiveBehind();
    // The replay being played reached its end: the bar offers to play it again.
    void onPlaybackEnded();
    void restartPlayback();

    DashboardModels *m_models;
    MainWindow *m_window;
    std::unique_ptr<FeedSession> m_session;
    // While looking back: the live state underneath, and the journal replay shown in its place.
    std::unique_ptr<LiveInBackground> m_background;
    std::unique_ptr<FeedSession> m_lookBack;
    QString m_liveLabel;
    QUrl m_origin; // what a recording of the current session names
    std::optional<JournalOptions> m_journalOptions;
    Launcher m_launch;
    ReplaySeeker m_seeker;
    // Seek points are posted from the index job's thread; those of an earlier log are dropped.
    quint64 m_indexGeneration = 0;
    std::unique_ptr<ReplayIndexJob> m_indexJob;
    std::unique_ptr<ReplayIndexJob> m_journalHistory;
};

} // namespace vantage
