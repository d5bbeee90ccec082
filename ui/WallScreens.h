#pragma once

#include "ui/ScreenLayout.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <vector>

class QScreen;

namespace vantage {

// The windows of a wall that spans several screens from one process (docs/operations.md
// "Screens"): one full-screen window on each screen the ScreenLayout gives pages. It follows the
// screens without a restart: a screen plugged in gets its window, a removed screen's window is
// deleted, a screen that changes size or place takes its window along. Since "#N" entries count
// the screens, every change lays out all screens again; a window whose screen keeps its pages
// stays as it is.
class WallScreens final : public QObject
{
    Q_OBJECT
public:
    // Builds the window for a screen and its pages, unshown; WallScreens places, shows and owns
    // it (give whatever drives the window, such as a KioskController, the window as parent).
    // nullptr leaves the screen without a window.
    using WindowFactory = std::function<QWidget *(QScreen *screen, const QStringList &pages)>;

    struct ScreenWindow
    {
        QScreen *screen = nullptr;
        QStringList pages;
        QPointer<QWidget> window;
    };

    // Opens the windows for the application's screens at once.
    WallScreens(ScreenLayout layout, WindowFactory factory, QObject *parent = nullptr);
    ~WallScreens() override;

    // The windows open, in screen order.
    const std::vector<ScreenWindow> &windows() const { return m_windows; }

    // Makes the windows match `screens` (QGuiApplication::screens() order): opens the missing,
    // hides and deletes (later) those whose screen is gone or gets other pages. The application's
    // screenAdded and screenRemoved call it with the current screens.
    void arrange(const QList<QScreen *> &screens);

private:
    QWidget *open(QScreen *screen, const QStringList &pages);

    ScreenLayout m_layout;
    WindowFactory m_factory;
    std::vector<ScreenWindow> m_windows;
};

} // namespace vantage
