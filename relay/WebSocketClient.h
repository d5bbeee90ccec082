#pragma once

#include "relay/RelayClient.h"

#include <QByteArray>

#include <memory>

class QWebSocket;

namespace vantage {

// A WebSocket client: one text frame per message, transport pings as keep-alive.
class WebSocketClient final : public RelayClient
{
    Q_OBJECT
public:
    // Takes over a socket whose handshake is complete.
    WebSocketClient(std::unique_ptr<QWebSocket> socket, QObject *parent);

    QWebSocket *socket() const { return m_socket; }

    void send(const OutgoingMessage &message) override;
    void keepAlive() override;
    void flush() override;
    qint64 backlogBytes() const override;
    void abort() override;

Q_SIGNALS:
    // A text or binary frame from the client (e.g. an application-level ping).
    void frameReceived(const QByteArray &frame);

private:
    QWebSocket *m_socket;
};

} // namespace vantage
