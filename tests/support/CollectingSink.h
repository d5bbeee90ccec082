#pragma once

#include "feed/FrameSink.h"
#include "feed/SseEvent.h"

#include <QByteArray>
#include <QString>

#include <vector>

// A frame sink for tests on the source's own thread: keeps every frame, its times, its
// transport, the SSE event it came from, and every rejection reason.
class CollectingSink final : public vantage::FrameSink
{
public:
    void onFrame(const vantage::ReceivedFrame &frame) override
    {
        frames.push_back(frame.bytes.toByteArray());
        receivedAt.push_back(frame.receivedMs);
        shifts.push_back(frame.tsShiftMs);
        transports.push_back(QString(frame.transport));
        if (frame.sseEvent)
            sseEvents.push_back(*frame.sseEvent);
    }
    void onFrameRejected(QLatin1String reason) override { rejected.push_back(QString(reason)); }

    std::vector<QByteArray> frames;
    std::vector<qint64> receivedAt;
    std::vector<qint64> shifts;
    std::vector<QString> transports;
    std::vector<vantage::SseEvent> sseEvents;
    std::vector<QString> rejected;
};
