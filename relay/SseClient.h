#pragma once

#include "relay/RelayClient.h"

#include <QHttpServerResponder>
#include <QPointer>

class QTcpSocket;

namespace vantage {

// A Server-Sent Events client: an HTTP response that never ends. The responder is kept for
// the life of the connection and each message is one more piece of its body.
class SseClient final : public RelayClient
{
    Q_OBJECT
public:
    // Writes the status line, the headers and the retry hint (ms before an EventSource reconnects).
    SseClient(QHttpServerResponder &&responder, int retryMs, QObject *parent);

    void send(const OutgoingMessage &message) override;
    void keepAlive() override;
    void flush() override;
    qint64 backlogBytes() const override;
    void abort() override;

private:
    void write(const QByteArray &bytes);

    QHttpServerResponder m_responder;
    // QtHttpServer owns the socket and deletes it once it disconnects; the responder only
    // holds a plain pointer to it, so nothing is written after this turns null or closed.
    QPointer<QTcpSocket> m_socket;
};

} // namespace vantage
