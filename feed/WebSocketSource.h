#pragma once

#include "feed/Clock.h"
#include "feed/CloseCodeAction.h"
#include "feed/FrameSource.h"
#include "feed/ReconnectPolicy.h"
#include "feed/WebSocketOptions.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QStringEncoder>

class QTimer;
class QWebSocket;

namespace vantage {

// The live feed over WebSocket. Lives on the worker thread: delivers every text or binary
// message to the sink, pings to detect stale connections, and reconnects by itself with
// ReconnectPolicy's backoff until stop().
class WebSocketSource final : public FrameSource
{
    Q_OBJECT
public:
    explicit WebSocketSource(WebSocketOptions options, QObject *parent = nullptr);
    ~WebSocketSource() override;

    // Wall clock for receive times and retryAtMs; systemNowMs by default.
    void setNowFn(NowFn now);
    // Randomness for the backoff jitter (tests fix it); takes effect on the next start().
    void setRandomFn(ReconnectPolicy::RandomFn random);

    void start() override;
    void stop() override;
    bool sendText(const QByteArray &text) override;

    // Skips the current wait (Reconnecting, Offline or Error) and tries at once.
    void reconnectNow() override;

    // Successful connections after the first.
    int reconnects() const { return m_reconnects; }
    const ConnectionStatus &status() const { return m_status; }

private:
    void attemptConnect();
    void onConnected();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    // Ends the attempt on the next event loop pass, once any pending error has been reported.
    void finishAttemptLater(const QString &fallbackReason);
    void onHeartbeat();
    void onConnectTimeout();
    void onFrame(QByteArrayView bytes);
    // Ends the current attempt or connection and schedules the next one as `action` says.
    void fail(const QString &reason, CloseAction action = CloseAction::Backoff);
    void enterError(const QString &reason);
    void dropSocket();
    void setStatus(ConnectionState state, const QString &reason, qint64 retryAtMs = 0);
    QString describeSocketError(QAbstractSocket::SocketError error);
    QString withoutSecrets(QString text) const;

    WebSocketOptions m_options;
    QString m_displayUrl;
    NowFn m_now = systemNowMs;
    ReconnectPolicy::RandomFn m_random;
    ReconnectPolicy m_policy;
    QElapsedTimer m_monotonic;
    QWebSocket *m_socket = nullptr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_heartbeatTimer = nullptr;
    QTimer *m_connectTimer = nullptr;
    ConnectionStatus m_status;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    QByteArray m_utf8;           // reused for every text frame
    QString m_pendingError;      // the socket's error, reported once the attempt ends
    QString m_fallbackReason;    // used when the attempt ends without an error
    quint64 m_socketGeneration = 0;
    qint64 m_lastActivityMs = 0; // monotonic: last frame or pong
    bool m_running = false;
    bool m_live = false;
    bool m_connectedBefore = false;
    bool m_transportRefused = false; // this attempt got an HTTP answer instead of an upgrade
    int m_reconnects = 0;
};

} // namespace vantage
