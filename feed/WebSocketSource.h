#pragma once

#include "feed/RetryingSource.h"
#include "feed/WebSocketOptions.h"

#include <QAbstractSocket>
#include <QStringEncoder>

class QTimer;
class QWebSocket;

namespace vantage {

// The live feed over WebSocket. Lives on the worker thread: delivers every text or binary
// message to the sink, pings to detect stale connections, and reconnects by itself with
// ReconnectPolicy's backoff (RetryingSource) until stop(). Close codes decide how the policy
// counts a closed connection (CloseCodeAction.h).
class WebSocketSource final : public RetryingSource
{
    Q_OBJECT
public:
    explicit WebSocketSource(WebSocketOptions options, QObject *parent = nullptr);
    ~WebSocketSource() override;

    bool sendText(const QByteArray &text) override;

    // Successful connections after the first.
    using RetryingSource::reconnects;

private:
    void connectTransport() override;
    void dropTransport() override;
    // A live connection gets a normal close, so the server knows this client left on purpose.
    void closeTransport() override;
    bool hasTransport() const override { return m_socket != nullptr; }
    void onConnected();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    // Ends the attempt on the next event loop pass, once any pending error has been reported.
    void finishAttemptLater(const QString &fallbackReason);
    void onHeartbeat();
    void onConnectTimeout();
    void onFrame(QByteArrayView bytes);
    QString describeSocketError(QAbstractSocket::SocketError error);

    WebSocketOptions m_options;
    QWebSocket *m_socket = nullptr;
    QTimer *m_heartbeatTimer = nullptr;
    QTimer *m_connectTimer = nullptr;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    QByteArray m_utf8;        // reused for every text frame
    QString m_pendingError;   // the socket's error, reported once the attempt ends
    QString m_fallbackReason; // used when the attempt ends without an error
    bool m_credentialsRefused = false; // the upgrade got 401/407: no retry until reconnectNow()
    quint64 m_socketGeneration = 0;
    qint64 m_lastActivityMs = 0; // monotonic: last frame or pong
};

} // namespace vantage
