#pragma once

#include "relay/OutgoingMessage.h"

#include <QObject>

namespace vantage {

// A connected client of either transport, as RelayServer sees it.
class RelayClient : public QObject
{
    Q_OBJECT
public:
    enum class Transport { WebSocket, Sse };

    static QString transportName(Transport transport);

    Transport transport() const { return m_transport; }
    bool isClosed() const { return m_closed; }

    // Queues one message; never blocks. A closed client ignores it.
    virtual void send(const OutgoingMessage &message) = 0;
    // Keeps idle connections (and proxies in between) from timing out.
    virtual void keepAlive() = 0;
    // Hands as much of the backlog to the kernel as it takes now, without waiting.
    virtual void flush() = 0;
    // Bytes written but not yet handed to the kernel.
    virtual qint64 backlogBytes() const = 0;
    // Drops the connection at once, unsent data included; closed() follows.
    virtual void abort() = 0;

Q_SIGNALS:
    // Emitted once, when the connection ended for whatever reason.
    void closed();

protected:
    RelayClient(Transport transport, QObject *parent);
    void markClosed();

private:
    Transport m_transport;
    bool m_closed = false;
};

} // namespace vantage
