#include "ui/PlaybackBar.h"

#include "ui/IndexProgress.h"
#include "ui/PlainLabel.h"
#include "ui/PlaybackIcons.h"
#include "widgets/ReplayTimeline.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTextDocument> // Qt::convertFromPlainText
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace vantage {

namespace {

// The speeds offered, slowest first; 0 is "as fast as possible".
constexpr double kSpeeds[] = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 0};

// As fast as possible sorts after every factor.
double pace(double speed)
{
    return speed > 0.0 ? speed : std::numeric_limits<double>::infinity();
}

QString speedText(double speed)
{
    return speed > 0.0 ? QString::number(speed) + QStringLiteral("\u00d7") : PlaybackBar::tr("Max");
}

QToolButton *toolButton(QWidget *parent, const QString &objectName, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    button->setAutoRaise(false);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

PlaybackBar::PlaybackBar(QWidget *parent)
    : QFrame(parent)
    , m_play(toolButton(this, QStringLiteral("playback.play"), tr("Pause (Space)")))
    , m_step(toolButton(this, QStringLiteral("playback.step"), tr("Step to the next frame (Right)")))
    , m_speed(new QComboBox(this))
    , m_loop(toolButton(this, QStringLiteral("playback.loop"), tr("Start again at the end of the log")))
    , m_followLive(toolButton(this, QStringLiteral("playback.followLive"),
                              tr("Back to the present: the live stream went on underneath")))
    , m_logTime(plainLabel(this, QStringLiteral("playback.logTime")))
    , m_line(plainLabel(this, QStringLiteral("playback.line")))
    , m_indexProgress(new IndexProgress(this))
    , m_timeline(new ReplayTimeline(this))
{
    setObjectName(QStringLiteral("playbackBar"));
    setProperty("panel", true);

    m_title = plainLabel(this, QStringLiteral("playback.title"));
    m_title->setProperty("panelTitle", true);
    m_followLive->setProperty("accent", true);
    m_followLive->hide();

    m_speed->setObjectName(QStringLiteral("playback.speed"));
    m_speed->setToolTip(tr("Replay speed (+ and \u2212)"));
    m_speed->setFocusPolicy(Qt::TabFocus);
    for (const double speed : kSpeeds)
        m_speed->addItem(speedText(speed), speed);
    m_loop->setText(tr("Loop"));
    m_loop->setCheckable(true);
    m_line->setProperty("muted", true);
    auto *speedLabel = plainLabel(this, QStringLiteral("playback.speedLabel"));
    speedLabel->setText(tr("Speed"));
    speedLabel->setProperty("muted", true);
    auto *positionLabel = plainLabel(this, QStringLiteral("playback.positionLabel"));
    positionLabel->setText(tr("Log time"));
    positionLabel->setProperty("muted", true);

    m_timeline->setObjectName(QStringLiteral("playback.timeline"));

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(14, 6, 14, 8);
    column->setSpacing(4);
    auto *layout = new QHBoxLayout;
    layout->setSpacing(8);
    column->addLayout(layout);
    column->addWidget(m_timeline);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addWidget(m_play);
    layout->addWidget(m_step);
    layout->addSpacing(10);
    layout->addWidget(speedLabel);
    layout->addWidget(m_speed);
    layout->addWidget(m_loop);
    layout->addStretch(1);
    layout->addWidget(m_indexProgress);
    layout->addSpacing(10);
    layout->addWidget(positionLabel);
    layout->addWidget(m_logTime);
    layout->addSpacing(6);
    layout->addWidget(m_line);
    layout->addSpacing(10);
    layout->addWidget(m_followLive);

    connect(m_play, &QToolButton::clicked, this, &PlaybackBar::togglePause);
    connect(m_step, &QToolButton::clicked, this, &PlaybackBar::step);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT speedChanged(m_speed->currentData().toDouble()); });
    connect(m_loop, &QToolButton::toggled, this, &PlaybackBar::loopChanged);
    connect(m_followLive, &QToolButton::clicked, this, &PlaybackBar::followLiveRequested);

    reset(1.0, false);
}

void PlaybackBar::reset(double speed, bool loop)
{
    const QSignalBlocker blockSpeed(m_speed);
    const QSignalBlocker blockLoop(m_loop);
    m_paused = false;
    m_finished = false;
    selectSpeed(speed);
    m_loop->setChecked(loop);
    setPosition(0, 0);
    showPaused();
    m_timeline->setIndex(nullptr);
    m_indexProgress->showEnded(QString());
    endLookBack();
}

