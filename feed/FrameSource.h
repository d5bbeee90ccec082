#pragma once

#include "feed/ConnectionStatus.h"
#include "feed/ResumePoint.h"

#include <QObject>

#include <utility>

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
    // How a live source learns where to resume when it (re)connects; replay sources ignore it.
    void setResumeFn(ResumeFn resume) { m_resume = std::move(resume); }

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
    // The point applied so far, or an invalid one when nothing sequenced has arrived.
    ResumePoint resumePoint() const { return m_resume ? m_resume() : ResumePoint(); }

private:
    FrameSink *m_sink = nullptr;
    ResumeFn m_resume;
};

} // namespace vantage
