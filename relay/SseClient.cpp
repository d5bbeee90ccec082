#include "relay/SseClient.h"

#include <QTcpSocket>

namespace vantage {

namespace {
const QByteArray kKeepAlive = QByteArrayLiteral(": keep-alive\n\n");
} // namespace

SseClient::SseClient(QHttpServerResponder &&responder, int retryMs, QObject *parent)
    : RelayClient(Transport::Sse, parent)
    , m_responder(std::move(responder))
    , m_socket(m_responder.socket())
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        markClosed();
        return;
    }
    connect(m_socket, &QTcpSocket::disconnected, this, &SseClient::markClosed);
    connect(m_socket, &QObject::destroyed, this, &SseClient::markClosed);
    // No Content-Length and no chunking: the body is the rest of the connection.
    m_responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    m_responder.writeHeaders({
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")},
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")},
        // Tells nginx-style proxies not to hold events back in their buffers.
        {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")},
    });
    const QByteArray retry = "retry: " + QByteArray::number(qMax(retryMs, 0)) + "\n\n";
    m_responder.writeBody(retry);
}

void SseClient::send(const OutgoingMessage &message)
{
    write(message.sseEvent);
}

void SseClient::keepAlive()
{
    write(kKeepAlive);
}

void SseClient::flush()
{
    if (!isClosed() && m_socket)
        m_socket->flush();
}

qint64 SseClient::backlogBytes() const
{
    return isClosed() || !m_socket ? 0 : m_socket->bytesToWrite();
}

void SseClient::abort()
{
    if (isClosed())
        return;
    if (m_socket)
        m_socket->abort();
    markClosed();
}

void SseClient::write(const QByteArray &bytes)
{
    if (!isClosed() && m_socket)
        m_responder.writeBody(bytes);
}

} // namespace vantage
