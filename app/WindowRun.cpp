#include "app/WindowRun.h"

#include "app/AlertActions.h"
#include "app/AlertTools.h"
#include "app/JournalSetup.h"
#include "app/RecorderSetup.h"
#include "app/SavedConnection.h"
#include "app/SessionController.h"
#include "app/SourceFactory.h"
#include "models/DashboardModels.h"
#include "ui/MainWindow.h"
#include "ui/NotificationCenter.h"

#include <QApplication>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

namespace vantage {

namespace {

const QString kThemeKey = QStringLiteral("appearance/theme");
const QString kGeometryKey = QStringLiteral("window/geometry");
Theme::Mode themeMode(const AppOptions &options, const QSettings &settings)
{
    const QString name = options.theme.isEmpty() ? settings.value(kThemeKey).toString() : options.theme;
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
    else if (!window.restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        window.resize(1440, 900);
    SessionController sessions(&models, &window);
    sessions.setJournalOptions(journalOptions(options, true));
    AlertActions alertActions(&models, &window, &settings, [&sessions] { return sessions.session(); });
    NotificationCenter notifications(&window);
    AlertTools alertTools(&models, &window, &sessions, &settings, &alertActions, &notifications);
    if (!alertTools.rulesError().isEmpty())
        window.showError(QObject::tr("Alert rules"), alertTools.rulesError());

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
    if (options.screenshotPath.isEmpty()) {
        settings.setValue(kGeometryKey, window.saveGeometry());
        settings.setValue(kThemeKey, window.themeMode() == Theme::Mode::Light ? QStringLiteral("light")
                                                                              : QStringLiteral("dark"));
    }
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace vantage
