#pragma once

#include <QtGlobal>

#include <vector>

namespace vantage {

// `count` (2 or more) log times to seek to in [firstMs, lastMs], the same on every run: one in each
// count-th of the span, the first 0.1 % into it and the last 0.1 % before its end, in a fixed
// pseudo-random order, so that seeks go forwards and backwards over every part of the log.
std::vector<qint64> seekTargets(qint64 firstMs, qint64 lastMs, int count);

} // namespace vantage
