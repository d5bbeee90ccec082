#include "FloorClient.h"

#include <QNetworkProxy>

namespace vantage {

FloorClient::FloorClient(const QUrl &url, QObject *parent)
    : QObject(parent)
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this] { ++m_frames; });
    m_socket.open(url);
}

} // namespace vantage
