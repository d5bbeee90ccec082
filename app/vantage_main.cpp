#include "app/BacktestRun.h"
#include "app/CommandLine.h"
#include "app/FontconfigPreload.h"
#include "app/HeadlessRun.h"
#include "app/ProfileRun.h"
#include "app/StoreTokenRun.h"
#include "app/WindowRun.h"

#include <QApplication>
#include <QTextStream>

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Vantage"));
    QCoreApplication::setApplicationName(QStringLiteral("vantage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VANTAGE_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    setApplicationIdentity();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const vantage::CommandLineResult parsed = vantage::parseCommandLine(arguments);
    if (!parsed.options) {
        QTextStream(parsed.exitCode == 0 ? stdout : stderr)
            << (parsed.exitCode == 0 ? QString() : QStringLiteral("vantage: ")) << parsed.message << Qt::endl;
        return parsed.exitCode;
    }
    const vantage::AppOptions &options = *parsed.options;
    if (!options.storeTokenEntry.isEmpty()) {
        QCoreApplication app(argc, argv);
        return vantage::runStoreToken(options.storeTokenEntry);
    }
    if (options.setKioskPin) {
        QCoreApplication app(argc, argv);
        return vantage::runSetKioskPin(options);
    }
    if (!options.exportProfilePath.isEmpty() || !options.importProfilePath.isEmpty()) {
        QCoreApplication app(argc, argv);
        return vantage::runProfileFile(options);
    }
    if (!options.backtestPath.isEmpty()) {
        // Reads the log on this thread and prints: no event loop, no display.
        QCoreApplication app(argc, argv);
        return vantage::runBacktestCommand(options);
    }
    if (options.headless) {
        // No display is needed: the models run on a plain core application.
        QCoreApplication app(argc, argv);
        return vantage::runHeadless(options);
    }
    vantage::FontconfigPreload fonts;
    QApplication app(argc, argv);
    return vantage::runWindow(options, fonts);
}
