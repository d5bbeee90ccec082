#include "feed/SseSource.h"

#include "feed/FeedLogging.h"
#include "feed/FrameSink.h"
#include "feed/HttpRequestSetup.h"
#include "feed/SseFrame.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#ifndef QT_NO_SSL
#include <QSslError>
#endif

#include <algorithm>
#include <limits>
#include <utility>

namespace vantage {

namespace {

constexpr qsizetype kReadChunkBytes = 16 * 1024;
// A content type is echoed into the status; longer ones are cut.
constexpr qsizetype kMaxShownContentTypeChars = 64;

// The media type of a Content-Type value as sent, without parameters ("; charset=utf-8").
QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed();
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

int timerMs(qint64 ms)
{
    return int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max()));
}

} // namespace

SseSource::SseSource(SseOptions options, QObject *parent)
    : RetryingSource(QStringLiteral("sse"), options.url, options.bearerToken, options.reconnect, parent)
    , m_options(std::move(options))
    , m_parser([this](const SseEvent &event) { onEvent(event); },
               [this](qint64 retryMs) { m_serverRetryMs = retryMs; },
               [this] {
                   if (FrameSink *s = sink())
                       s->onFrameRejected(QLatin1String("oversized_frame"));
               })
    , m_stallTimer(new QTimer(this))
    , m_connectTimer(new QTimer(this))
{
    m_parser.setMaxEventBytes(m_options.maxEventBytes);
    m_stallTimer->setSingleShot(true);
    m_connectTimer->setSingleShot(true);
    connect(m_stallTimer, &QTimer::timeout, this, &SseSource::onStallCheck);
    connect(m_connectTimer, &QTimer::timeout, this, &SseSource::onConnectTimeout);
}

SseSource::~SseSource()
{
    dropTransport();
}

void SseSource::aboutToStart()
{
    m_serverRetryMs = -1;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
}

void SseSource::connectTransport()
{
    HttpRequestSetup setup = makeHttpRequest(
        {m_options.url, m_options.bearerToken, m_options.tls, QByteArrayLiteral("text/event-stream"), true,
         {}, {}});
    if (!setup.ok()) {
        enterError(setup.error);
        return;
    }
    QByteArray lastEventId = m_parser.lastEventId();
    if (lastEventId.isEmpty()) {
        if (const ResumePoint resume = resumePoint(); resume.isValid())
            lastEventId = resume.toEventId();
    }
    // The id is the server's choice: one that could inject a header line is not sent back.
    if (!lastEventId.isEmpty() && isSafeHeaderValue(lastEventId))
        setup.request.setRawHeader(QByteArrayLiteral("Last-Event-ID"), lastEventId);

    dropTransport();
    m_pendingError.clear();
    m_responseHandled = false;
    m_reply = m_network->get(setup.request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &SseSource::onResponseHeaders);
    connect(m_reply, &QNetworkReply::readyRead, this, &SseSource::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &SseSource::onFinished);
#ifndef QT_NO_SSL
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Not ignored on purpose: the handshake fails and the reason says why.
        if (m_pendingError.isEmpty() && !errors.isEmpty())
            m_pendingError = QStringLiteral("TLS error: ") + errors.first().errorString();
    });
#endif

    announceAttempt();
    if (m_options.connectTimeoutMs > 0)
        m_connectTimer->start(m_options.connectTimeoutMs);
}

void SseSource::onResponseHeaders()
{
    if (!m_reply || m_responseHandled)
        return;
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid())
        return;
    const int statusCode = statusAttribute.toInt();
    // A redirect Qt follows (same origin) or refuses; finished() reports a refusal.
    if (statusCode >= 300 && statusCode < 400)
        return;
    m_responseHandled = true;
    m_connectTimer->stop();
    if (statusCode == 204) {
        enterError(QStringLiteral("server asked to stop (HTTP 204 No Content)"));
        return;
    }
    if (const QString refusal = credentialRefusal(statusCode); !refusal.isEmpty()) {
        enterError(refusal);
        return;
    }
    if (statusCode != 200) {
        fail(describeHttpStatus(statusCode));
        return;
    }
    const QByteArray type = mediaType(m_reply->rawHeader(QByteArrayLiteral("Content-Type")));
    if (type.compare("text/event-stream", Qt::CaseInsensitive) != 0) {
        if (type.isEmpty()) {
            fail(QStringLiteral("no content type (text/event-stream expected)"));
            return;
        }
        // The server's text: scrubbed while whole (a cut token would no longer match), then cut.
        const QString shown = redacted(QString::fromLatin1(type));
        fail(QStringLiteral("unexpected content type \"%1\"").arg(shown.left(kMaxShownContentTypeChars)));
        return;
    }

    m_lastByteMs = monotonicMs();
    if (m_options.stallTimeoutMs > 0)
        m_stallTimer->start(m_options.stallTimeoutMs);
    qCInfo(lcFeed) << "streaming from" << displayUrl();
    enterLive();
}

