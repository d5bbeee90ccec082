#include "support/ConnectionNoDelay.h"

#include <QTcpSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace vantage::test {

std::vector<bool> connectionsNoDelay(const QObject &owner)
{
    std::vector<bool> noDelay;
    for (const QTcpSocket *socket : owner.findChildren<QTcpSocket *>()) {
        if (socket->state() != QAbstractSocket::ConnectedState || socket->socketDescriptor() < 0)
            continue;
        int value = 0;
        socklen_t size = sizeof value;
        const bool read =
            ::getsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_NODELAY, &value, &size) == 0;
        noDelay.push_back(read && value != 0);
    }
    return noDelay;
}

} // namespace vantage::test
