#pragma once

#include "feed/ReconnectPolicy.h"

#include <QByteArray>
#include <QUrl>

namespace vantage {

struct WebSocketOptions
{
    QUrl url;                // ws:// or wss://
    QByteArray bearerToken;  // sent as "Authorization: Bearer <token>"; never logged
    int heartbeatMs = 15000; // transport ping interval; stale after 2.5 intervals of silence
    int connectTimeoutMs = 10000;
    ReconnectPolicy::Settings reconnect;
};

} // namespace vantage
