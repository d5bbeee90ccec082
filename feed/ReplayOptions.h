#pragma once

#include "feed/Clock.h"

#include <QString>

namespace vantage {

struct ReplayOptions
{
    QString path;             // an NDJSON log, plain or gzip: one protocol frame per line, or a recording
    double speed = 1.0;       // 2.0 plays twice as fast; <= 0 means as fast as possible
    bool loop = false;        // at the end, start again from the first line
    bool rebaseToNow = false; // shift frame times so each pass starts "now"
    // First pass only: deliver the first preRollMs of log time at once, and (with rebaseToNow)
    // shift times so the pre-roll ends "now". The demo opens with history in its sparklines.
    qint64 preRollMs = 0;
    NowFn now = systemNowMs;
};

} // namespace vantage
