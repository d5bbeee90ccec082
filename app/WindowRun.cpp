#include "app/WindowRun.h"

#include "app/FeedSession.h"
#include "app/RecorderSetup.h"
#include "app/SavedConnection.h"
#include "app/SourceFactory.h"
#include "models/DashboardModels.h"
#include "ui/MainWindow.h"

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
    SourceChoice choice = makeSource(options);

    DashboardModels models(nullptr, systemNowMs, options.feedCapacity);
    MainWindow window(&models);
    window.setTheme(themeMode(options, settings));
    window.setDemoMode(choice.demo);
    window.setSourceLabel(choice.label);
    if (options.windowSize.isValid())
        window.resize(options.windowSize);
    else if (!window.restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        window.resize(1440, 900);

    std::unique_ptr<FeedSession> session;
    if (choice.source) {
        session = std::make_unique<FeedSession>(std::move(choice.source), &models, makeRecorder(options));
        QObject::connect(&window, &MainWindow::reconnectRequested, session.get(), &FeedSession::reconnectNow);
    } else {
        ConnectionStatus status;
        status.state = ConnectionState::Error;
        status.reason = choice.error;
        status.sinceMs = systemNowMs();
        models.setConnectionStatus(status);
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
    if (session)
        session->start();
    const int loopCode = QApplication::exec();
    if (session)
        session->finish();
    if (options.screenshotPath.isEmpty()) {
        settings.setValue(kGeometryKey, window.saveGeometry());
        settings.setValue(kThemeKey, window.themeMode() == Theme::Mode::Light ? QStringLiteral("light")
                                                                          : QStringLiteral("dark"));
    }
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace vantage
