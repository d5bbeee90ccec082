#pragma once

#include "feed/TlsOptions.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

namespace vantage {

// Redirects followed per request, all within the URL's origin.
inline constexpr int kMaxRedirects = 5;

// What an HTTP feed source (SseSource, SnapshotPollSource) asks of the server.
struct HttpRequestOptions
{
    QUrl url;               // http:// or https://
    QByteArray bearerToken; // "Authorization: Bearer <token>" when not empty
    TlsOptions tls;
    QByteArray accept; // the Accept header, e.g. "text/event-stream"
    // A stream that stays open for hours: the body is asked for uncompressed, because Qt's
    // decompression-ratio guard would end a long, highly compressible stream.
    bool longLived = false;
    // "Authorization: Basic ..." when the user is not empty (never with a bearer token too).
    QString basicUser;
    QString basicPassword;
};

// A GET request ready for QNetworkAccessManager, or why it must not be sent.
struct HttpRequestSetup
{
    QNetworkRequest request;
    QString error; // empty when the request is usable; never holds the token

    bool ok() const { return error.isEmpty(); }
};

// Checks the URL (http or https, a host), the token or the basic credentials (visible ASCII,
// no ':' in the user, and never over plain http to another machine) and the TLS options
// (https only: system CAs plus options.tls.caFile, errors never ignored), then builds the request: Accept, "Cache-Control: no-cache",
// Authorization, HTTP/1.1 only (no HTTP/2), no cache, and redirects followed only within the
// same origin (scheme, host and port), at most kMaxRedirects of them, so neither the token nor
// Last-Event-ID reaches a server the operator did not name.
HttpRequestSetup makeHttpRequest(const HttpRequestOptions &options);

// "localhost" or a loopback address: the only hosts a token may travel to unencrypted.
bool isLoopbackHost(const QString &host);

// True when `value` can go into a request header as is: no control characters, so a value
// the server chose (an event id, an epoch) cannot inject a header line.
bool isSafeHeaderValue(QByteArrayView value);

// "HTTP 503 Service Unavailable"; the reason phrase is the standard one, never the server's text.
// The reason to show when a status says the credentials were refused (401 Unauthorized, 407
// Proxy Authentication Required): retrying with the same token cannot help, so the source
// stops until the operator reconnects, as for close code 1008. Empty for any other status.
QString credentialRefusal(int statusCode);
QString describeHttpStatus(int statusCode);

// A short reason for an attempt that failed below HTTP ("connection refused", "TLS handshake
// failed: ..."). `detail` is Qt's error string, used only where it adds something.
QString describeNetworkError(QNetworkReply::NetworkError error, const QString &detail);

// `text` fit for a status or a log: the token replaced by "***" (a server may echo it back) and
// the URL shown as redactUrl() shows it (Qt's error strings may quote the URL with its query).
QString withoutSecrets(QString text, const QUrl &url, QByteArrayView token);

} // namespace vantage