void PlaybackBar::beginLookBack()
{
    m_title->setText(tr("Looking back"));
    m_paused = true;
    setPlayable(false);
    setLiveBehind(0, true, QString());
    m_followLive->show();
}

void PlaybackBar::endLookBack()
{
    m_title->setText(tr("Replay"));
    m_followLive->hide();
    setPlayable(true);
}

void PlaybackBar::setPlayable(bool playable)
{
    m_playable = playable;
    m_play->setEnabled(playable);
    showPaused();
}

void PlaybackBar::showFinished(bool finished)
{
    m_finished = finished;
    if (finished)
        m_paused = true;
    showPaused();
}

void PlaybackBar::setLiveBehind(quint64 newEvents, bool live, const QString &state)
{
    QString text = tr("Follow live");
    if (!live)
        text += QStringLiteral(" \u00b7 ") + tr("stream down");
    else if (newEvents > 0)
        text += QStringLiteral(" \u00b7 ") + tr("%n new", nullptr, int(qMin<quint64>(newEvents, INT_MAX)));
    m_followLive->setText(text);
    m_followLive->setToolTip(Qt::convertFromPlainText(
        tr("Back to the present. The live stream went on underneath: %1 new events; now %2.")
            .arg(QLocale().toString(newEvents), state)));
}

void PlaybackBar::setTheme(const Theme &theme)
{
    m_theme = theme;
    showPaused();
    m_step->setIcon(playbackIcon(PlaybackGlyph::Step, theme.text, theme.textMuted));
    m_timeline->setTheme(theme);
}

void PlaybackBar::setPosition(qint64 logTimeMs, qint64 line)
{
    m_logTime->setText(logTimeMs > 0 ? QDateTime::fromMSecsSinceEpoch(logTimeMs).toString(
                                           QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                     : QStringLiteral("\u2014"));
    m_logTime->setToolTip(
        logTimeMs > 0 ? Qt::convertFromPlainText(
                            QDateTime::fromMSecsSinceEpoch(logTimeMs, Qt::UTC).toString(Qt::ISODateWithMs))
                      : QString());
    m_line->setText(line > 0 ? tr("line %1").arg(QLocale().toString(line)) : QString());
    m_timeline->setPosition(logTimeMs);
}

double PlaybackBar::speed() const
{
    return m_speed->currentData().toDouble();
}

bool PlaybackBar::loops() const
{
    return m_loop->isChecked();
}

QString PlaybackBar::positionText() const
{
    return m_line->text().isEmpty() ? m_logTime->text()
                                    : m_logTime->text() + QLatin1Char(' ') + m_line->text();
}

void PlaybackBar::togglePause()
{
    if (!m_playable)
        return;
    if (m_finished) {
        showFinished(false);
        m_paused = false;
        showPaused();
        Q_EMIT restartRequested();
        Q_EMIT pausedChanged(false);
        return;
    }
    m_paused = !m_paused;
    showPaused();
    Q_EMIT pausedChanged(m_paused);
}

void PlaybackBar::step()
{
    if (m_paused && m_playable)
        Q_EMIT stepRequested();
}

void PlaybackBar::faster()
{
    m_speed->setCurrentIndex(std::min(m_speed->currentIndex() + 1, m_speed->count() - 1));
}

void PlaybackBar::slower()
{
    m_speed->setCurrentIndex(std::max(m_speed->currentIndex() - 1, 0));
}

void PlaybackBar::selectSpeed(double speed)
{
    int index = 0;
    while (index < m_speed->count() && pace(m_speed->itemData(index).toDouble()) < pace(speed))
        ++index;
    if (index == m_speed->count() || pace(m_speed->itemData(index).toDouble()) != pace(speed))
        m_speed->insertItem(index, speedText(speed), speed);
    m_speed->setCurrentIndex(index);
}

void PlaybackBar::showPaused()
{
    m_play->setIcon(
        playbackIcon(m_paused ? PlaybackGlyph::Play : PlaybackGlyph::Pause, m_theme.text, m_theme.textMuted));
    if (!m_playable)
        m_play->setToolTip(tr("Pick a moment on the timeline first"));
    else if (m_finished)
        m_play->setToolTip(tr("Play again from the start (Space)"));
    else
        m_play->setToolTip(m_paused ? tr("Play (Space)") : tr("Pause (Space)"));
    m_step->setEnabled(m_paused && m_playable);
}

} // namespace vantage
