#include "feed/WebSocketSource.h"

#include "feed/FeedLogging.h"
#include "feed/FrameSink.h"
#include "feed/HttpRequestSetup.h"
#include "feed/TlsOptions.h"
#include "feed/TokenSource.h"

#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QWebSocket>
#ifndef QT_NO_SSL
#include <QSslConfiguration>
#include <QSslError>
#endif

#include <utility>

namespace vantage {

namespace {

// Received bytes the socket holds ahead of decoding: a few milliseconds of a busy stream.
constexpr qint64 kReadAheadBytes = 1 << 20;

QString describeClose(int code, const CloseRule &rule, const QString &closeReason)
{
    QString text = QString::number(code) + QLatin1Char(' ') + rule.name;
    if (!closeReason.isEmpty())
        text += QStringLiteral(": ") + closeReason;
    return text;
}

// Qt's handshake diagnostics carry an internal function name; the operator needs the rest.
QString withoutQtPrefix(QString message)
{
    static const QLatin1String prefixes[] = {
        QLatin1String("QWebSocketPrivate::processHandshake: "),
        QLatin1String("QWebSocket::processHandshake: "),
    };
    for (const QLatin1String &prefix : prefixes) {
        if (message.startsWith(prefix))
            message.remove(0, prefix.size());
    }
    return message;
}

// The HTTP status Qt names when it refuses an upgrade ("Unhandled http status code: 401 ..."),
// 0 when the message has none. Qt 6.4 offers the status no other way.
int handshakeStatus(const QString &detail)
{
    static const QRegularExpression pattern(QStringLiteral("status code:? (\\d{3})"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(detail);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

WebSocketSource::WebSocketSource(WebSocketOptions options, QObject *parent)
    : RetryingSource(QStringLiteral("websocket"), options.url, options.bearerToken, options.reconnect, parent)
    , m_options(std::move(options))
    , m_heartbeatTimer(new QTimer(this))
    , m_connectTimer(new QTimer(this))
{
    m_connectTimer->setSingleShot(true);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &WebSocketSource::onHeartbeat);
    connect(m_connectTimer, &QTimer::timeout, this, &WebSocketSource::onConnectTimeout);
}

WebSocketSource::~WebSocketSource()
{
    dropTransport();
}

bool WebSocketSource::sendText(const QByteArray &text)
{
    if (!m_socket || !isLive())
        return false;
    return m_socket->sendTextMessage(QString::fromUtf8(text)) == text.size();
}

void WebSocketSource::connectTransport()
{
    const QUrl &url = m_options.url;
    if (url.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        enterError(QStringLiteral("invalid URL"));
        return;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) {
        enterError(QStringLiteral("unsupported URL scheme \"%1\" (ws or wss expected)").arg(url.scheme()));
        return;
    }
    if (!isValidBearerToken(m_options.bearerToken)) {
        enterError(QStringLiteral("the bearer token holds invalid characters"));
        return;
    }
    if (!m_options.bearerToken.isEmpty() && scheme == QLatin1String("ws") && !isLoopbackHost(url.host())) {
        enterError(QStringLiteral("refusing to send the bearer token unencrypted to %1: use wss://")
                       .arg(url.host()));
        return;
    }

#ifndef QT_NO_SSL
    QSslConfiguration sslConfiguration;
    if (scheme == QLatin1String("wss")) {
        if (const TlsSetup tls = makeSslConfiguration(m_options.tls, sslConfiguration); !tls.ok) {
            enterError(tls.error);
            return;
        }
    }
#endif

    dropTransport();
    m_pendingError.clear();
    m_fallbackReason.clear();
    m_credentialsRefused = false;
    setTransportRefused(false);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Qt refuses anything past this on the wire (close 1009); onFrame skips what is past the limit.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxFrameBytes) * 4);
    // Read no further ahead of the decoder than this: past it the kernel's buffers fill and TCP
    // slows the server down, instead of the stream piling up in this process without bound.
    m_socket->setReadBufferSize(kReadAheadBytes);
    connect(m_socket, &QWebSocket::connected, this, &WebSocketSource::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketSource::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &WebSocketSource::onSocketError);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        // Reuse one buffer: Qt hands text frames over as QString, the sink wants UTF-8.
        m_utf8.resize(m_encoder.requiredSpace(message.size()));
        char *end = m_encoder.appendToBuffer(m_utf8.data(), message);
        m_utf8.truncate(end - m_utf8.constData());
        onFrame(m_utf8);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &message) { onFrame(message); });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastActivityMs = monotonicMs(); });
#ifndef QT_NO_SSL
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Not ignored on purpose: the attempt fails and the reason says why.
        if (m_pendingError.isEmpty() && !errors.isEmpty())
            m_pendingError = QStringLiteral("TLS error: ") + errors.first().errorString();
    });
#endif

    // Resume where the pipeline left off: the server replays what was missed or sends a snapshot.
    const ResumePoint resume = resumePoint();
    QNetworkRequest request(resume.isValid() ? resume.addedTo(url) : url);
#ifndef QT_NO_SSL
    // QWebSocket takes its TLS settings from the socket, not from the request.
    if (scheme == QLatin1String("wss"))
        m_socket->setSslConfiguration(sslConfiguration);
#endif
    if (!m_options.bearerToken.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_options.bearerToken);

    announceAttempt();
    if (m_options.connectTimeoutMs > 0)
        m_connectTimer->start(m_options.connectTimeoutMs);
    m_socket->open(request);
}

