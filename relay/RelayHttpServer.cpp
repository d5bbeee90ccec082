#include "relay/RelayHttpServer.h"

#include <QHttpServerRequest>

namespace vantage {

RelayHttpServer::RelayHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

bool RelayHttpServer::isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return header(request, "upgrade").compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) == 0;
}

QByteArray RelayHttpServer::header(const QHttpServerRequest &request, QByteArrayView name)
{
    const QList<QPair<QByteArray, QByteArray>> headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

bool RelayHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // True without a word: QAbstractHttpServer then passes the socket, handshake unread, to
    // its WebSocket server, and newWebSocketConnection() follows.
    if (isWebSocketUpgrade(request))
        return true;
    m_handler(request, makeResponder(request, socket));
    return true;
}

void RelayHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Reached only when an upgrade could not be handed over (no WebSocket slot connected).
    makeResponder(request, socket)
        .write(QByteArrayLiteral("not found\n"), QByteArrayLiteral("text/plain; charset=utf-8"),
               QHttpServerResponder::StatusCode::NotFound);
}

} // namespace vantage
