#include "relay/RelayHttpServer.h"

#include "feed/ConstantTime.h"

#include <QHttpServerRequest>

namespace vantage {

RelayHttpServer::RelayHttpServer(Handler handler, QByteArray requiredToken, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
    , m_requiredToken(std::move(requiredToken))
{}

bool RelayHttpServer::isAuthorized(const QHttpServerRequest &request) const
{
    if (m_requiredToken.isEmpty() || request.url().path() == QLatin1String("/healthz"))
        return true;
    // The scheme is case-insensitive (RFC 7235); the token is compared exactly.
    static constexpr QByteArrayView kScheme("bearer ");
    const QByteArray authorization = header(request, "authorization");
    if (authorization.size() < kScheme.size()
        || QByteArrayView(authorization).first(kScheme.size()).compare(kScheme, Qt::CaseInsensitive) != 0)
        return false;
    return equalInConstantTime(QByteArrayView(authorization).sliced(kScheme.size()), m_requiredToken);
}

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
    if (!isAuthorized(request)) {
        makeResponder(request, socket)
            .write(QByteArrayLiteral("unauthorized: a bearer token is required\n"),
                   {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")},
                    {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")}},
                   QHttpServerResponder::StatusCode::Unauthorized);
        return true;
    }
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
