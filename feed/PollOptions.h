#pragma once

#include "feed/ReconnectPolicy.h"
#include "feed/TlsOptions.h"

#include <QByteArray>
#include <QUrl>

namespace vantage {

struct PollOptions
{
    QUrl url;               // http:// or https:// endpoint answering application/json
    QByteArray bearerToken; // sent as "Authorization: Bearer <token>"; never logged
    TlsOptions tls;
    int intervalMs = 5000;                // between the end of one good response and the next request
    int timeoutMs = 10000;                // for a whole request, headers and body
    qsizetype maxResponseBytes = 4 << 20; // larger bodies are refused and counted as "oversized_frame"
    ReconnectPolicy::Settings reconnect;
};

} // namespace vantage
