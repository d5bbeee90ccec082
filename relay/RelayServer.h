#pragma once

#include "feed/Decoder.h"
#include "feed/Message.h"
#include "feed/ResumePoint.h"
#include "relay/RelayClient.h"
#include "relay/RelayMetrics.h"
#include "relay/RelayOptions.h"
#include "relay/RelayState.h"
#include "relay/ResumeBuffer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <optional>
#include <vector>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;
class QTimer;

namespace vantage {

class RelayHttpServer;

// The companion server: protocol v1 over WebSocket and Server-Sent Events on one port
// (docs/relay.md). Every published message gets the next seq, is encoded once, kept in the
// resume buffer, applied to the snapshot state and sent to every client. Lives on one thread.
class RelayServer final : public QObject
{
    Q_OBJECT
public:
    explicit RelayServer(RelayOptions options, QObject *parent = nullptr);
    ~RelayServer() override;

    // Starts listening on options.address and options.port; on failure *error names the cause.
    bool listen(QString *error);
    bool isListening() const;
    // The port listened on (the chosen one when options.port was 0); 0 when not listening.
    quint16 port() const;
    QString epoch() const { return m_epoch; }
    // The seq of the newest message; firstSeq - 1 before the first one.
    qint64 lastSeq() const { return m_lastSeq; }
    // Stops listening and aborts every connection at once, as a crash would.
    void close();

    // Sends `message` to every client as the next seq (its own seq is replaced; tsMs 0 means
    // now) and returns that seq. Connection-level kinds (hello, ping, pong) are not published: -1.
    qint64 publish(Message message);

    // Connected clients of one transport ("websocket", "sse"), or of both when empty.
    int clientCount(QStringView transport = {}) const;
    // Messages written to clients, counted per client (hello, snapshots and replays included).
    quint64 messagesSent() const { return m_messagesSent; }
    // Resume requests answered from the buffer alone.
    quint64 resumesServed() const { return m_resumesServed; }
    // Resume requests answered with a snapshot: the epoch differed or the buffer did not reach back.
    quint64 resumesMissed() const { return m_resumesMissed; }
    // Clients dropped because their unsent bytes passed options.maxClientBacklogBytes.
    quint64 clientsDropped() const { return m_clientsDropped; }
    // The unsent bytes of the client furthest behind; 0 without clients.
    qint64 largestBacklogBytes() const;
    // Everything above, and more, as `/metrics` serves it in the Prometheus text format.
    RelayMetrics metrics() const;

    // The current state as a snapshot message with seq = lastSeq(), encoded.
    QByteArray snapshotFrame();

Q_SIGNALS:
    void clientConnected(const QString &transport);
    void clientDisconnected(const QString &transport);

private:
    void onWebSocketConnections();
    void onHttpRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void startSse(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void replyHealth(QHttpServerResponder &responder);
    // Registers a new client and sends hello, then the replay or a snapshot.
    void admit(RelayClient *client, const std::optional<ResumePoint> &resume);
    void sendTo(RelayClient *client, qint64 seq, const QByteArray &json);
    void onClientFrame(RelayClient *client, const QByteArray &frame);
    void onClientClosed(RelayClient *client);
    // An operator's acknowledgement from a client: published to every client when it names an
    // open alert and an operator, else refused with a warning.
    void acceptAck(const AlertAckInfo &ack, qint64 nowMs);
    void broadcast(qint64 seq, const QByteArray &json);
    void dropSlowClients();
    // Flushes every client once the current burst of publishing is over (see flushClients).
    void scheduleFlush();
    void flushClients();
    // Calls fn for each client; clients that close meanwhile leave the list only afterwards.
    template <typename Fn> void forEachClient(Fn &&fn)
    {
        m_broadcasting = true;
        for (RelayClient *client : m_clients) {
            if (client)
                fn(client);
        }
        m_broadcasting = false;
        std::erase(m_clients, nullptr);
    }
    void sendKeepAlives();
    QByteArray helloFrame() const;

    RelayOptions m_options;
    QString m_epoch;
    qint64 m_lastSeq;
    ResumeBuffer m_buffer;
    RelayState m_state;
    Decoder m_decoder; // reads what clients send (pings)

    QPointer<RelayHttpServer> m_http;
    QPointer<QTcpServer> m_tcpServer;
    QTimer *m_keepAliveTimer;

    std::vector<RelayClient *> m_clients;
    std::vector<RelayClient *> m_slowClients; // found during a broadcast, dropped after it
    int m_webSocketClients = 0;
    int m_sseClients = 0;
    bool m_broadcasting = false; // m_clients must not change while a broadcast walks it
    bool m_flushScheduled = false;

    qint64 m_snapshotSeq = -1; // the seq m_snapshotFrame was encoded at
    qint64 m_snapshotAtMs = 0; // and when
    QByteArray m_snapshotFrame;

    quint64 m_messagesSent = 0;
    quint64 m_resumesServed = 0;
    quint64 m_resumesMissed = 0;
    quint64 m_clientsDropped = 0;
    quint64 m_droppedBytes = 0;
    quint64 m_messagesPublished = 0;
    QElapsedTimer m_listening; // since listen() succeeded
};

} // namespace vantage