void WebSocketSource::onConnected()
{
    m_connectTimer->stop();
    m_lastActivityMs = monotonicMs();
    if (m_options.heartbeatMs > 0)
        m_heartbeatTimer->start(m_options.heartbeatMs);
    qCInfo(lcFeed) << "connected to" << displayUrl();
    enterLive();
}

void WebSocketSource::onDisconnected()
{
    const QWebSocketProtocol::CloseCode code = m_socket->closeCode();
    const QString closeReason = m_socket->closeReason();
    const bool closeFrame = (code != QWebSocketProtocol::CloseCodeNormal
                             && code != QWebSocketProtocol::CloseCodeAbnormalDisconnection)
        || !closeReason.isEmpty();
    if (!closeFrame && !(isLive() && m_pendingError.isEmpty())) {
        // A refused connection reports disconnected() before the error that explains it.
        finishAttemptLater(isLive() ? QStringLiteral("connection lost")
                                  : QStringLiteral("connection closed during the handshake"));
        return;
    }
    // Qt closes with these itself when a frame breaks the rules; either way a frame was refused.
    if (FrameSink *s = sink()) {
        if (code == QWebSocketProtocol::CloseCodeWrongDatatype)
            s->onFrameRejected(QLatin1String("invalid_utf8"));
        else if (code == QWebSocketProtocol::CloseCodeTooMuchData)
            s->onFrameRejected(QLatin1String("oversized_frame"));
    }
    const bool hidden = isHiddenCloseCode(int(code), closeReason);
    const CloseRule rule = hidden ? hiddenCloseCodeRule() : closeRuleFor(int(code));
    const CloseAction action = rule.action;
    const QString description = hidden ? QString(rule.name) : describeClose(int(code), rule, closeReason);
    if (action == CloseAction::Stop) {
        enterError(QStringLiteral("rejected by server (%1)").arg(description));
        return;
    }
    fail(QStringLiteral("remote closed (%1)").arg(description), action);
}

void WebSocketSource::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_pendingError.isEmpty())
        m_pendingError = describeSocketError(error);
    // Not every error is followed by disconnected(); end the attempt unless it already ended.
    finishAttemptLater(QString());
}

void WebSocketSource::finishAttemptLater(const QString &fallbackReason)
{
    if (m_fallbackReason.isEmpty())
        m_fallbackReason = fallbackReason;
    const quint64 generation = m_socketGeneration;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (!m_socket || generation != m_socketGeneration)
                return;
            if (m_credentialsRefused)
                enterError(m_pendingError);
            else
                fail(m_pendingError.isEmpty() ? m_fallbackReason : m_pendingError);
        },
        Qt::QueuedConnection);
}

void WebSocketSource::onHeartbeat()
{
    if (!m_socket || !isLive())
        return;
    const qint64 silentMs = monotonicMs() - m_lastActivityMs;
    if (silentMs * 2 >= qint64(m_options.heartbeatMs) * 5) {
        fail(QStringLiteral("stale: no data for %1 s").arg(double(silentMs) / 1000.0, 0, 'f', 1));
        return;
    }
    m_socket->ping();
}

void WebSocketSource::onConnectTimeout()
{
    if (m_socket && !isLive())
        fail(QStringLiteral("connect timeout after %1 s").arg(double(m_options.connectTimeoutMs) / 1000.0, 0, 'f', 1));
}

void WebSocketSource::onFrame(QByteArrayView bytes)
{
    m_lastActivityMs = monotonicMs();
    FrameSink *s = sink();
    if (!s)
        return;
    if (bytes.size() > m_options.maxFrameBytes)
        s->onFrameRejected(QLatin1String("oversized_frame"));
    else
        s->onFrame({bytes, nowMs(), QLatin1String("websocket")});
}

void WebSocketSource::closeTransport()
{
    if (m_socket && isLive()) {
        // No abort, so the close frame is sent.
        ++m_socketGeneration;
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    dropTransport();
}

void WebSocketSource::dropTransport()
{
    m_heartbeatTimer->stop();
    m_connectTimer->stop();
    if (!m_socket)
        return;
    ++m_socketGeneration;
    QObject::disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

QString WebSocketSource::describeSocketError(QAbstractSocket::SocketError error)
{
    const QString detail = m_socket ? withoutQtPrefix(m_socket->errorString()) : QString();
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        // Qt reports a rejected upgrade (e.g. HTTP 401) under the same code as a refused port.
        if (detail.contains(QLatin1String("handshake"), Qt::CaseInsensitive)
            || detail.contains(QLatin1String("status"), Qt::CaseInsensitive)) {
            if (const QString refusal = credentialRefusal(handshakeStatus(detail)); !refusal.isEmpty()) {
                m_credentialsRefused = true;
                return refusal;
            }
            setTransportRefused(true);
            return QStringLiteral("handshake failed: ") + detail;
        }
        return QStringLiteral("connection refused");
    case QAbstractSocket::RemoteHostClosedError: return QStringLiteral("remote host closed the connection");
    case QAbstractSocket::HostNotFoundError: return QStringLiteral("host not found");
    case QAbstractSocket::SocketTimeoutError: return QStringLiteral("socket timeout");
    case QAbstractSocket::NetworkError: return QStringLiteral("network error: ") + detail;
    case QAbstractSocket::SslHandshakeFailedError: return QStringLiteral("TLS handshake failed: ") + detail;
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyAuthenticationRequiredError: return QStringLiteral("proxy error: ") + detail;
    default: break;
    }
    return detail.isEmpty() ? QStringLiteral("socket error %1").arg(int(error)) : detail;
}

} // namespace vantage
