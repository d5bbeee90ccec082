#pragma once

#include "feed/ReconnectPolicy.h"
#include "feed/TlsOptions.h"

#include <QByteArray>
#include <QUrl>

namespace vantage {

struct SseOptions
{
    QUrl url;                // http:// or https:// endpoint answering text/event-stream
    QByteArray bearerToken;  // sent as "Authorization: Bearer <token>"; never logged
    TlsOptions tls;
    int stallTimeoutMs = 45000;  // no byte (event, comment or ping) for this long: the stream is stale
    int connectTimeoutMs = 10000; // until the response headers arrive
    qsizetype maxEventBytes = 1 << 20; // larger events are refused and counted as "oversized_frame"
    ReconnectPolicy::Settings reconnect;
};

} // namespace vantage
