#pragma once

#include "app/AppOptions.h"

namespace vantage {

// --headless: the same pipeline and models without windows. Runs until --duration elapses, the
// source ends or SIGINT/SIGTERM arrives, writes --stats-json, and returns the exit code: 1 when
// the source failed or a --record recording stopped on an error (reported on stderr at once).
int runHeadless(const AppOptions &options);

} // namespace vantage
