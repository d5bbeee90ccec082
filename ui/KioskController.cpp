#include "ui/KioskController.h"

#include <QCoreApplication>
#include <QCursor>
#include <QGuiApplication>
#include <QMouseEvent>
#include <QTimer>

#include <algorithm>

namespace vantage {

namespace {
constexpr int kTickMs = 250;
} // namespace

KioskController::KioskController(MainWindow *window, qint64 rotateIntervalMs, NowFn now, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_now(std::move(now))
    , m_pages{MainWindow::Page::Overview, MainWindow::Page::Map}
    , m_rotation(int(m_pages.size()), rotateIntervalMs, holdMs)
    , m_timer(new QTimer(this))
{
    const qint64 nowMs = m_now();
    // Rotation starts from the page shown (--page), with a full interval.
    const auto shown = std::find(m_pages.cbegin(), m_pages.cend(), window->page());
    m_rotation.start(shown == m_pages.cend() ? 0 : int(shown - m_pages.cbegin()), nowMs);
    m_lastMouseMs = nowMs;
    QCoreApplication::instance()->installEventFilter(this);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &KioskController::tick);
    m_timer->start();
}

KioskController::~KioskController()
{
    setCursorHidden(false);
}

void KioskController::tick()
{
    const qint64 nowMs = m_now();
    const MainWindow::Page due = m_pages[size_t(m_rotation.advanceTo(nowMs))];
    if (m_window->page() != due)
        m_window->showPage(due);
    if (nowMs - m_lastMouseMs >= cursorIdleMs)
        setCursorHidden(true);
}

bool KioskController::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Shortcut:
        // The menus are hidden, but shortcuts still reach the actions the window holds itself
        // (the playback keys) and any added later: a wall changes no settings and opens no
        // dialogs. Quit stays until the lock-down chord replaces it.
        return watched->objectName() != QLatin1String("action.quit");
    case QEvent::ShortcutOverride: // a key press, before a shortcut may take it
    case QEvent::KeyPress: m_rotation.interact(m_now()); break;
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
