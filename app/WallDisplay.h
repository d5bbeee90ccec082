#pragma once

#include "app/AppOptions.h"
#include "ui/WallScreens.h"
#include "widgets/Theme.h"

#include <QObject>

#include <functional>
#include <memory>

namespace vantage {

class DashboardModels;
class MainWindow;

// The kiosk's screens (docs/operations.md "Kiosk"): a wall on every screen the layout gives
// pages (--screens), each a MainWindow in kiosk mode with its own KioskController, its type scaled
// for its screen, all on the same models. The session's window stays hidden behind them; the walls
// follow its source label and demo pill. Screens plugged in or removed get or lose their wall.
class WallDisplay final : public QObject
{
    Q_OBJECT
public:
    // The type scale for a screen this many pixels high: 1.5 at 1080, 3 at 2160, 1 at least.
    static double autoTypeScale(int screenHeight);

    // `verifyPin` is empty when no PIN is set. A valid --size gives each wall that size instead of
    // its screen's (for screenshots).
    WallDisplay(DashboardModels *models, MainWindow *sessionWindow, const AppOptions &options, Theme::Mode theme,
                std::function<bool(const QString &)> verifyPin, QObject *parent = nullptr);
    ~WallDisplay() override;

    // The first screen's wall; nullptr when no screen has pages.
    MainWindow *firstWall() const;

Q_SIGNALS:
    // The operator used the exit chord (and gave the PIN).
    void exitRequested();

private:
    QWidget *makeWall(QScreen *screen, const QStringList &pages);

    DashboardModels *m_models;
    MainWindow *m_sessionWindow;
    AppOptions m_options;
    Theme::Mode m_theme;
    std::function<bool(const QString &)> m_verifyPin;
    std::unique_ptr<WallScreens> m_screens;
};

} // namespace vantage
