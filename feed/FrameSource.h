#pragma once

#include "feed/ConnectionStatus.h"

#include <QObject>

namespace vantage {

class FrameSink;

// A producer of raw frames (WebSocket, replay file, ...). Lives on the worker thread;
// delivers frames to its sink synchronously and reports its state through statusChanged.
class FrameSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~FrameSource() override = default;

    void setSink(FrameSink *sink) { m_sink = sink; }

    virtual void start() = 0;
    virtual void stop() = 0;
    // Skips a pending retry wait ("Reconnect now"); sources that never wait ignore it.
    virtual void reconnectNow() {}
    // Sends a text frame upstream where the transport allows it (e.g. a JSON pong); false otherwise.
    virtual bool sendText(const QByteArray &) { return false; }

Q_SIGNALS:
    void statusChanged(const vantage::ConnectionStatus &status);

protected:
    FrameSink *sink() const { return m_sink; }

private:
    FrameSink *m_sink = nullptr;
};

} // namespace vantage
