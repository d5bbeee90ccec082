#pragma once

#include "widgets/Theme.h"

#include <QFrame>

class QComboBox;
class QLabel;
class QToolButton;

namespace vantage {

class IndexProgress;
class ReplayTimeline;

// The controls of a replay: play/pause, step, speed, loop, where the replay is in its log
// (the log time and line of the last frame played), the timeline to seek on, and the progress
// of the log's index that the timeline is drawn from. It holds the operator's choices and says
// when they change; whoever owns the replay carries them out.
class PlaybackBar final : public QFrame
{
    Q_OBJECT
public:
    explicit PlaybackBar(QWidget *parent = nullptr);

    // Playing, at `speed` (<= 0: as fast as possible), looping or not, with no position yet.
    // Nothing is signalled: a new replay starts with these.
    void reset(double speed, bool loop);
    // Looking back at the live journal (docs/journal.md): the title says so, Follow live shows,
    // and play and step wait for a moment to be picked on the timeline (setPlayable).
    void beginLookBack();
    void endLookBack();
    // Whether play and step apply: not while looking back before the first seek.
    void setPlayable(bool playable);
    // The log has played to its end: paused, and Play starts it again from the start
    // (restartRequested, then pausedChanged). A seek ends this state.
    void showFinished(bool finished);
    bool isFinished() const { return m_finished; }
    // What the live stream did underneath while looking back: events since, whether it is still
    // live, and its state in words (the button's tooltip).
    void setLiveBehind(quint64 newEvents, bool live, const QString &state);
    void setTheme(const Theme &theme);
    // The log time (ms since the epoch; 0: none) and line of the last frame played.
    void setPosition(qint64 logTimeMs, qint64 line);

    bool isPaused() const { return m_paused; }
    double speed() const; // <= 0: as fast as possible
    bool loops() const;
    QString positionText() const;

    // What the buttons and the window's keys do.
    void togglePause();
    void step(); // paused only
    void faster();
    void slower();

    QToolButton *playButton() const { return m_play; }
    QToolButton *stepButton() const { return m_step; }
    QComboBox *speedCombo() const { return m_speed; }
    QToolButton *loopButton() const { return m_loop; }
    QToolButton *followLiveButton() const { return m_followLive; }
    ReplayTimeline *timeline() const { return m_timeline; }
    IndexProgress *indexProgress() const { return m_indexProgress; }

Q_SIGNALS:
    void pausedChanged(bool paused);
    void stepRequested();
    void speedChanged(double speed);
    void loopChanged(bool loop);
    void followLiveRequested();
    void restartRequested();

private:
    // Selects `speed`, adding it between the listed ones if it is not among them (--speed 3).
    void selectSpeed(double speed);
    void showPaused();

    Theme m_theme = Theme::dark();
    bool m_paused = false;
    bool m_playable = true;
    bool m_finished = false;
    QLabel *m_title;
    QToolButton *m_play;
    QToolButton *m_step;
    QComboBox *m_speed;
    QToolButton *m_loop;
    QToolButton *m_followLive;
    QLabel *m_logTime;
    QLabel *m_line;
    IndexProgress *m_indexProgress;
    ReplayTimeline *m_timeline;
};

} // namespace vantage