void SseSource::onReadyRead()
{
    if (!m_reply)
        return;
    if (!isLive()) {
        // The body of a redirect or of a refused response: nothing to parse.
        m_reply->skip(m_reply->bytesAvailable());
        return;
    }
    m_lastByteMs = monotonicMs();
    // An event handler may end the stream (stop() from the sink): re-check the reply each pass.
    while (m_reply && m_reply->bytesAvailable() > 0) {
        m_readBuffer.resize(kReadChunkBytes);
        const qint64 read = m_reply->read(m_readBuffer.data(), m_readBuffer.size());
        if (read <= 0)
            break;
        m_parser.feed(QByteArrayView(m_readBuffer.constData(), read));
    }
}

void SseSource::onFinished()
{
    if (!m_reply)
        return;
    if (!m_responseHandled) {
        // Some responses end before metaDataChanged() was seen: decide on the status now.
        onResponseHeaders();
        if (!m_reply)
            return;
    }
    const QNetworkReply::NetworkError error = m_reply->error();
    if (isLive()) {
        // Anything still buffered belongs to the stream; an unterminated last event is dropped.
        onReadyRead();
        if (!m_reply)
            return;
        fail(error == QNetworkReply::NoError ? QStringLiteral("the server ended the stream")
                                             : describeNetworkError(error, m_reply->errorString()));
        return;
    }
    if (!m_pendingError.isEmpty())
        fail(m_pendingError);
    else if (error != QNetworkReply::NoError)
        fail(describeNetworkError(error, m_reply->errorString()));
    else
        fail(QStringLiteral("the connection closed before a response"));
}

void SseSource::onStallCheck()
{
    if (!isLive())
        return;
    const qint64 silentMs = monotonicMs() - m_lastByteMs;
    if (silentMs >= m_options.stallTimeoutMs) {
        fail(QStringLiteral("stale: no data for %1 s").arg(seconds(silentMs)));
        return;
    }
    // Bytes arrived meanwhile: check again when the quiet period could next run out.
    m_stallTimer->start(timerMs(m_options.stallTimeoutMs - silentMs));
}

void SseSource::onConnectTimeout()
{
    if (m_reply && !isLive())
        fail(QStringLiteral("connect timeout after %1 s").arg(seconds(m_options.connectTimeoutMs)));
}

void SseSource::onEvent(const SseEvent &event)
{
    if (FrameSink *s = sink())
        s->onFrame({sseEventFrame(event, m_wrapped), nowMs(), QLatin1String("sse"), 0, &event});
}

void SseSource::dropTransport()
{
    m_stallTimer->stop();
    m_connectTimer->stop();
    // A new connection starts a new stream (the last event id survives); called from an event
    // handler, it also keeps the rest of the chunk being parsed from reaching the sink.
    m_parser.reset();
    if (!m_reply)
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    QObject::disconnect(reply, nullptr, this, nullptr);
    // Deleting a reply aborts its request and closes the connection. No abort() first: Qt may
    // already have queued the HTTP error it found in the response, and would warn about a
    // second error.
    reply->deleteLater();
}

qint64 SseSource::retryDelayMs(qint64 policyDelayMs) const
{
    // The server may slow its clients down, but not beyond the offline probe interval.
    const qint64 serverMs = std::clamp<qint64>(m_serverRetryMs, 0, policy().settings().offlineProbeMs);
    return serverMs + policyDelayMs;
}

} // namespace vantage
