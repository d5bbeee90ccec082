#pragma once

#include "feed/Clock.h"

#include <QString>

namespace vantage {

struct ReplayOptions
{
    QString path;             // an NDJSON log: one protocol frame per line
    double speed = 1.0;       // 2.0 plays twice as fast; <= 0 means as fast as possible
    bool loop = false;        // at the end, start again from the first line
    bool rebaseToNow = false; // shift frame times so each pass starts "now"
    NowFn now = systemNowMs;
};

} // namespace vantage
