#include "ui/WallScreens.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QScreen>

#include <algorithm>

namespace vantage {

namespace {

// Info lines say which screen shows what: QT_LOGGING_RULES="vantage.screens.info=true".
Q_LOGGING_CATEGORY(lcScreens, "vantage.screens", QtWarningMsg)

QStringList namesOf(const QList<QScreen *> &screens)
{
    QStringList names;
    names.reserve(screens.size());
    for (const QScreen *screen : screens)
        names.append(screen->name());
    return names;
}

// Some platforms keep a full-screen window's size when its screen changes (X without a window
// manager, offscreen). QWidget::setGeometry() takes the window out of full screen, so it goes
// back in once it has the screen's geometry.
void followScreen(QWidget *window, QScreen *screen)
{
    window->setGeometry(screen->geometry());
    window->setWindowState(window->windowState() | Qt::WindowFullScreen);
}

void retire(QWidget *window)
{
    if (!window)
        return;
    // Hidden at once, so that it does not appear on the screen Qt moves it to, and so that its
    // deletion is no window closing (the last one would quit the application).
    window->hide();
    window->deleteLater();
}

} // namespace

WallScreens::WallScreens(ScreenLayout layout, WindowFactory factory, QObject *parent)
    : QObject(parent)
    , m_layout(std::move(layout))
    , m_factory(std::move(factory))
{
    // The primary screen comes first in QGuiApplication::screens(), so a new primary renumbers
    // the "#N" entries too.
    const auto rearrange = [this] { arrange(QGuiApplication::screens()); };
    connect(qGuiApp, &QGuiApplication::screenAdded, this, rearrange);
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, rearrange);
    connect(qGuiApp, &QGuiApplication::primaryScreenChanged, this, rearrange);
    arrange(QGuiApplication::screens());
}

WallScreens::~WallScreens()
{
    for (const ScreenWindow &shown : m_windows)
        delete shown.window;
}

void WallScreens::arrange(const QList<QScreen *> &screens)
{
    const std::vector<QStringList> assigned = m_layout.assign(namesOf(screens));
    std::vector<ScreenWindow> kept;
    for (ScreenWindow &shown : m_windows) {
        const qsizetype at = screens.indexOf(shown.screen);
        if (shown.window && at >= 0 && assigned[size_t(at)] == shown.pages) {
            kept.push_back(std::move(shown));
        } else {
            qCInfo(lcScreens) << "closing a window that showed" << shown.pages;
            retire(shown.window);
        }
    }
    std::vector<ScreenWindow> arranged;
    for (qsizetype i = 0; i < screens.size(); ++i) {
        QScreen *screen = screens[i];
        const QStringList &pages = assigned[size_t(i)];
        const auto same = std::find_if(
            kept.begin(), kept.end(), [screen](const ScreenWindow &shown) { return shown.screen == screen; });
        if (same != kept.end()) {
            arranged.push_back(std::move(*same));
        } else if (pages.isEmpty()) {
            qCInfo(lcScreens) << "screen" << screen->name() << "has no pages in the layout";
        } else if (QWidget *window = open(screen, pages)) {
            arranged.push_back({screen, pages, window});
        }
    }
    m_windows = std::move(arranged);
}

QWidget *WallScreens::open(QScreen *screen, const QStringList &pages)
{
    QWidget *window = m_factory(screen, pages);
    if (!window)
        return nullptr;
    qCInfo(lcScreens) << "screen" << screen->name() << screen->geometry() << "shows" << pages;
    window->setScreen(screen);
    window->setGeometry(screen->geometry());
    window->showFullScreen();
    connect(screen, &QScreen::geometryChanged, window, [window, screen] { followScreen(window, screen); });
    return window;
}

} // namespace vantage
