#include "feed/ConnectionStatus.h"

namespace vantage {

QLatin1String connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Idle: return QLatin1String("idle");
    case ConnectionState::Connecting: return QLatin1String("connecting");
    case ConnectionState::Live: return QLatin1String("live");
    case ConnectionState::Reconnecting: return QLatin1String("reconnecting");
    case ConnectionState::Offline: return QLatin1String("offline");
    case ConnectionState::Error: return QLatin1String("error");
    case ConnectionState::Finished: return QLatin1String("finished");
    }
    return QLatin1String("unknown");
}

} // namespace vantage
