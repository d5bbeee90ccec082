#pragma once

#include <QtGlobal>

namespace vantage {

// Turns Nagle's algorithm off (TCP_NODELAY) on a connected socket. A relay sends many small
// frames; with Nagle on, a frame written while the previous one is unacknowledged waits for
// that acknowledgement, which a receiver may delay by 40 ms. At 1,000 events/s this put the
// p99 latency at 50 ms (docs/performance.md). Returns false when the option cannot be set.
bool setLowDelay(qintptr descriptor);

// A QTcpServer or QSslServer whose accepted connections send each frame at once (setLowDelay).
template <typename Server> class LowDelayServer final : public Server
{
protected:
    void incomingConnection(qintptr descriptor) override
    {
        setLowDelay(descriptor);
        Server::incomingConnection(descriptor);
    }
};

} // namespace vantage
