#include "app/WindowRun.h"

#include "app/AlertActions.h"
#include "app/AlertTools.h"
#include "app/JournalSetup.h"
#include "app/RecorderSetup.h"
#include "app/SavedConnection.h"
#include "app/SessionController.h"
#include "app/SourceFactory.h"
#include "models/DashboardModels.h"
#include "ui/KioskController.h"
#include "ui/MainWindow.h"
#include "ui/NotificationCenter.h"

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
    QSettings settings;
    const AppOptions options = withSavedConnection(cliOptions, settings);

    DashboardModels models(nullptr, systemNowMs, options.feedCapacity);
    MainWindow window(&models);
    window.setTheme(themeMode(options, settings));
    if (options.page == QLatin1String("map"))
        window.showPage(MainWindow::Page::Map);
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

    std::unique_ptr<KioskController> kiosk;
    if (options.kiosk) {
        window.setKioskMode(true);
        // --size wins over full screen, so that a screenshot has the wall's size.
        if (options.windowSize.isValid())
            window.setWindowState(Qt::WindowNoState);
        kiosk = std::make_unique<KioskController>(&window, qint64(options.rotateSeconds) * 1000, systemNowMs);
    }

    int exitCode = 0;
    if (!options.screenshotPath.isEmpty()) {
        QTimer::singleShot(qRound64(options.screenshotAfterS * 1000), &window, [&] {
            if (!window.grab().save(options.screenshotPath, "PNG")) {
                QTextStream(stderr) << "vantage: cannot write " << options.screenshotPath << Qt::endl;
                exitCode = 1;
            }
            QApplication::quit();
        });
    }
    window.show();
    sessions.start(makeSource(options), makeRecorder(options));
    const int loopCode = QApplication::exec();
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
