#include "app/DemoLogGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>

// vantage-demogen: writes the deterministic demo log (run at build time for share/vantage/demo.ndjson).
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vantage-demogen"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a deterministic NDJSON demo log of the wedding-marketplace platform."));
    parser.addHelpOption();
    const vantage::DemoLogSettings defaults;
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("The log file to write."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("The random seed."),
                                        QStringLiteral("N"), QString::number(defaults.seed));
    const QCommandLineOption minutesOption(QStringLiteral("minutes"),
                                           QStringLiteral("The length of the log."), QStringLiteral("M"),
                                           QString::number(defaults.minutes));
    parser.addOptions({outOption, seedOption, minutesOption});
    parser.process(app);

    QTextStream err(stderr);
    if (!parser.isSet(outOption)) {
        err << "vantage-demogen: --out FILE is required" << Qt::endl;
        parser.showHelp(2);
    }
    vantage::DemoLogSettings settings;
    bool seedOk = false;
    bool minutesOk = false;
    settings.seed = parser.value(seedOption).toULongLong(&seedOk);
    settings.minutes = parser.value(minutesOption).toInt(&minutesOk);
    if (!seedOk || !minutesOk || settings.minutes < 1) {
        err << "vantage-demogen: --seed must be a non-negative integer and --minutes a positive one"
            << Qt::endl;
        return 2;
    }

    QSaveFile file(parser.value(outOption));
    if (!file.open(QIODevice::WriteOnly)) {
        err << "vantage-demogen: cannot write " << file.fileName() << ": " << file.errorString() << Qt::endl;
        return 1;
    }
    if (!vantage::writeDemoLog(file, settings) || !file.commit()) {
        err << "vantage-demogen: writing " << file.fileName() << " failed: " << file.errorString()
            << Qt::endl;
        return 1;
    }
    return 0;
}
