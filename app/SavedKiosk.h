#pragma once

#include "app/AppOptions.h"

class QSettings;

namespace vantage {

// A wall's settings persist in its profile (docs/operations.md "Profiles"): those given on the
// command line (--rotate-seconds, --stale-seconds, --screens, --exit-chord, --type-scale) are
// saved, the others are read from the settings, so that `vantage --kiosk --profile wall` starts
// the wall as it was set up. The values are checked again after (checkKioskSettings): a profile
// file may hold anything.
AppOptions withSavedKiosk(AppOptions options, QSettings &settings);

// The settings key of the kiosk PIN's hash, which never leaves its wall (ProfileSettings).
QString kioskPinKey();
// The kiosk PIN's hash (app/KioskPin) in the settings; empty when none is set.
QString savedKioskPinHash(const QSettings &settings);
// Stores the hash of `pin`, or removes it for an empty pin.
void saveKioskPin(QSettings &settings, const QString &pin);

} // namespace vantage
