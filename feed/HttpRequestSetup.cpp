#include "feed/HttpRequestSetup.h"

#include "feed/TokenSource.h"
#include "feed/UrlRedaction.h"

#include <QHostAddress>
#ifndef QT_NO_SSL
#include <QSslConfiguration>
#endif

namespace vantage {

HttpRequestSetup makeHttpRequest(const HttpRequestOptions &options)
{
    HttpRequestSetup setup;
    const QUrl &url = options.url;
    if (url.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        setup.error = QStringLiteral("invalid URL");
        return setup;
    }
    const QString scheme = url.scheme().toLower();
    const bool secure = scheme == QLatin1String("https");
    if (!secure && scheme != QLatin1String("http")) {
        setup.error =
            QStringLiteral("unsupported URL scheme \"%1\" (http or https expected)").arg(url.scheme());
        return setup;
    }
    if (!isValidBearerToken(options.bearerToken)) {
        setup.error = QStringLiteral("the bearer token holds invalid characters");
        return setup;
    }
    if (!options.bearerToken.isEmpty() && !secure && !isLoopbackHost(url.host())) {
        setup.error = QStringLiteral("refusing to send the bearer token unencrypted to %1: use https://")
                          .arg(url.host());
        return setup;
    }
    const bool basic = !options.basicUser.isEmpty();
    if (basic && !options.bearerToken.isEmpty()) {
        setup.error = QStringLiteral("either a bearer token or a user and password, not both");
        return setup;
    }
    const QByteArray basicPair = options.basicUser.toUtf8() + ':' + options.basicPassword.toUtf8();
    if (basic && (options.basicUser.contains(QLatin1Char(':')) || !isSafeHeaderValue(basicPair))) {
        setup.error = QStringLiteral("the user or the password holds invalid characters");
        return setup;
    }
    if (basic && !secure && !isLoopbackHost(url.host())) {
        setup.error =
            QStringLiteral("refusing to send the password unencrypted to %1: use https://").arg(url.host());
        return setup;
    }

    QNetworkRequest &request = setup.request;
    request.setUrl(url);
    if (secure) {
#ifndef QT_NO_SSL
        QSslConfiguration config;
        const TlsSetup tls = makeSslConfiguration(options.tls, config);
        if (!tls.ok) {
            setup.error = tls.error;
            return setup;
        }
        request.setSslConfiguration(config);
#else
        setup.error = QStringLiteral("https is not available: this build has no TLS support");
        return setup;
#endif
    }
    request.setRawHeader(QByteArrayLiteral("Accept"), options.accept);
    request.setRawHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    if (!options.bearerToken.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + options.bearerToken);
    if (basic)
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Basic ") + basicPair.toBase64());
    if (options.longLived)
        request.setRawHeader(QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("identity"));
    // One request per connection, in the order sent: an HTTP/2 upgrade would only add a failure mode.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxRedirects);
    return setup;
}

bool isLoopbackHost(const QString &host)
{
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           QHostAddress(host).isLoopback();
}

bool isSafeHeaderValue(QByteArrayView value)
{
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return false;
    }
    return true;
}

QString credentialRefusal(int statusCode)
{
    if (statusCode == 401)
        return QStringLiteral("the server refused the credentials (HTTP 401 Unauthorized): check the "
                              "bearer token (--token-file, --token-keychain or VANTAGE_TOKEN)");
    if (statusCode == 407)
        return QStringLiteral("the proxy refused the credentials (HTTP 407 Proxy Authentication Required)");
    return {};
}

QString describeHttpStatus(int statusCode)
{
    // RFC 9110's phrases; the server's own phrase is free text and is not shown.
    const char *phrase = nullptr;
    switch (statusCode) {
    case 200: phrase = "OK"; break;
    case 201: phrase = "Created"; break;
    case 202: phrase = "Accepted"; break;
    case 204: phrase = "No Content"; break;
    case 206: phrase = "Partial Content"; break;
    case 300: phrase = "Multiple Choices"; break;
    case 301: phrase = "Moved Permanently"; break;
    case 302: phrase = "Found"; break;
    case 303: phrase = "See Other"; break;
    case 304: phrase = "Not Modified"; break;
    case 307: phrase = "Temporary Redirect"; break;
    case 308: phrase = "Permanent Redirect"; break;
    case 400: phrase = "Bad Request"; break;
    case 401: phrase = "Unauthorized"; break;
    case 403: phrase = "Forbidden"; break;
    case 404: phrase = "Not Found"; break;
    case 405: phrase = "Method Not Allowed"; break;
    case 406: phrase = "Not Acceptable"; break;
    case 407: phrase = "Proxy Authentication Required"; break;
    case 408: phrase = "Request Timeout"; break;
    case 409: phrase = "Conflict"; break;
    case 410: phrase = "Gone"; break;
    case 429: phrase = "Too Many Requests"; break;
    case 500: phrase = "Internal Server Error"; break;
    case 501: phrase = "Not Implemented"; break;
    case 502: phrase = "Bad Gateway"; break;
    case 503: phrase = "Service Unavailable"; break;
    case 504: phrase = "Gateway Timeout"; break;
    default: break;
    }
    const QString code = QStringLiteral("HTTP ") + QString::number(statusCode);
    return phrase ? code + QLatin1Char(' ') + QLatin1String(phrase) : code;
}

QString describeNetworkError(QNetworkReply::NetworkError error, const QString &detail)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError: return QStringLiteral("connection refused");
    case QNetworkReply::RemoteHostClosedError: return QStringLiteral("remote host closed the connection");
    case QNetworkReply::HostNotFoundError: return QStringLiteral("host not found");
    case QNetworkReply::TimeoutError: return QStringLiteral("socket timeout");
    case QNetworkReply::SslHandshakeFailedError: return QStringLiteral("TLS handshake failed: ") + detail;
    case QNetworkReply::InsecureRedirectError:
        return QStringLiteral("redirect refused: only redirects within the same origin are followed");
    case QNetworkReply::TooManyRedirectsError:
        return QStringLiteral("too many redirects (more than %1)").arg(kMaxRedirects);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError: return QStringLiteral("network error: ") + detail;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError: return QStringLiteral("proxy error: ") + detail;
    default: break;
    }
    return detail.isEmpty() ? QStringLiteral("network error %1").arg(int(error)) : detail;
}

QString withoutSecrets(QString text, const QUrl &url, QByteArrayView token)
{
    if (url.isValid()) {
        const QString shown = redactUrl(url);
        for (const QString &form : {url.toString(QUrl::FullyEncoded), url.toString()}) {
            if (form != shown)
                text.replace(form, shown);
        }
    }
    if (!token.isEmpty())
        text.replace(QString::fromLatin1(token), QStringLiteral("***"));
    return text;
}

} // namespace vantage
