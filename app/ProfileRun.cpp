#include "app/ProfileRun.h"

#include "app/EchoOff.h"
#include "app/KioskPin.h"
#include "app/ProfileSettings.h"
#include "app/SavedKiosk.h"

#include <QFile>
#include <QSettings>
#include <QTextStream>

namespace vantage {

namespace {

// A PIN is 12 digits at most; anything longer is no PIN.
constexpr qint64 kMaxLineBytes = 256;

QString profileName(const AppOptions &options)
{
    return options.profile.isEmpty() ? QStringLiteral("the default profile")
                                     : QStringLiteral("profile \"%1\"").arg(options.profile);
}

} // namespace

int runSetKioskPin(const AppOptions &options)
{
    QTextStream err(stderr);
    QString pin;
    {
        const EchoOff echoOff;
        if (echoOff.active())
            err << "Kiosk PIN (4 to 12 digits; empty to remove it): " << Qt::flush;
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            err << "vantage: cannot read the PIN from standard input" << Qt::endl;
            return 1;
        }
        pin = QString::fromUtf8(input.readLine(kMaxLineBytes).trimmed());
        if (echoOff.active())
            err << Qt::endl;
    }
    if (const QString error = pin.isEmpty() ? QString() : KioskPin::validate(pin); !error.isEmpty()) {
        err << "vantage: " << error << "; the PIN was not changed" << Qt::endl;
        return 1;
    }
    const auto settings = ProfileSettings::open(options.profile);
    saveKioskPin(*settings, pin);
    settings->sync();
    if (settings->status() != QSettings::NoError) {
        err << "vantage: cannot write " << settings->fileName() << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << (pin.isEmpty() ? QStringLiteral("Removed the kiosk PIN of %1")
                                          : QStringLiteral("The exit chord of %1 now asks for the PIN"))
                               .arg(profileName(options))
                        << Qt::endl;
    return 0;
}

int runProfileFile(const AppOptions &options)
{
    const auto settings = ProfileSettings::open(options.profile);
    const bool exporting = !options.exportProfilePath.isEmpty();
    const QString error = exporting ? ProfileSettings::exportTo(*settings, options.exportProfilePath)
                                    : ProfileSettings::importFrom(options.importProfilePath, *settings);
    if (!error.isEmpty()) {
        QTextStream(stderr) << "vantage: " << error << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << (exporting ? QStringLiteral("Wrote the settings of %1 to %2")
                                           .arg(profileName(options), options.exportProfilePath)
                                      : QStringLiteral("Replaced the settings of %1 with those in %2")
                                           .arg(profileName(options), options.importProfilePath))
                        << Qt::endl;
    return 0;
}

} // namespace vantage
