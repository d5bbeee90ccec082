#include "support/ScriptedHttpServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace vantage::test {

namespace {

// Far above any request a source sends; a runaway client cannot fill the test's memory.
constexpr qsizetype kMaxRequestHeadBytes = 64 * 1024;

QByteArray chunk(const QByteArray &bytes)
{
    return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
}

} // namespace

SelfSignedCertificate createSelfSignedCertificate(const QString &directory)
{
    SelfSignedCertificate result;
    result.certificatePath = QDir(directory).filePath(QStringLiteral("cert.pem"));
    result.keyPath = QDir(directory).filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), result.keyPath, QStringLiteral("-out"), result.certificatePath,
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForStarted(10'000)) {
        result.error = QStringLiteral("openssl not found");
        return result;
    }
    if (!openssl.waitForFinished(30'000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0)
        result.error = QStringLiteral("openssl failed: ") + QString::fromLocal8Bit(openssl.readAll());
    return result;
}

QByteArray ScriptedHttpServer::Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

bool ScriptedHttpServer::Request::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

ScriptedHttpServer::Response ScriptedHttpServer::eventStream(const QByteArray &firstChunk)
{
    Response response;
    response.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")},
                        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")}};
    response.body = firstChunk;
    response.streaming = true;
    return response;
}

ScriptedHttpServer::Response ScriptedHttpServer::withBody(int status, const QByteArray &contentType,
                                                          const QByteArray &body)
{
    Response response = statusOnly(status);
    response.headers = {{QByteArrayLiteral("Content-Type"), contentType}};
    response.body = body;
    return response;
}

ScriptedHttpServer::Response ScriptedHttpServer::statusOnly(int status)
{
    Response response;
    response.status = status;
    response.reason = QByteArrayLiteral("Scripted");
    return response;
}

ScriptedHttpServer::Response ScriptedHttpServer::redirect(int status, const QByteArray &location)
{
    Response response = statusOnly(status);
    response.headers = {{QByteArrayLiteral("Location"), location}};
    return response;
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QObject(parent)
{}

ScriptedHttpServer::~ScriptedHttpServer()
{
    // Reset what is still open so a client sees the end at once, not at its own timeout.
    for (const Exchange &exchange : m_exchanges) {
        if (exchange.socket)
            exchange.socket->abort();
    }
}

bool ScriptedHttpServer::listen()
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            ++m_connections;
            accept(socket);
        }
    });
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), 0);
}

bool ScriptedHttpServer::listenTls(const QString &certificatePath, const QString &keyPath)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QList<QSslCertificate> certificates = QSslCertificate::fromDevice(&certificateFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Ec, QSsl::Pem);
    if (certificates.isEmpty() || key.isNull())
        return false;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificates.first());
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    auto *server = new QSslServer(this);
    server->setSslConfiguration(configuration);
    connect(server, &QSslServer::startedEncryptionHandshake, this, [this] { ++m_connections; });
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this, server] {
        while (QTcpSocket *socket = server->nextPendingConnection())
            accept(socket);
    });
    m_server = server;
    m_tls = true;
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), 0);
}

quint16 ScriptedHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl ScriptedHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.first(query));
    if (query >= 0)
        url.setQuery(path.sliced(query + 1));
    return url;
}

void ScriptedHttpServer::enqueue(const Response &response)
{
    m_queue.push_back(response);
}

void ScriptedHttpServer::setFallback(const Response &response)
{
    m_fallback = response;
}

void ScriptedHttpServer::respond(int index, const Response &response)
{
    Exchange *e = exchange(index);
    if (e && !e->answered)
        write(index, response);
}

void ScriptedHttpServer::push(int index, const QByteArray &bytes)
{
    Exchange *e = exchange(index);
    if (e && e->socket && e->streaming && !bytes.isEmpty())
        e->socket->write(chunk(bytes));
}

void ScriptedHttpServer::finish(int index)
{
    Exchange *e = exchange(index);
    if (!e || !e->socket)
        return;
    if (e->streaming)
        e->socket->write("0\r\n\r\n");
    e->streaming = false;
    e->socket->disconnectFromHost();
}

void ScriptedHttpServer::close(int index)
{
    Exchange *e = exchange(index);
    if (e && e->socket)
        e->socket->disconnectFromHost();
}

void ScriptedHttpServer::abort(int index)
{
    Exchange *e = exchange(index);
    if (e && e->socket)
        e->socket->abort();
}

bool ScriptedHttpServer::isDisconnected(int index) const
{
    return index >= 0 && size_t(index) < m_exchanges.size() && m_exchanges[size_t(index)].disconnected;
}

void ScriptedHttpServer::accept(QTcpSocket *socket)
{
    socket->setParent(this);
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] { onReadable(socket, *buffer); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        for (Exchange &e : m_exchanges) {
            if (e.socket == socket)
                e.disconnected = true;
        }
    });
    if (socket->bytesAvailable() > 0)
        onReadable(socket, *buffer);
}

void ScriptedHttpServer::onReadable(QTcpSocket *socket, QByteArray &buffer)
{
    const bool hadRequest = buffer.contains("\r\n\r\n");
    buffer += socket->readAll();
    if (hadRequest)
        return; // one request per connection; anything after it is ignored
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (buffer.size() > kMaxRequestHeadBytes)
            socket->abort();
        return;
    }
    Request request;
    const QList<QByteArray> lines = buffer.first(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({line.first(colon).trimmed(), line.sliced(colon + 1).trimmed()});
    }
    m_requests.push_back(std::move(request));
    Exchange exchange;
    exchange.socket = socket;
    m_exchanges.push_back(exchange);
    const int index = int(m_requests.size()) - 1;
    Q_EMIT requestReceived(index);

    if (!m_queue.empty()) {
        const Response response = m_queue.front();
        m_queue.pop_front();
        write(index, response);
    } else if (m_fallback) {
        write(index, *m_fallback);
    }
}

void ScriptedHttpServer::write(int index, const Response &response)
{
    Exchange *e = exchange(index);
    if (!e || !e->socket)
        return;
    e->answered = true;
    e->streaming = response.streaming;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: close\r\n";
    if (response.streaming)
        head += "Transfer-Encoding: chunked\r\n";
    else
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "\r\n";
    e->socket->write(head);
    if (!response.streaming) {
        e->socket->write(response.body);
        e->socket->disconnectFromHost();
    } else if (!response.body.isEmpty()) {
        e->socket->write(chunk(response.body));
    }
}

ScriptedHttpServer::Exchange *ScriptedHttpServer::exchange(int index)
{
    if (index < 0 || size_t(index) >= m_exchanges.size())
        return nullptr;
    return &m_exchanges[size_t(index)];
}

} // namespace vantage::test
