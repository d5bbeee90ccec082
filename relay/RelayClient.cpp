#include "relay/RelayClient.h"

namespace vantage {

QString RelayClient::transportName(Transport transport)
{
    return transport == Transport::WebSocket ? QStringLiteral("websocket") : QStringLiteral("sse");
}

RelayClient::RelayClient(Transport transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

void RelayClient::markClosed()
{
    if (m_closed)
        return;
    m_closed = true;
    Q_EMIT closed();
}

} // namespace vantage
