#pragma once

#include "app/AppOptions.h"
#include "app/FontconfigPreload.h"

namespace vantage {

// The exit status of a kiosk run the operator ended with the exit chord: the systemd unit does
// not start the wall again after it (RestartPreventExitStatus).
constexpr int kKioskExitStatus = 10;

// The operator's window (or with --kiosk, the walls): source -> models -> pages, with the
// profile's theme, size, connection and kiosk settings. Honours --screenshot (save the window,
// or the first wall, as PNG after a delay, then exit). Waits for `fonts` before the first widget.
int runWindow(const AppOptions &options, FontconfigPreload &fonts);

} // namespace vantage
