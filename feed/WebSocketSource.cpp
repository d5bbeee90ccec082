#include "feed/WebSocketSource.h"

#include "feed/FeedLogging.h"
#include "feed/FrameSink.h"
#include "feed/HttpRequestSetup.h"
#include "feed/TlsOptions.h"
#include "feed/TokenSource.h"
#include "feed/UrlRedaction.h"

#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>
#ifndef QT_NO_SSL
#include <QSslConfiguration>
#include <QSslError>
#endif

#include <limits>
#include <utility>

namespace vantage {

namespace {

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

} // namespace

WebSocketSource::WebSocketSource(WebSocketOptions options, QObject *parent)
    : FrameSource(parent)
    , m_options(std::move(options))
    , m_displayUrl(redactUrl(m_options.url))
    , m_policy(m_options.reconnect)
    , m_retryTimer(new QTimer(this))
    , m_heartbeatTimer(new QTimer(this))
    , m_connectTimer(new QTimer(this))
{
    m_monotonic.start();
    m_status.transport = QStringLiteral("websocket");
    m_retryTimer->setSingleShot(true);
    m_connectTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &WebSocketSource::attemptConnect);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &WebSocketSource::onHeartbeat);
    connect(m_connectTimer, &QTimer::timeout, this, &WebSocketSource::onConnectTimeout);
}

WebSocketSource::~WebSocketSource()
{
    dropSocket();
}

void WebSocketSource::setNowFn(NowFn now)
{
    m_now = now ? std::move(now) : NowFn(systemNowMs);
}

void WebSocketSource::setRandomFn(ReconnectPolicy::RandomFn random)
{
    m_random = std::move(random);
}

void WebSocketSource::start()
{
    if (m_running)
        return;
    m_running = true;
    m_policy = ReconnectPolicy(m_options.reconnect, m_random);
    m_status.reason.clear();
    attemptConnect();
}

void WebSocketSource::stop()
{
    const bool wasActive = m_running || m_socket;
    m_running = false;
    m_retryTimer->stop();
    if (m_socket && m_live) {
        m_policy.onDisconnected(m_monotonic.elapsed());
        // A clean close tells the server this client left on purpose; no abort, so it is sent.
        ++m_socketGeneration;
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    dropSocket();
    if (wasActive)
        setStatus(ConnectionState::Idle, QString());
}

bool WebSocketSource::sendText(const QByteArray &text)
{
    if (!m_socket || !m_live)
        return false;
    return m_socket->sendTextMessage(QString::fromUtf8(text)) == text.size();
}

void WebSocketSource::reconnectNow()
{
    if (!m_running || m_socket)
        return;
    attemptConnect();
}

void WebSocketSource::attemptConnect()
{
    m_retryTimer->stop();
    if (!m_running || !m_policy.beginAttempt())
        return;
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

    dropSocket();
    m_pendingError.clear();
    m_fallbackReason.clear();
    m_transportRefused = false;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Qt refuses anything past this on the wire (close 1009); onFrame skips what is past the limit.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxFrameBytes) * 4);
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
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastActivityMs = m_monotonic.elapsed(); });
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

    qCDebug(lcFeed) << "connecting to" << m_displayUrl << "attempt" << m_policy.attempt();
    setStatus(ConnectionState::Connecting, m_status.reason);
    if (m_options.connectTimeoutMs > 0)
        m_connectTimer->start(m_options.connectTimeoutMs);
    m_socket->open(request);
}

void WebSocketSource::onConnected()
{
    m_connectTimer->stop();
    m_live = true;
    m_policy.onConnected(m_monotonic.elapsed());
    if (m_connectedBefore)
        ++m_reconnects;
    m_connectedBefore = true;
    m_lastActivityMs = m_monotonic.elapsed();
    if (m_options.heartbeatMs > 0)
        m_heartbeatTimer->start(m_options.heartbeatMs);
    qCInfo(lcFeed) << "connected to" << m_displayUrl;
    setStatus(ConnectionState::Live, QString());
}

void WebSocketSource::onDisconnected()
{
    const QWebSocketProtocol::CloseCode code = m_socket->closeCode();
    const QString closeReason = m_socket->closeReason();
    const bool closeFrame = (code != QWebSocketProtocol::CloseCodeNormal
                             && code != QWebSocketProtocol::CloseCodeAbnormalDisconnection)
        || !closeReason.isEmpty();
    if (!closeFrame && !(m_live && m_pendingError.isEmpty())) {
        // A refused connection reports disconnected() before the error that explains it.
        finishAttemptLater(m_live ? QStringLiteral("connection lost")
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
            if (m_socket && generation == m_socketGeneration)
                fail(m_pendingError.isEmpty() ? m_fallbackReason : m_pendingError);
        },
        Qt::QueuedConnection);
}

