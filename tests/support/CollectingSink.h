#pragma once

#include "feed/FrameSink.h"
#include "feed/SseEvent.h"

#include <QByteArray>
#include <QString>

#include <vector>

// A frame sink for tests on the source's own thread: keeps every frame, its times, its
// transport, the SSE event it came from, its line in a replayed file, every rejection reason,
// every skipped line and the last replay progress (with the playback position).
class CollectingSink final : public vantage::FrameSink
{
public:
    void onFrame(const vantage::ReceivedFrame &frame) override
    {
        frames.push_back(frame.bytes.toByteArray());
        receivedAt.push_back(frame.receivedMs);
        shifts.push_back(frame.tsShiftMs);
        transports.push_back(QString(frame.transport));
        lines.push_back(frame.line);
        if (frame.sseEvent)
            sseEvents.push_back(*frame.sseEvent);
    }
    void onFrameRejected(QLatin1String reason) override { rejected.push_back(QString(reason)); }
    void onReplayProgress(const QString &file, quint64 linesRead,
                          const vantage::ReplayPlayback &playback) override
    {
        replayFile = file;
        replayLinesRead = linesRead;
        replayPlayback = playback;
    }
    void onLineSkipped(qint64 line, QLatin1String reason, QLatin1String description) override
    {
        skipped.push_back({line, QString(reason), QString(description)});
    }

    struct Skipped
    {
        qint64 line = 0;
        QString reason;
        QString description;
    };

    std::vector<QByteArray> frames;
    std::vector<qint64> receivedAt;
    std::vector<qint64> shifts;
    std::vector<QString> transports;
    std::vector<vantage::SseEvent> sseEvents;
    std::vector<qint64> lines;
    std::vector<QString> rejected;
    std::vector<Skipped> skipped;
    QString replayFile;
    quint64 replayLinesRead = 0;
    vantage::ReplayPlayback replayPlayback;
};
