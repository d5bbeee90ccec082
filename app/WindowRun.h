#pragma once

#include "app/AppOptions.h"

namespace vantage {

// The operator's window: source -> models -> overview, with saved theme, size and
// connection. Honours --screenshot (save the window as PNG after a delay, then exit).
int runWindow(const AppOptions &options);

} // namespace vantage
