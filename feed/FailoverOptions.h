#pragma once

namespace vantage {

struct FailoverOptions
{
    // Failed attempts in a row on the active transport before the next one is tried. A
    // transport that is refused outright (an HTTP answer instead of an upgrade) moves on at once.
    int switchAfterFailures = 3;
    // While on a fallback, how often a better transport is probed (one probe at a time).
    int probeIntervalMs = 60'000;
};

} // namespace vantage
