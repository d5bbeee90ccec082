#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <deque>
#include <optional>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace vantage::test {

// A self-signed certificate for 127.0.0.1 made with the openssl tool, for TLS tests.
struct SelfSignedCertificate
{
    QString certificatePath; // PEM; also usable as a CA file that trusts the server
    QString keyPath;         // PEM, unencrypted
    QString error;           // empty on success (e.g. "openssl not found")
};

// Writes cert.pem and key.pem into `directory` (which must exist).
SelfSignedCertificate createSelfSignedCertificate(const QString &directory);

// A scripted HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for tests of HTTP sources.
// It records every request (method, path, headers) and answers from a script: queued responses
// in order, then a fallback, and otherwise the request waits until the test calls respond().
// A streaming response stays open so the test can push body chunks later, end the body, close
// or abort the connection. Every answer says "Connection: close": one request per connection,
// so a request's index is also its connection's.
class ScriptedHttpServer final : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method;
        QByteArray path; // as sent, with the query
        Headers headers;

        // The first value of a header, by case-insensitive name; empty when absent.
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray reason = QByteArrayLiteral("OK");
        Headers headers;
        QByteArray body; // sent with the headers (as the first chunk when streaming)
        // Chunked and left open: push() adds chunks, finish() ends the body.
        bool streaming = false;
    };

    // 200, Content-Type text/event-stream, streaming.
    static Response eventStream(const QByteArray &firstChunk = QByteArray());
    // A complete response with a body of the given type.
    static Response withBody(int status, const QByteArray &contentType, const QByteArray &body);
    // A complete response without a body (e.g. 204, 503).
    static Response statusOnly(int status);
    // A redirect to `location`.
    static Response redirect(int status, const QByteArray &location);

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    ~ScriptedHttpServer() override;

    // Listens on 127.0.0.1 in plain HTTP.
    bool listen();
    // Listens on 127.0.0.1 speaking TLS with this certificate and key (PEM files).
    bool listenTls(const QString &certificatePath, const QString &keyPath);
    quint16 port() const;
    // http://127.0.0.1:<port><path> (https:// after listenTls()).
    QUrl url(const QString &path = QStringLiteral("/")) const;

    void enqueue(const Response &response);
    void setFallback(const Response &response);
    // Answers request `index` if it has no answer yet.
    void respond(int index, const Response &response);

    // For a streaming response: one more chunk, the end of the body, or the end of the connection.
    void push(int index, const QByteArray &bytes);
    void finish(int index);
    void close(int index); // graceful, without ending the body
    void abort(int index); // reset

    const std::vector<Request> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    // Connections accepted; with TLS, handshakes started (failed ones included).
    int connectionCount() const { return m_connections; }
    // True once the client side of request `index` has gone away.
    bool isDisconnected(int index) const;

Q_SIGNALS:
    void requestReceived(int index);

private:
    struct Exchange
    {
        QPointer<QTcpSocket> socket;
        bool answered = false;
        bool streaming = false;
        bool disconnected = false;
    };

    void accept(QTcpSocket *socket);
    void onReadable(QTcpSocket *socket, QByteArray &buffer);
    void write(int index, const Response &response);
    Exchange *exchange(int index);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    std::deque<Response> m_queue;
    std::optional<Response> m_fallback;
    std::vector<Request> m_requests;
    std::vector<Exchange> m_exchanges;
    int m_connections = 0;
};

} // namespace vantage::test
