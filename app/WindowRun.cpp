#include "app/WindowRun.h"

#include "app/AlertActions.h"
#include "app/AlertTools.h"
#include "app/DashboardSetup.h"
#include "app/FeedSession.h"
#include "app/FrameProbe.h"
#include "app/GuiWatchdog.h"
#include "app/JournalSetup.h"
#include "app/JsonFile.h"
#include "app/KioskCommandLine.h"
#include "app/KioskPin.h"
#include "app/MapDataPreload.h"
#include "app/ProfileSettings.h"
#include "app/RecorderSetup.h"
#include "app/RssMilestones.h"
#include "app/SavedConnection.h"
#include "app/SavedKiosk.h"
#include "app/SessionController.h"
#include "app/SourceFactory.h"
#include "app/StatsReport.h"
#include "app/WallDisplay.h"
#include "models/DashboardModels.h"
#include "ui/MainWindow.h"
#include "ui/MetricsPage.h"
#include "ui/NotificationCenter.h"
#include "ui/PageNames.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <chrono>
#include <memory>

namespace vantage {

namespace {

const QString kThemeKey = QStringLiteral("appearance/theme");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kDashboardKey = QStringLiteral("metrics/dashboard");
Theme::Mode themeMode(const AppOptions &options, const QSettings &settings)
{
    // A wall is dark unless told otherwise: the saved choice belongs to the desk.
    const QString saved = options.kiosk ? QString() : settings.value(kThemeKey).toString();
    const QString name = options.theme.isEmpty() ? saved : options.theme;
    return name == QLatin1String("light") ? Theme::Mode::Light : Theme::Mode::Dark;
}

} // namespace

int runWindow(const AppOptions &cliOptions, FontconfigPreload &fonts)
{
    preloadMapData();
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
    fonts.wait();
    // On a wall this window holds the session and stays hidden; the walls show the data.
    MainWindow window(&models, themeMode(options, settings));
    // Before the alert tools are made: a wall sends no notifications.
    window.setKioskMode(options.kiosk);
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
    // The metrics page's dashboard: the one given, kept in the profile for next time.
    const QString dashboardPath =
        options.dashboardPath.isEmpty() ? settings.value(kDashboardKey).toString() : options.dashboardPath;
    const DashboardSetup dashboard = loadDashboardSetup(dashboardPath, options.caFile);
    window.metricsPage()->setDashboard(dashboard.dashboard, dashboard.server);
    if (!dashboard.error.isEmpty())
        window.showError(QObject::tr("Dashboard"), dashboard.error);
    else if (!options.dashboardPath.isEmpty())
        settings.setValue(kDashboardKey, QFileInfo(options.dashboardPath).absoluteFilePath());

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
        walls = std::make_unique<WallDisplay>(&models, &window, options, window.themeMode(),
                                              std::move(verifyPin));
        QObject::connect(walls.get(), &WallDisplay::exitRequested,
                         [] { QApplication::exit(kKioskExitStatus); });
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
    // Measurement (docs/performance.md): frames painted, memory as frames go by, startup.
    QWidget *shown = walls ? static_cast<QWidget *>(walls->firstWall()) : &window;
    FrameProbe *frames = shown ? new FrameProbe(shown) : nullptr;
    if (frames && options.exitAfterFirstFrame) {
        QObject::connect(frames, &FrameProbe::firstFramePainted, [] {
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::steady_clock::now().time_since_epoch());
            QTextStream(stdout) << "first_frame_monotonic_ns " << qint64(ns.count()) << Qt::endl;
            QApplication::exit(0);
        });
    }
    RssMilestones rss;
    QObject::connect(&models, &DashboardModels::batchApplied, &models,
                     [&] { rss.update(models.stats().framesReceived); });
    if (options.durationS > 0)
        QTimer::singleShot(qRound64(options.durationS * 1000), &window, [] { QApplication::exit(0); });

    SourceChoice choice = makeSource(options);
    const QString sourceLabel = choice.label;
    const bool live = !choice.replay;
    QElapsedTimer elapsed;
    elapsed.start();
    sessions.start(std::move(choice), makeRecorder(options));
    if (watchdog)
        watchdog->start();
    const int loopCode = QApplication::exec();
    if (watchdog)
        watchdog->stop();
    // Everything received is applied before the report, which the session must outlive.
    if (FeedSession *session = sessions.session())
        session->finish();
    if (!options.statsJsonPath.isEmpty()) {
        const double elapsedS = double(elapsed.elapsed()) / 1000.0;
        const FeedSession *session = sessions.session();
        QJsonObject report = buildStatsReport(
            models, session ? session->history() : std::vector<ConnectionStatus>(), sourceLabel, elapsedS);
        addRunMeasurements(report, session, live, rss);
        if (frames)
            report.insert(
                QStringLiteral("window"),
                QJsonObject{{QStringLiteral("frames"), qint64(frames->frames())},
                            {QStringLiteral("frames_per_s"), double(frames->frames()) / elapsedS},
                            {QStringLiteral("frame_interval"), durationReport(frames->intervals())}});
        QString error;
        if (!writeJsonFile(options.statsJsonPath, report, &error)) {
            QTextStream(stderr) << "vantage: cannot write " << options.statsJsonPath << ": " << error
                                << Qt::endl;
            exitCode = 1;
        }
    }
    sessions.finish();
    // A kiosk's full screen and dark theme are not the desk's to keep, nor a measurement's.
    if (options.screenshotPath.isEmpty() && !options.kiosk && !options.exitAfterFirstFrame) {
        settings.setValue(kGeometryKey, window.saveGeometry());
        settings.setValue(kThemeKey, window.themeMode() == Theme::Mode::Light ? QStringLiteral("light")
                                                                              : QStringLiteral("dark"));
    }
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace vantage
