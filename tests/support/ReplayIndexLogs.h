#pragma once

#include "feed/JsonString.h"
#include "feed/Rfc3339.h"

#include <QByteArray>
#include <QByteArrayList>

// Logs with known lines, times and alerts, for the replay index tests.
namespace vantage::test {

inline constexpr qint64 kIndexLogBaseMs = 1'781'341'200'000; // 2026-06-13T09:00:00Z
inline constexpr qint64 kIndexLogStepMs = 250;

// The log time of frame `i` (0-based) of an indexLog().
inline qint64 indexLogTimeMs(int i)
{
    return kIndexLogBaseMs + qint64(i) * kIndexLogStepMs;
}

inline QByteArray stampedFrame(int seq, const QByteArray &type, qint64 tsMs, const QByteArray &data)
{
    return R"({"v":1,"type":")" + type + R"(","seq":)" + QByteArray::number(seq) + R"(,"ts":")" +
           formatRfc3339Ms(tsMs) + R"(","data":)" + data + '}';
}

// What an indexLog() line at `i` holds: every 100th (from 50) an alert, cycling through the
// severities, each followed 10 lines later by its resolution; signups otherwise.
inline bool indexLogIsAlert(int i)
{
    return i % 100 == 50;
}
inline bool indexLogIsResolution(int i)
{
    return i % 100 == 60;
}
inline QByteArray indexLogSeverity(int i)
{
    static const QByteArray names[] = {"warning", "error", "critical", "info"};
    return names[(i / 100) % 4];
}

// `count` protocol-v1 frames, one per line, 250 ms apart from kIndexLogBaseMs.
inline QByteArrayList indexLog(int count)
{
    QByteArrayList lines;
    lines.reserve(count);
    for (int i = 0; i < count; ++i) {
        const qint64 ts = indexLogTimeMs(i);
        if (indexLogIsAlert(i))
            lines.push_back(stampedFrame(i + 1, "alert", ts,
                                         R"({"id":"a)" + QByteArray::number(i) + R"(","severity":")" +
                                             indexLogSeverity(i) + R"(","message":"queue backing up"})"));
        else if (indexLogIsResolution(i))
            lines.push_back(
                stampedFrame(i + 1, "alert_resolved", ts,
                             R"({"id":"a)" + QByteArray::number(i - 10) + R"(","reason":"calm"})"));
        else
            lines.push_back(stampedFrame(
                i + 1, "event", ts,
                R"({"id":"e)" + QByteArray::number(i) +
                    R"(","type":"signup","user_name":"Ana","location":{"lat":51.5,"lon":-0.1}})"));
    }
    return lines;
}

// A recording (docs/recording.md) of `frames`: a header line, then each frame received
// `receivedMs(i)`.
template <typename ReceivedMs> QByteArrayList recordingOf(const QByteArrayList &frames, ReceivedMs receivedMs)
{
    QByteArrayList lines{QByteArrayLiteral(
        R"({"vantage_recording":1,"source":"ws://127.0.0.1:1/stream","app":"vantage 0.1.0",)"
        R"("started":"2026-06-13T09:00:00.000Z"})")};
    for (int i = 0; i < frames.size(); ++i) {
        QByteArray line =
            R"({"t":)" + QByteArray::number(receivedMs(i)) + R"(,"transport":"websocket","frame":)";
        appendJsonString(line, frames[i]);
        lines.push_back(line + '}');
    }
    return lines;
}

inline QByteArray joinLines(const QByteArrayList &lines)
{
    QByteArray text;
    for (const QByteArray &line : lines)
        text += line + '\n';
    return text;
}

} // namespace vantage::test
