#pragma once

#include <functional>

namespace vantage {

// The driver reads as a script: start this, wait for that. These waits run the Qt event loop
// (sockets, replies) and sleep in it between polls, so the driver never spins a core that the
// relay and the client need.
void waitMs(int ms);
// Polls `done` every pollMs until it holds (true) or timeoutMs passed (false).
bool waitFor(const std::function<bool()> &done, int timeoutMs, int pollMs = 10);

} // namespace vantage
