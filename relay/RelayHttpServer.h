#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerResponder>

#include <functional>

namespace vantage {

// The HTTP side of the relay's one port. QHttpServer (Qt 6.4) hands a WebSocket upgrade to
// its WebSocket server only when a route for the request's path returns true without
// writing a reply, so "any path upgrades" would need a catch-all route that must stay
// silent. Overriding handleRequest directly says it plainly: an upgrade is accepted here, on
// any path, and every other request goes to one handler that owns the responder.
class RelayHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const QHttpServerRequest &request, QHttpServerResponder &&responder)>;

    // requiredToken non-empty: a request without "Authorization: Bearer <requiredToken>" is
    // answered 401 (upgrades included); /healthz stays open for monitoring.
    RelayHttpServer(Handler handler, QByteArray requiredToken, QObject *parent = nullptr);

    static bool isWebSocketUpgrade(const QHttpServerRequest &request);
    // A request header by name, case-insensitively; empty when absent.
    static QByteArray header(const QHttpServerRequest &request, QByteArrayView name);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    bool isAuthorized(const QHttpServerRequest &request) const;

    Handler m_handler;
    QByteArray m_requiredToken;
};

} // namespace vantage
