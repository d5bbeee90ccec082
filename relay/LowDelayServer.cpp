#include "relay/LowDelayServer.h"

#include "relay/RelayLogging.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace vantage {

bool setLowDelay(qintptr descriptor)
{
    const int on = 1;
    if (::setsockopt(int(descriptor), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) == 0)
        return true;
    qCWarning(lcRelay) << "cannot turn Nagle's algorithm off on a connection:" << std::strerror(errno);
    return false;
}

} // namespace vantage
