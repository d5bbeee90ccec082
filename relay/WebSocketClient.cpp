#include "relay/WebSocketClient.h"

#include <QWebSocket>

namespace vantage {

namespace {
// Clients send only small control messages (pings); anything large is not for us.
constexpr quint64 kMaxIncomingMessageBytes = 64 * 1024;
} // namespace

WebSocketClient::WebSocketClient(std::unique_ptr<QWebSocket> socket, QObject *parent)
    : RelayClient(Transport::WebSocket, parent)
    , m_socket(socket.release())
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxIncomingMessageBytes);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketClient::markClosed);
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { Q_EMIT frameReceived(text.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WebSocketClient::frameReceived);
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        markClosed();
}

void WebSocketClient::send(const OutgoingMessage &message)
{
    if (!isClosed())
        m_socket->sendTextMessage(message.text);
}

void WebSocketClient::keepAlive()
{
    if (!isClosed())
        m_socket->ping();
}

void WebSocketClient::flush()
{
    if (!isClosed())
        m_socket->flush();
}

qint64 WebSocketClient::backlogBytes() const
{
    return isClosed() ? 0 : m_socket->bytesToWrite();
}

void WebSocketClient::abort()
{
    if (isClosed())
        return;
    m_socket->abort();
    markClosed();
}

} // namespace vantage
