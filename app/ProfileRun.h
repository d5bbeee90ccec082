#pragma once

#include "app/AppOptions.h"

namespace vantage {

// --set-kiosk-pin: reads a PIN from standard input (echo off on a terminal) and keeps its hash in
// the profile; an empty line removes the PIN. Returns the exit code.
int runSetKioskPin(const AppOptions &options);
// --export-profile and --import-profile. Returns the exit code.
int runProfileFile(const AppOptions &options);

} // namespace vantage
