#include "app/WindowRun.h"

#include "app/AlertActions.h"
#include "app/AlertTools.h"
#include "app/FeedSession.h"
#include "app/GuiWatchdog.h"
#include "app/JournalSetup.h"
#include "app/KioskCommandLine.h"
#include "app/KioskPin.h"
#include "app/ProfileSettings.h"
#include "app/RecorderSetup.h"
#include "app/SavedConnection.h"
#include "app/SavedKiosk.h"
#include "app/SessionController.h"
#include "app/SourceFactory.h"
#include "app/WallDisplay.h"
#include "models/DashboardModels.h"
#include "ui/MainWindow.h"
#include "ui/NotificationCenter.h"
#include "ui/PageNames.h"

#include <QApplication>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace vantage {

namespace {

const QString kThemeKey = QStringLiteral("appearance/theme");
const QString kGeometryKey = QStringLiteral("window/geometry");
Theme::Mode themeMode(const AppOptions &options, const QSettings &settings)
{
    // A wall is dark unless told otherwise: the saved choice belongs to the desk.
    const QString saved = options.kiosk ? QString() : settings.value(kThemeKey).toString();
    const QString name = options.theme.isEmpty() ? saved : options.theme;
    return name == QLatin1String("light") ? Theme::Mode::Light : Theme::Mode::Dark;
}

} // namespace

int runWindow(const AppOptions &cliOptions)
{
    const std::unique_ptr<QSettings> profile = ProfileSettings::open(cliOptions.profile);
    QSettings &settings = *profile;
    AppOptions options = withSavedConnection(cliOptions, settings);
    if (options.kiosk) {
        options = withSavedKiosk(options, settings);
        // A profile file may hold anything: its values are checked as the command line's are.
        if (const QString error = checkKioskSettings(options); !error.isEmpty()) {
            QTextStream(stderr) << "vantage: the kiosk settings of the profile: " << error << Qt::endl;
            return 2;
        }
    }

    DashboardModels models(nullptr, systemNowMs, options.feedCapacity);
    // On a wall this window holds the session and stays hidden; the walls show the data.
    MainWindow window(&models);
    // Before the alert tools are made: a wall sends no notifications.
    window.setKioskMode(options.kiosk);
    window.setTheme(themeMode(options, settings));
    if (const auto page = pageFromName(options.page))
        window.showPage(*page);
    window.setStaleThresholdMs(qint64(options.staleSeconds) * 1000);
    if (options.windowSize.isValid())
        window.resize(options.windowSize);
    else if (options.kiosk || !window.restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        window.resize(1440, 900);
    SessionController sessions(&models, &window);
    sessions.setJournalOptions(journalOptions(options, true));
    AlertActions alertActions(&models, &window, &settings, [&sessions] { return sessions.session(); });
    NotificationCenter notifications(&window);
    AlertTools alertTools(&models, &window, &sessions, &settings, &alertActions, &notifications);
    if (!alertTools.rulesError().isEmpty())
        window.showError(QObject::tr("Alert rules"), alertTools.rulesError());

    std::unique_ptr<WallDisplay> walls;
    std::unique_ptr<GuiWatchdog> watchdog;
    if (options.kiosk) {
        // A wall stays alive (docs/operations.md "Kiosk"): a stalled GUI thread is logged, and
        // once it runs again a feed waiting to retry tries at once; a hung one ends the process
        // for the service manager to start again.
        watchdog = std::make_unique<GuiWatchdog>();
        QObject::connect(watchdog.get(), &GuiWatchdog::recovered, &sessions, [&sessions] {
            if (FeedSession *session = sessions.session())
                session->reconnectNow();
        });
        std::function<bool(const QString &)> verifyPin;
        if (const QString hash = savedKioskPinHash(settings); !hash.isEmpty())
            verifyPin = [hash](const QString &pin) { return KioskPin::verify(pin, hash); };
        walls = std::make_unique<WallDisplay>(&models, &window, options, window.themeMode(), std::move(verifyPin));
        QObject::connect(walls.get(), &WallDisplay::exitRequested, [] { QApplication::exit(kKioskExitStatus); });
    } else {
        window.show();
    }

    int exitCode = 0;
    if (!options.screenshotPath.isEmpty()) {
        QTimer::singleShot(qRound64(options.screenshotAfterS * 1000), &window, [&] {
            // A wall's window may have come and gone with its screen: the one there now.
            QWidget *shown = walls ? static_cast<QWidget *>(walls->firstWall()) : &window;
            if (!shown || !shown->grab().save(options.screenshotPath, "PNG")) {
                QTextStream(stderr) << "vantage: cannot write " << options.screenshotPath << Qt::endl;
                exitCode = 1;
            }
            // Not quit(): that asks the windows to close, and a wall refuses.
            QApplication::exit(exitCode);
        });
    }
    sessions.start(makeSource(options), makeRecorder(options));
    if (watchdog)
        watchdog->start();
    const int loopCode = QApplication::exec();
    if (watchdog)
        watchdog->stop();
    sessions.finish();
    // A kiosk's full screen and dark theme are not the desk's to keep.
    if (options.screenshotPath.isEmpty() && !options.kiosk) {
        settings.setValue(kGeometryKey, window.saveGeometry());
        settings.setValue(kThemeKey, window.themeMode() == Theme::Mode::Light ? QStringLiteral("light")
                                                                              : QStringLiteral("dark"));
    }
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace vantage
