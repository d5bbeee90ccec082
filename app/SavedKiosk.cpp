#include "app/SavedKiosk.h"

#include "app/KioskPin.h"

#include <QSettings>

namespace vantage {

namespace {

// One setting: the option's name on the command line, its key, and the field it fills.
template <typename T> void persist(AppOptions &options, QSettings &settings, const char *option, T AppOptions::*field)
{
    const QString key = QStringLiteral("kiosk/") + QLatin1String(option);
    if (options.given.contains(QLatin1String(option)))
        settings.setValue(key, options.*field);
    else if (settings.contains(key))
        options.*field = settings.value(key).value<T>();
}

} // namespace

AppOptions withSavedKiosk(AppOptions options, QSettings &settings)
{
    persist(options, settings, "rotate-seconds", &AppOptions::rotateSeconds);
    persist(options, settings, "stale-seconds", &AppOptions::staleSeconds);
    persist(options, settings, "screens", &AppOptions::screens);
    persist(options, settings, "exit-chord", &AppOptions::exitChord);
    persist(options, settings, "type-scale", &AppOptions::typeScale);
    return options;
}

QString kioskPinKey()
{
    return QStringLiteral("kiosk/pinHash");
}

QString savedKioskPinHash(const QSettings &settings)
{
    return settings.value(kioskPinKey()).toString();
}

void saveKioskPin(QSettings &settings, const QString &pin)
{
    if (pin.isEmpty())
        settings.remove(kioskPinKey());
    else
        settings.setValue(kioskPinKey(), KioskPin::hash(pin));
}

} // namespace vantage
