#pragma once

#include "feed/ReconnectPolicy.h"
#include "feed/TlsOptions.h"

#include <QByteArray>
#include <QUrl>

namespace vantage {

struct WebSocketOptions
{
    QUrl url;                // ws:// or wss://
    QByteArray bearerToken;  // sent as "Authorization: Bearer <token>"; never logged
    int heartbeatMs = 15000; // transport ping interval; stale after 2.5 intervals of silence
    int connectTimeoutMs = 10000;
    TlsOptions tls;
    // Larger messages are skipped and counted as "oversized_frame"; past four times this, Qt
    // refuses them on the wire (close 1009) so memory stays bounded.
    qsizetype maxFrameBytes = 1 << 20;
    ReconnectPolicy::Settings reconnect;
};

} // namespace vantage
