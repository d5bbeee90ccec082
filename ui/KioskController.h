#pragma once

#include "feed/Clock.h"
#include "ui/MainWindow.h"
#include "ui/PageRotation.h"

#include <QObject>
#include <QPointF>

#include <optional>
#include <vector>

class QTimer;

namespace vantage {

// What makes a MainWindow a wall display (--kiosk, docs/operations.md "Kiosk"), besides its
// look (MainWindow::setKioskMode): the pages rotate, any operator input holds the rotation, the
// mouse cursor hides while the mouse rests, and keyboard shortcuts are blocked, Quit excepted.
// It watches the whole application's input through an event filter; a timer reads the clock
// four times a second.
class KioskController final : public QObject
{
    Q_OBJECT
public:
    // Rotation pauses this long after the last input: time to read a page one walked up to.
    static constexpr qint64 holdMs = 60'000;
    // The cursor hides once the mouse has rested this long.
    static constexpr qint64 cursorIdleMs = 3'000;

    KioskController(MainWindow *window, qint64 rotateIntervalMs, NowFn now, QObject *parent = nullptr);
    ~KioskController() override;

    // Shows the page due at the clock's time and hides a resting cursor. The timer calls it;
    // tests call it after moving their clock.
    void tick();
    bool cursorHidden() const { return m_cursorHidden; }
    bool rotationHeld() const { return m_rotation.isHeld(m_now()); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onMouseActivity();
    void setCursorHidden(bool hidden);

    MainWindow *m_window;
    NowFn m_now;
    std::vector<MainWindow::Page> m_pages;
    PageRotation m_rotation;
    QTimer *m_timer;
    qint64 m_lastMouseMs = 0;
    std::optional<QPointF> m_lastMousePos;
    bool m_cursorHidden = false;
};

} // namespace vantage
