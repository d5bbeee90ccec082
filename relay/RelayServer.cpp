#include "relay/RelayServer.h"

#include "feed/MessageEncoder.h"
#include "relay/LowDelayServer.h"
#include "relay/RelayHttpServer.h"
#include "relay/RelayLogging.h"
#include "relay/SseClient.h"
#include "relay/WebSocketClient.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#endif

#include <algorithm>
#include <memory>

namespace vantage {

namespace {

const QByteArray kContentType = QByteArrayLiteral("Content-Type");
const QByteArray kJsonType = QByteArrayLiteral("application/json");
const QByteArray kTextType = QByteArrayLiteral("text/plain; charset=utf-8");
// A snapshot is re-encoded after every publish; while nothing changes, clients connecting in
// a burst share one, as long as its time stays recent.
constexpr qint64 kSnapshotReuseMs = 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString newEpoch()
{
    const quint64 bits = QRandomGenerator::global()->generate64() & Q_UINT64_C(0xffffffffffff);
    return QStringLiteral("r-") + QString::number(bits, 16).rightJustified(12, QLatin1Char('0'));
}

// One SSE event: "id: E:SEQ" when the message has a seq, then the frame as a single data
// line (encoded frames escape every newline, so one line always holds them).
QByteArray sseEvent(const QString &epoch, qint64 seq, const QByteArray &json)
{
    QByteArray event;
    event.reserve(json.size() + epoch.size() + 40);
    if (seq >= 0) {
        event += "id: ";
        event += ResumePoint{epoch, seq}.toEventId();
        event += '\n';
    }
    event += "data: ";
    event += json;
    event += "\n\n";
    return event;
}

bool prefersJson(const QByteArray &accept)
{
    return accept.contains("application/json") && !accept.contains("text/event-stream");
}

// State answers must not be cached: they are stale a moment later.
void replyJson(QHttpServerResponder &responder, const QByteArray &json)
{
    responder.write(json, {{kContentType, kJsonType},
                           {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")}});
}

void replyText(QHttpServerResponder &responder, QHttpServerResponder::StatusCode status,
               const QByteArray &text)
{
    responder.write(text, {{kContentType, kTextType}}, status);
}

#if QT_CONFIG(ssl)
// The TLS configuration from PEM files; nullopt with *error set when either is unusable.
std::optional<QSslConfiguration> loadTls(const QString &certFile, const QString &keyFile, QString *error)
{
    QFile cert(certFile);
    if (!cert.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS certificate %1: %2").arg(certFile, cert.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(certFile);
        return std::nullopt;
    }
    QFile keyDevice(keyFile);
    if (!keyDevice.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS key %1: %2").arg(keyFile, keyDevice.errorString());
        return std::nullopt;
    }
    const QByteArray keyPem = keyDevice.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("no usable PEM private key (RSA, EC or DSA, unencrypted) in %1").arg(keyFile);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}
#endif

} // namespace

RelayServer::RelayServer(RelayOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_epoch(m_options.epoch.isEmpty() ? newEpoch() : m_options.epoch)
    , m_lastSeq(qMax<qint64>(m_options.firstSeq, 0) - 1)
    , m_buffer(m_options.bufferSize)
    , m_keepAliveTimer(new QTimer(this))
{
    connect(m_keepAliveTimer, &QTimer::timeout, this, &RelayServer::sendKeepAlives);
}

RelayServer::~RelayServer()
{
    // The clients' closed() handlers use members that are gone once ~QObject deletes the
    // children, so the clients go first, quietly, then the HTTP server with its sockets.
    for (RelayClient *client : m_clients) {
        if (client) {
            disconnect(client, nullptr, this, nullptr);
            delete client;
        }
    }
    m_clients.clear();
    delete m_http;
}

bool RelayServer::listen(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (m_http) {
        *error = QStringLiteral("already listening on port %1").arg(port());
        return false;
    }
    const bool tlsCert = !m_options.tlsCertFile.isEmpty();
    const bool tlsKey = !m_options.tlsKeyFile.isEmpty();
    if (tlsCert != tlsKey) {
        *error = QStringLiteral("TLS needs both a certificate and a key file");
        return false;
    }
    std::unique_ptr<QTcpServer> tcp;
    if (tlsCert) {
#if QT_CONFIG(ssl)
        // Our own QSslServer rather than sslSetup() + QAbstractHttpServer::listen(): that
        // listen() reports a failure only as port 0, and the caller needs the reason.
        const std::optional<QSslConfiguration> tls =
            loadTls(m_options.tlsCertFile, m_options.tlsKeyFile, error);
        if (!tls)
            return false;
        auto ssl = std::make_unique<LowDelayServer<QSslServer>>();
        ssl->setSslConfiguration(*tls);
        tcp = std::move(ssl);
#else
        *error = QStringLiteral("this build of Qt has no TLS support");
        return false;
#endif
    } else {
        tcp = std::make_unique<LowDelayServer<QTcpServer>>();
    }
    if (!tcp->listen(m_options.address, m_options.port)) {
        *error = QStringLiteral("cannot listen on %1 port %2: %3")
                     .arg(m_options.address.toString(), QString::number(m_options.port), tcp->errorString());
        return false;
    }
    m_http = new RelayHttpServer(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            onHttpRequest(request, std::move(responder));
        },
        m_options.requiredToken, this);
    connect(m_http, &QAbstractHttpServer::newWebSocketConnection, this, &RelayServer::onWebSocketConnections);
    m_tcpServer = tcp.get();
    m_http->bind(tcp.release());
    if (m_options.heartbeatMs > 0)
        m_keepAliveTimer->start(m_options.heartbeatMs);
    m_listening.start();
    qCInfo(lcRelay) << "listening on" << m_options.address.toString() << "port" << port() << "epoch"
                    << m_epoch;
    return true;
}

bool RelayServer::isListening() const
{
    return m_tcpServer && m_tcpServer->isListening();
}

quint16 RelayServer::port() const
{
    return isListening() ? m_tcpServer->serverPort() : 0;
}

void RelayServer::close()
{
    m_keepAliveTimer->stop();
    if (m_tcpServer)
        m_tcpServer->close();
    const std::vector<RelayClient *> clients = m_clients;
    for (RelayClient *client : clients) {
        if (client)
            client->abort();
    }
    if (m_http) {
        // Connections that are not streaming (a keep-alive HTTP client between requests, a
        // WebSocket handshake under way) belong to QtHttpServer: they go down too.
        const QList<QTcpSocket *> sockets = m_http->findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->abort();
        m_http->deleteLater();
        m_http = nullptr;
    }
    m_tcpServer = nullptr;
}

qint64 RelayServer::publish(Message message)
{
    switch (message.kind) {
    case MessageKind::Hello:
    case MessageKind::Ping:
    case MessageKind::Pong: return -1;
    default: break;
    }
    message.seq = ++m_lastSeq;
    ++m_messagesPublished;
    if (message.tsMs == 0)
        message.tsMs = nowMs();
    const QByteArray json = encodeMessage(message);
    m_buffer.append(message.seq, json);
    m_state.apply(message);
    broadcast(message.seq, json);
    return message.seq;
}

int RelayServer::clientCount(QStringView transport) const
{
    if (transport.isEmpty())
        return m_webSocketClients + m_sseClients;
    if (transport == RelayClient::transportName(RelayClient::Transport::WebSocket))
        return m_webSocketClients;
    if (transport == RelayClient::transportName(RelayClient::Transport::Sse))
        return m_sseClients;
    return 0;
}

qint64 RelayServer::largestBacklogBytes() const
{
    qint64 largest = 0;
    for (const RelayClient *client : m_clients) {
        if (client)
            largest = qMax(largest, client->backlogBytes());
    }
    return largest;
}

RelayMetrics RelayServer::metrics() const
{
    RelayMetrics metrics;
    metrics.webSocketClients = m_webSocketClients;
    metrics.sseClients = m_sseClients;
    metrics.messagesPublished = m_messagesPublished;
    metrics.messagesSent = m_messagesSent;
    metrics.resumesServed = m_resumesServed;
    metrics.resumesMissed = m_resumesMissed;
    metrics.clientsDropped = m_clientsDropped;
    metrics.droppedBytes = m_droppedBytes;
    metrics.lastSeq = m_lastSeq;
    metrics.uptimeSeconds = m_listening.isValid() ? double(m_listening.nsecsElapsed()) / 1e9 : 0.0;
    return metrics;
}

QByteArray RelayServer::snapshotFrame()
{
    const qint64 now = nowMs();
    if (m_snapshotFrame.isEmpty() || m_snapshotSeq != m_lastSeq || now - m_snapshotAtMs > kSnapshotReuseMs) {
        Message snapshot;
        snapshot.kind = MessageKind::Snapshot;
        snapshot.seq = m_lastSeq;
        snapshot.tsMs = now;
        snapshot.body = m_state.snapshot();
        m_snapshotFrame = encodeMessage(snapshot);
        m_snapshotSeq = m_lastSeq;
        m_snapshotAtMs = now;
    }
    return m_snapshotFrame;
}

void RelayServer::onWebSocketConnections()
{
    while (m_http && m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http->nextPendingWebSocketConnection();
        if (!socket)
            break;
        const std::optional<ResumePoint> resume = ResumePoint::fromQuery(socket->requestUrl());
        auto *client = new WebSocketClient(std::move(socket), this);
        connect(client, &WebSocketClient::frameReceived, this,
                [this, client](const QByteArray &frame) { onClientFrame(client, frame); });
        admit(client, resume);
    }
}

void RelayServer::onHttpRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    using Status = QHttpServerResponder::StatusCode;
    const QString path = request.url().path();
    if (request.method() != QHttpServerRequest::Method::Get) {
        responder.write(QByteArrayLiteral("method not allowed: use GET\n"),
                        {{kContentType, kTextType}, {QByteArrayLiteral("Allow"), QByteArrayLiteral("GET")}},
                        Status::MethodNotAllowed);
        return;
    }
    if (path == QLatin1String("/events")) {
        if (prefersJson(RelayHttpServer::header(request, "accept")))
            replyJson(responder, snapshotFrame());
        else
            startSse(request, std::move(responder));
    } else if (path == QLatin1String("/snapshot")) {
        replyJson(responder, snapshotFrame());
    } else if (path == QLatin1String("/healthz")) {
        replyHealth(responder);
    } else if (path == QLatin1String("/metrics")) {
        responder.write(prometheusText(metrics()), {{kContentType, QByteArray(kPrometheusTextType)}});
    } else if (path == QLatin1String("/stream")) {
        replyText(responder, Status::UpgradeRequired,
                  QByteArrayLiteral("/stream is the WebSocket endpoint: connect with Upgrade: websocket\n"));
    } else {
        replyText(responder, Status::NotFound, QByteArrayLiteral("not found\n"));
    }
}

void RelayServer::startSse(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    // Last-Event-ID is what an EventSource sends by itself; the query serves clients that
    // cannot set headers on their first connection.
    std::optional<ResumePoint> resume;
    const QByteArray lastEventId = RelayHttpServer::header(request, "last-event-id");
    if (!lastEventId.isEmpty())
        resume = ResumePoint::fromEventId(lastEventId);
    if (!resume)
        resume = ResumePoint::fromQuery(request.url());
    admit(new SseClient(std::move(responder), m_options.sseRetryMs, this), resume);
}

void RelayServer::replyHealth(QHttpServerResponder &responder)
{
    const QJsonObject clients{
        {RelayClient::transportName(RelayClient::Transport::WebSocket), m_webSocketClients},
        {RelayClient::transportName(RelayClient::Transport::Sse), m_sseClients},
    };
    const QJsonObject health{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("epoch"), m_epoch},
        {QStringLiteral("last_seq"), m_lastSeq},
        {QStringLiteral("clients"), clients},
    };
    replyJson(responder, QJsonDocument(health).toJson(QJsonDocument::Compact));
}

void RelayServer::admit(RelayClient *client, const std::optional<ResumePoint> &resume)
{
    const QString transport = RelayClient::transportName(client->transport());
    if (client->isClosed()) {
        client->deleteLater();
        return;
    }
    connect(client, &RelayClient::closed, this, [this, client] { onClientClosed(client); });
    m_clients.push_back(client);
    ++(client->transport() == RelayClient::Transport::WebSocket ? m_webSocketClients : m_sseClients);
    qCDebug(lcRelay).noquote() << transport << "client connected; resume from"
                               << (resume ? QString::fromUtf8(resume->toEventId())
                                          : QStringLiteral("nothing"));
    Q_EMIT clientConnected(transport);

    sendTo(client, -1, helloFrame());
    if (resume && resume->epoch == m_epoch && m_buffer.canReplayAfter(resume->seq, m_lastSeq)) {
        m_buffer.forEachAfter(resume->seq,
                              [&](qint64 seq, const QByteArray &json) { sendTo(client, seq, json); });
        ++m_resumesServed;
    } else {
        if (resume)
            ++m_resumesMissed;
        sendTo(client, m_lastSeq, snapshotFrame());
    }
    scheduleFlush();
}

void RelayServer::sendTo(RelayClient *client, qint64 seq, const QByteArray &json)
{
    OutgoingMessage message;
    if (client->transport() == RelayClient::Transport::WebSocket)
        message.text = QString::fromUtf8(json);
    else
        message.sseEvent = sseEvent(m_epoch, seq, json);
    client->send(message);
    ++m_messagesSent;
}

void RelayServer::onClientFrame(RelayClient *client, const QByteArray &frame)
{
    Message message;
    const qint64 now = nowMs();
    if (m_decoder.decode(frame, now, 0, message) != DecodeError::None)
        return;
    if (message.kind == MessageKind::AlertAck) {
        acceptAck(std::get<AlertAckInfo>(message.body), now);
        return;
    }
    if (message.kind != MessageKind::Ping)
        return;
    Message pong;
    pong.kind = MessageKind::Pong;
    pong.tsMs = now;
    sendTo(client, -1, encodeMessage(pong));
}

void RelayServer::acceptAck(const AlertAckInfo &ack, qint64 nowMs)
{
    constexpr qsizetype maxNameLength = 100;
    constexpr qsizetype maxCommentLength = 1000;
    QString refusal;
    if (!m_options.acceptAcks)
        refusal = QStringLiteral("acknowledgements are off (--no-acks)");
    else if (!m_state.isOpen(ack.id))
        refusal = QStringLiteral("no open alert has this id");
    else if (ack.by.trimmed().isEmpty() || ack.by.size() > maxNameLength)
        refusal = QStringLiteral("\"by\" must name the operator in 1 to %1 characters").arg(maxNameLength);
    else if (ack.comment.size() > maxCommentLength)
        refusal = QStringLiteral("the comment is longer than %1 characters").arg(maxCommentLength);
    if (!refusal.isEmpty()) {
        qCWarning(lcRelay).noquote() << "acknowledgement of" << ack.id.left(maxNameLength) << "refused:" << refusal;
        return;
    }
    Message shared;
    shared.kind = MessageKind::AlertAck;
    shared.tsMs = nowMs;
    shared.body = ack;
    publish(std::move(shared));
}

void RelayServer::onClientClosed(RelayClient *client)
{
    const auto it = std::find(m_clients.begin(), m_clients.end(), client);
    if (it == m_clients.end())
        return;
    // A broadcast walking the list skips the hole and compacts the list when it is done.
    if (m_broadcasting)
        *it = nullptr;
    else
        m_clients.erase(it);
    const QString transport = RelayClient::transportName(client->transport());
    --(client->transport() == RelayClient::Transport::WebSocket ? m_webSocketClients : m_sseClients);
    qCDebug(lcRelay).noquote() << transport << "client disconnected";
    client->deleteLater();
    Q_EMIT clientDisconnected(transport);
}

void RelayServer::broadcast(qint64 seq, const QByteArray &json)
{
    if (m_clients.empty())
        return;
    OutgoingMessage message;
    if (m_webSocketClients > 0)
        message.text = QString::fromUtf8(json);
    if (m_sseClients > 0)
        message.sseEvent = sseEvent(m_epoch, seq, json);
    const qint64 maxBacklog = m_options.maxClientBacklogBytes;
    forEachClient([&](RelayClient *client) {
        client->send(message);
        ++m_messagesSent;
        if (client->backlogBytes() > maxBacklog)
            m_slowClients.push_back(client);
    });
    if (!m_slowClients.empty())
        dropSlowClients();
    scheduleFlush();
}

void RelayServer::dropSlowClients()
{
    const std::vector<RelayClient *> slow = std::exchange(m_slowClients, {});
    for (RelayClient *client : slow) {
        if (client->isClosed())
            continue;
        ++m_clientsDropped;
        m_droppedBytes += quint64(client->backlogBytes());
        qCWarning(lcRelay).nospace().noquote()
            << "dropping a slow " << RelayClient::transportName(client->transport())
            << " client: " << client->backlogBytes() << " bytes unsent";
        client->abort();
    }
}

void RelayServer::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &RelayServer::flushClients, Qt::QueuedConnection);
}

void RelayServer::flushClients()
{
    // A socket left to itself hands the kernel one buffer block (some KiB) per event loop
    // pass. Publishing in bursts (the log feeder's ticks, a busy machine) queues more than
    // that per pass, so the backlog would grow until the client is dropped as slow although
    // it reads fast. One flush per pass, after the burst, keeps up with any client that
    // actually reads, and still costs one system call per client per pass, not per message.
    m_flushScheduled = false;
    forEachClient([](RelayClient *client) { client->flush(); });
}

void RelayServer::sendKeepAlives()
{
    forEachClient([](RelayClient *client) { client->keepAlive(); });
}

QByteArray RelayServer::helloFrame() const
{
    Message hello;
    hello.kind = MessageKind::Hello;
    hello.tsMs = nowMs();
    HelloInfo info{1, m_epoch, m_lastSeq, m_options.heartbeatMs, QStringLiteral("vantage-relay"), {}};
    if (m_options.acceptAcks)
        info.accepts.push_back(messageKindName(MessageKind::AlertAck));
    hello.body = std::move(info);
    return encodeMessage(hello);
}

} // namespace vantage
