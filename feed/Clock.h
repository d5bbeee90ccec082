#pragma once

#include <QDateTime>

#include <functional>

namespace vantage {

// Milliseconds since the Unix epoch. Time-dependent logic takes a NowFn so tests can drive it.
using NowFn = std::function<qint64()>;

inline qint64 systemNowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace vantage
