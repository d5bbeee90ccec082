#include "app/WallDisplay.h"

#include "app/KioskCommandLine.h"
#include "feed/Clock.h"
#include "ui/ExitChord.h"
#include "ui/KioskController.h"
#include "ui/MainWindow.h"
#include "ui/PageNames.h"

#include <QScreen>

#include <algorithm>

namespace vantage {

double WallDisplay::autoTypeScale(int screenHeight)
{
    return std::clamp(screenHeight / 720.0, 1.0, 4.0);
}

WallDisplay::WallDisplay(DashboardModels *models, MainWindow *sessionWindow, const AppOptions &options,
                         Theme::Mode theme, std::function<bool(const QString &)> verifyPin, QObject *parent)
    : QObject(parent)
    , m_models(models)
    , m_sessionWindow(sessionWindow)
    , m_options(options)
    , m_theme(theme)
    , m_verifyPin(std::move(verifyPin))
{
    // The options were checked (checkKioskSettings): the layout loads.
    QString error;
    const std::optional<ScreenLayout> layout = loadScreenLayout(options.screens, &error);
    m_screens = std::make_unique<WallScreens>(
        layout.value_or(ScreenLayout::everyScreen()),
        [this](QScreen *screen, const QStringList &pages) { return makeWall(screen, pages); });
    if (options.windowSize.isValid()) {
        for (const WallScreens::ScreenWindow &shown : m_screens->windows()) {
            shown.window->setWindowState(Qt::WindowNoState);
            shown.window->resize(options.windowSize);
        }
    }
}

WallDisplay::~WallDisplay() = default;

MainWindow *WallDisplay::firstWall() const
{
    const auto &windows = m_screens->windows();
    return windows.empty() ? nullptr : qobject_cast<MainWindow *>(windows.front().window.data());
}

QWidget *WallDisplay::makeWall(QScreen *screen, const QStringList &pages)
{
    auto *wall = new MainWindow(m_models, m_theme);
    wall->setKioskMode(true);
    wall->setStaleThresholdMs(qint64(m_options.staleSeconds) * 1000);
    const int height = m_options.windowSize.isValid() ? m_options.windowSize.height() : screen->geometry().height();
    wall->setTypeScale(m_options.typeScale > 0 ? m_options.typeScale : autoTypeScale(height));
    const auto follow = [this, wall] {
        wall->setDemoMode(m_sessionWindow->demoMode());
        wall->setSourceLabel(m_sessionWindow->sourceLabel());
    };
    follow();
    connect(m_sessionWindow, &MainWindow::sourceChanged, wall, follow);

    KioskController::Options kiosk;
    kiosk.rotateIntervalMs = qint64(m_options.rotateSeconds) * 1000;
    kiosk.pages.clear();
    for (const QString &name : pages) {
        if (const auto page = pageFromName(name))
            kiosk.pages.push_back(*page);
    }
    if (!m_options.exitChord.isEmpty())
        kiosk.exitChord = ExitChord::parse(m_options.exitChord, nullptr);
    kiosk.verifyPin = m_verifyPin;
    auto *controller = new KioskController(wall, std::move(kiosk), systemNowMs, wall);
    connect(controller, &KioskController::exitRequested, this, &WallDisplay::exitRequested);
    return wall;
}

} // namespace vantage
