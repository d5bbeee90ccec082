#pragma once

#include <functional>

namespace vantage {

// Runs this thread's event loop, event by event and without sleeping between polls, until `done`
// holds (true) or timeoutMs have passed (false). `done` is checked after every pass of the loop.
bool processEventsUntil(const std::function<bool()> &done, int timeoutMs);

} // namespace vantage
