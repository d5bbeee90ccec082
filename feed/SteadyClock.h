#pragma once

#include <QtGlobal>

#include <chrono>

namespace vantage {

// Milliseconds on a steady clock (any origin), as a NowFn for intervals that neither a wall-clock
// jump nor a suspended machine may bend.
inline qint64 steadyNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace vantage
