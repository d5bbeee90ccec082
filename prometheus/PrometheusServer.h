#pragma once

#include "feed/TlsOptions.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace vantage {

// Where a Prometheus server is and how to ask it. Credentials are held as the stream's token is:
// in memory, sent only over https or to this machine (feed/HttpRequestSetup), never logged.
struct PrometheusServer
{
    QUrl url; // http(s)://host:port, with a path prefix when Prometheus sits under one
    QByteArray bearerToken;
    QString basicUser; // basic auth when not empty
    QString basicPassword;
    TlsOptions tls;
    int timeoutMs = 10'000; // per request, from sending to the whole answer
};

} // namespace vantage
