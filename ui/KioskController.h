#pragma once

#include "feed/Clock.h"
#include "ui/ExitChord.h"
#include "ui/MainWindow.h"
#include "ui/PageRotation.h"
#include "ui/PixelShift.h"

#include <QObject>
#include <QPointF>

#include <functional>
#include <optional>
#include <vector>

class QTimer;

namespace vantage {

class PinDialog;

// What makes a MainWindow a wall display (--kiosk, docs/operations.md "Kiosk"), besides its
// look (MainWindow::setKioskMode): the pages rotate, any operator input holds the rotation, a
// critical alert's takeover stops it, the mouse cursor hides while the mouse rests, and the
// wall is locked down: every keyboard shortcut is blocked, the window refuses to be closed, and
// only the exit chord (then the PIN, when one is set) ends the run. It watches the whole
// application's input through an event filter; a timer reads the clock four times a second.
class KioskController final : public QObject
{
    Q_OBJECT
public:
    // Rotation pauses this long after the last input: time to read a page one walked up to.
    static constexpr qint64 holdMs = 60'000;
    // The cursor hides once the mouse has rested this long.
    static constexpr qint64 cursorIdleMs = 3'000;

    struct Options
    {
        qint64 rotateIntervalMs = 30'000;
        // The pages that rotate, in order (at least one); the window's page starts the rotation
        // when it is among them.
        std::vector<MainWindow::Page> pages = allPages();
        std::optional<ExitChord> exitChord; // the default chord when empty
        // Checks a PIN typed after the exit chord; empty: the chord alone ends the run.
        std::function<bool(const QString &pin)> verifyPin;
        // Moves the picture round a small orbit against burn-in; nullopt keeps it still.
        std::optional<PixelShift> pixelShift = PixelShift();
    };

    KioskController(MainWindow *window, Options options, NowFn now, QObject *parent = nullptr);
    ~KioskController() override;
    static std::vector<MainWindow::Page> allPages();

    // Shows the page due at the clock's time and hides a resting cursor. The timer calls it;
    // tests call it after moving their clock.
    void tick();
    bool cursorHidden() const { return m_cursorHidden; }
    bool rotationHeld() const { return m_rotation.isHeld(m_now()); }
    // Where the pixel shift has moved the picture.
    QPoint shiftedBy() const { return m_shiftedBy; }
    // The PIN prompt, once the exit chord has asked for it; nullptr before.
    PinDialog *pinDialog() const { return m_pinDialog; }

Q_SIGNALS:
    // The operator used the exit chord (and gave the PIN): the application ends the run.
    void exitRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onMouseActivity();
    void setCursorHidden(bool hidden);
    // The exit chord was pressed: asks for the PIN, or exits when there is none.
    void onExitChord();
    void exitNow();

    MainWindow *m_window;
    NowFn m_now;
    std::vector<MainWindow::Page> m_pages;
    ExitChord m_exitChord;
    std::function<bool(const QString &)> m_verifyPin;
    PageRotation m_rotation;
    QTimer *m_timer;
    PinDialog *m_pinDialog = nullptr; // one for the kiosk's life: wrong PINs keep counting
    qint64 m_lastMouseMs = 0;
    std::optional<QPointF> m_lastMousePos;
    bool m_cursorHidden = false;
    std::optional<PixelShift> m_pixelShift;
    QPoint m_shiftedBy;
    bool m_takenOver = false; // a critical alert had the screen at the last tick
    bool m_exiting = false;   // the window may close now
};

} // namespace vantage