void WebSocketSource::onHeartbeat()
{
    if (!m_socket || !m_live)
        return;
    const qint64 silentMs = m_monotonic.elapsed() - m_lastActivityMs;
    if (silentMs * 2 >= qint64(m_options.heartbeatMs) * 5) {
        fail(QStringLiteral("stale: no data for %1 s").arg(double(silentMs) / 1000.0, 0, 'f', 1));
        return;
    }
    m_socket->ping();
}

void WebSocketSource::onConnectTimeout()
{
    if (m_socket && !m_live)
        fail(QStringLiteral("connect timeout after %1 s").arg(double(m_options.connectTimeoutMs) / 1000.0, 0, 'f', 1));
}

void WebSocketSource::onFrame(QByteArrayView bytes)
{
    m_lastActivityMs = m_monotonic.elapsed();
    FrameSink *s = sink();
    if (!s)
        return;
    if (bytes.size() > m_options.maxFrameBytes)
        s->onFrameRejected(QLatin1String("oversized_frame"));
    else
        s->onFrame({bytes, m_now(), QLatin1String("websocket")});
}

void WebSocketSource::fail(const QString &reason, CloseAction action)
{
    const bool wasLive = m_live;
    dropSocket();
    if (!m_running)
        return;
    qint64 delayMs = 0;
    switch (action) {
    case CloseAction::PersistentFailure:
        m_policy.onPersistentFailure();
        delayMs = m_policy.nextDelayMs();
        break;
    case CloseAction::RestartOrBusy:
        m_policy.onPersistentFailure();
        delayMs = m_policy.isOffline() ? m_policy.nextDelayMs() : m_policy.restartDelayMs();
        break;
    case CloseAction::OpenBreaker:
        m_policy.onServerBusy();
        delayMs = m_policy.nextDelayMs();
        break;
    case CloseAction::RestartDelay:
    case CloseAction::Reconnect:
    case CloseAction::Backoff:
    case CloseAction::Stop:
        if (wasLive)
            m_policy.onDisconnected(m_monotonic.elapsed());
        else
            m_policy.onAttemptFailed();
        delayMs = action == CloseAction::RestartDelay ? m_policy.restartDelayMs() : m_policy.nextDelayMs();
        break;
    }
    const ConnectionState state = m_policy.isOffline() ? ConnectionState::Offline : ConnectionState::Reconnecting;
    const QString safeReason = withoutSecrets(reason);
    qCWarning(lcFeed).noquote() << m_displayUrl << safeReason << "- retrying in" << delayMs << "ms";
    setStatus(state, safeReason, m_now() + delayMs);
    m_retryTimer->start(int(qMin<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void WebSocketSource::enterError(const QString &reason)
{
    if (m_live)
        m_policy.onDisconnected(m_monotonic.elapsed());
    dropSocket();
    m_retryTimer->stop();
    const QString safeReason = withoutSecrets(reason);
    qCWarning(lcFeed).noquote() << m_displayUrl << safeReason << "- not retrying";
    setStatus(ConnectionState::Error, safeReason);
}

void WebSocketSource::dropSocket()
{
    m_heartbeatTimer->stop();
    m_connectTimer->stop();
    m_live = false;
    if (!m_socket)
        return;
    ++m_socketGeneration;
    QObject::disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void WebSocketSource::setStatus(ConnectionState state, const QString &reason, qint64 retryAtMs)
{
    m_status.state = state;
    m_status.reason = withoutSecrets(reason);
    m_status.retryAtMs = retryAtMs;
    m_status.attempt = m_policy.attempt();
    m_status.sinceMs = m_now();
    m_status.breaker = m_policy.breakerState();
    m_status.transportRefused = m_transportRefused;
    Q_EMIT statusChanged(m_status);
}

QString WebSocketSource::describeSocketError(QAbstractSocket::SocketError error)
{
    const QString detail = m_socket ? withoutQtPrefix(m_socket->errorString()) : QString();
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        // Qt reports a rejected upgrade (e.g. HTTP 401) under the same code as a refused port.
        if (detail.contains(QLatin1String("handshake"), Qt::CaseInsensitive)
            || detail.contains(QLatin1String("status"), Qt::CaseInsensitive)) {
            m_transportRefused = true;
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

QString WebSocketSource::withoutSecrets(QString text) const
{
    // Belt and braces: a server could echo the token back in a close reason or error page.
    if (!m_options.bearerToken.isEmpty())
        text.replace(QString::fromLatin1(m_options.bearerToken), QStringLiteral("***"));
    return text;
}

} // namespace vantage
