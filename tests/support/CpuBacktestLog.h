#pragma once

#include "support/LogFrames.h"

#include <QByteArray>
#include <QByteArrayList>

namespace vantage::test {

// A log whose backtest is worked out by hand, for the default cpu rule (fire at 70 for 60 s,
// resolve below 63, repeat after 10 min) and for one firing at 85 and resolving below 80.
// cpu_percent every 10 s from 0 s to 1690 s (170 samples; the first one from a snapshot):
//   0-290 50; 300-470 80: breach at 300, fires at 360;
//   480-590 50: resolves at 480 (fired 120 s);
//   600-620 75: a breach 120 s after the resolution: flap 1, too short to mature;
//   630-690 50; 700-1090 80: matures at 760, 400 s after the firing at 360: suppressed 1, held,
//     fires at 960 once the 10 min window has passed;
//   1100-1190 66: between 63 and 70, hysteresis keeps it firing;
//   1200-1290 50: resolves at 1200 (fired 240 s, the longest);
//   1300-1690 90: flap 2 at 1300, matures at 1360 inside the window (suppressed 2), fires at
//     1560 and is still firing at the end (130 s).
// Defaults: 3 fired, 2 resolved, 2 suppressed, 2 flaps, 490 s firing, longest 240 s.
// At 85 / 80: fires only on the last stretch, at 1360, open for 330 s at the end.
inline double cpuAt(int s)
{
    if (s < 300)
        return 50;
    if (s < 480)
        return 80;
    if (s < 600)
        return 50;
    if (s < 630)
        return 75;
    if (s < 700)
        return 50;
    if (s < 1100)
        return 80;
    if (s < 1200)
        return 66;
    if (s < 1300)
        return 50;
    return 90;
}

inline QByteArray cpuLog()
{
    QByteArrayList lines;
    for (int s = 0, seq = 1; s < 1700; s += 10, ++seq) {
        const QByteArray ts = formatRfc3339Ms(kLogStartMs + s * 1000LL);
        const QByteArray cpu = QByteArray::number(cpuAt(s));
        if (s == 0)
            lines << R"({"v":1,"type":"snapshot","seq":)" + QByteArray::number(seq) + R"(,"ts":")" + ts +
                         R"(","data":{"metrics":{"cpu_percent":)" + cpu + "}}}";
        else
            lines << R"({"v":1,"type":"metrics","seq":)" + QByteArray::number(seq) + R"(,"ts":")" + ts +
                         R"(","data":{"cpu_percent":)" + cpu + "}}";
    }
    return lines.join('\n') + '\n';
}

} // namespace vantage::test
