#include "ui/KioskController.h"

#include "ui/PinDialog.h"

#include <QCoreApplication>
#include <QCursor>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QTimer>

#include <algorithm>

namespace vantage {

namespace {
constexpr int kTickMs = 250;
} // namespace

KioskController::KioskController(MainWindow *window, Options options, NowFn now, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_now(std::move(now))
    , m_pages(std::move(options.pages))
    , m_exitChord(options.exitChord.value_or(ExitChord::defaultChord()))
    , m_verifyPin(std::move(options.verifyPin))
    , m_rotation(int(m_pages.size()), options.rotateIntervalMs, holdMs)
    , m_timer(new QTimer(this))
    , m_pixelShift(options.pixelShift)
{
    const qint64 nowMs = m_now();
    // Rotation starts from the page shown (--page), with a full interval.
    const auto shown = std::find(m_pages.cbegin(), m_pages.cend(), window->page());
    m_rotation.start(shown == m_pages.cend() ? 0 : int(shown - m_pages.cbegin()), nowMs);
    if (shown == m_pages.cend())
        window->showPage(m_pages.front());
    m_lastMouseMs = nowMs;
    if (m_pixelShift) {
        m_shiftedBy = m_pixelShift->offsetAt(nowMs);
        applyPixelShift(window, m_shiftedBy, m_pixelShift->maxPx());
    }
    QCoreApplication::instance()->installEventFilter(this);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &KioskController::tick);
    m_timer->start();
}

KioskController::~KioskController()
{
    setCursorHidden(false);
}

std::vector<MainWindow::Page> KioskController::allPages()
{
    return {MainWindow::Page::Overview, MainWindow::Page::Map, MainWindow::Page::Alerts, MainWindow::Page::Metrics};
}

void KioskController::tick()
{
    const qint64 nowMs = m_now();
    if (m_window->takeoverShown()) {
        m_takenOver = true;
    } else {
        // After a takeover the page it covered gets a full interval again.
        if (m_takenOver)
            m_rotation.start(m_rotation.page(), nowMs);
        m_takenOver = false;
        const MainWindow::Page due = m_pages[size_t(m_rotation.advanceTo(nowMs))];
        if (m_window->page() != due)
            m_window->showPage(due);
    }
    if (nowMs - m_lastMouseMs >= cursorIdleMs)
        setCursorHidden(true);
    if (m_pixelShift) {
        const QPoint offset = m_pixelShift->offsetAt(nowMs);
        if (offset != m_shiftedBy) {
            m_shiftedBy = offset;
            applyPixelShift(m_window, offset, m_pixelShift->maxPx());
        }
    }
}

bool KioskController::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Shortcut:
        // The menus are hidden, but shortcuts still reach the actions the window holds itself
        // (Quit, the playback keys) and any added later: a wall changes no settings, opens no
        // dialogs and is left only by the exit chord.
        return true;
    case QEvent::Close:
        // The window manager's close (Alt+F4) is no way out either.
        if (watched == m_window && !m_exiting) {
            event->ignore();
            return true;
        }
        break;
    case QEvent::ShortcutOverride: // a key press, before a shortcut may take it
    case QEvent::KeyPress: {
        m_rotation.interact(m_now());
        // Accepting the override keeps any shortcut from taking the chord, so its key press
        // arrives, once: an accepted key event travels no further. A PIN prompt already open
        // keeps the keys.
        if (m_exitChord.matches(*static_cast<QKeyEvent *>(event))) {
            event->accept();
            if (event->type() == QEvent::KeyPress && !(m_pinDialog && m_pinDialog->isVisible()))
                onExitChord();
            return true;
        }
        break;
    }
    case QEvent::MouseMove: {
        // Only a real move counts. The same move reaches the window and then the widget under
        // the mouse, and a widget appearing under a resting mouse is no operator.
        const QPointF pos = static_cast<QMouseEvent *>(event)->globalPosition();
        if (m_lastMousePos == pos)
            break;
        m_lastMousePos = pos;
        onMouseActivity();
        break;
    }
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::TouchBegin: onMouseActivity(); break;
    default: break;
    }
    return false;
}

void KioskController::onExitChord()
{
    if (!m_verifyPin) {
        exitNow();
        return;
    }
    if (!m_pinDialog) {
        m_pinDialog = new PinDialog(m_verifyPin, m_now, m_window);
        // In the wall's type: a dialog is a window of its own, and inherits no font without this.
        m_pinDialog->setAttribute(Qt::WA_WindowPropagation);
        connect(m_pinDialog, &QDialog::accepted, this, &KioskController::exitNow);
    }
    setCursorHidden(false);
    m_pinDialog->open();
}

void KioskController::exitNow()
{
    m_exiting = true;
    Q_EMIT exitRequested();
}

void KioskController::onMouseActivity()
{
    const qint64 nowMs = m_now();
    m_lastMouseMs = nowMs;
    m_rotation.interact(nowMs);
    setCursorHidden(false);
}

void KioskController::setCursorHidden(bool hidden)
{
    if (hidden == m_cursorHidden)
        return;
    m_cursorHidden = hidden;
    // An override cursor, so that widgets with cursors of their own hide theirs too.
    if (hidden)
        QGuiApplication::setOverrideCursor(QCursor(Qt::BlankCursor));
    else
        QGuiApplication::restoreOverrideCursor();
}

} // namespace vantage
