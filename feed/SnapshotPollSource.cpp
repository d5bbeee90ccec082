#include "feed/SnapshotPollSource.h"

#include "feed/FeedLogging.h"
#include "feed/FrameSink.h"
#include "feed/HttpRequestSetup.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#ifndef QT_NO_SSL
#include <QSslError>
#endif

#include <algorithm>
#include <utility>

namespace vantage {

SnapshotPollSource::SnapshotPollSource(PollOptions options, QObject *parent)
    : RetryingSource(QStringLiteral("polling"), options.url, options.bearerToken, options.reconnect, parent)
    , m_options(std::move(options))
    , m_timeoutTimer(new QTimer(this))
{
    m_timeoutTimer->setSingleShot(true);
    connect(m_timeoutTimer, &QTimer::timeout, this, &SnapshotPollSource::onTimeout);
}

SnapshotPollSource::~SnapshotPollSource()
{
    dropTransport();
}

void SnapshotPollSource::aboutToStart()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
}

void SnapshotPollSource::connectTransport()
{
    const HttpRequestSetup setup = makeHttpRequest(
        {m_options.url, m_options.bearerToken, m_options.tls, QByteArrayLiteral("application/json"), false,
         {}, {}});
    if (!setup.ok()) {
        enterError(setup.error);
        return;
    }
    dropTransport();
    m_pendingError.clear();
    m_reply = m_network->get(setup.request);
    connect(m_reply, &QNetworkReply::finished, this, &SnapshotPollSource::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &SnapshotPollSource::onDownloadProgress);
#ifndef QT_NO_SSL
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Not ignored on purpose: the handshake fails and the reason says why.
        if (m_pendingError.isEmpty() && !errors.isEmpty())
            m_pendingError = QStringLiteral("TLS error: ") + errors.first().errorString();
    });
#endif
    if (m_options.timeoutMs > 0)
        m_timeoutTimer->start(m_options.timeoutMs);
    // While Live a poll is routine; otherwise it is the next attempt and the status says so.
    if (status().state != ConnectionState::Live)
        announceAttempt();
}

void SnapshotPollSource::onFinished()
{
    if (!m_reply)
        return;
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int statusCode = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    // A 3xx here is a redirect Qt refused to follow: the network error explains why.
    if (statusCode != 0 && (statusCode < 300 || statusCode >= 400)) {
        if (const QString refusal = credentialRefusal(statusCode); !refusal.isEmpty()) {
            enterError(refusal);
            return;
        }
        if (statusCode != 200) {
            fail(describeHttpStatus(statusCode));
            return;
        }
        const QByteArray body = m_reply->readAll();
        dropTransport();
        if (!deliver(body)) {
            if (FrameSink *s = sink())
                s->onFrameRejected(QLatin1String("bad_snapshot_response"));
            fail(QStringLiteral("the response is not a JSON snapshot"));
            return;
        }
        succeed();
        return;
    }
    const QNetworkReply::NetworkError error = m_reply->error();
    if (!m_pendingError.isEmpty())
        fail(m_pendingError);
    else if (error != QNetworkReply::NoError)
        fail(describeNetworkError(error, m_reply->errorString()));
    else
        fail(QStringLiteral("the connection closed before a response"));
}

void SnapshotPollSource::onTimeout()
{
    if (m_reply)
        fail(QStringLiteral("timeout after %1 s").arg(double(m_options.timeoutMs) / 1000.0, 0, 'f', 1));
}

void SnapshotPollSource::onDownloadProgress(qint64 received, qint64 total)
{
    // total is the announced Content-Length (-1 when unknown): refuse early rather than buffer it.
    if (!m_reply || std::max(received, total) <= m_options.maxResponseBytes)
        return;
    if (FrameSink *s = sink())
        s->onFrameRejected(QLatin1String("oversized_frame"));
    fail(QStringLiteral("response larger than %1 bytes").arg(m_options.maxResponseBytes));
}

bool SnapshotPollSource::deliver(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject object = document.object();
    FrameSink *s = sink();
    if (object.contains(QLatin1String("type"))) {
        if (s)
            s->onFrame({body, nowMs(), QLatin1String("polling")});
        return true;
    }
    const QJsonValue data = object.value(QLatin1String("data"));
    if (!data.isObject())
        return false;
    m_frame.truncate(0);
    m_frame += "{\"type\":\"stats\",\"data\":";
    m_frame += QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact);
    m_frame += '}';
    if (s)
        s->onFrame({m_frame, nowMs(), QLatin1String("polling")});
    return true;
}

void SnapshotPollSource::succeed()
{
    ++m_snapshots;
    // A good answer proves the endpoint works: the backoff starts over.
    restartBackoff();
    if (status().state != ConnectionState::Live) {
        qCInfo(lcFeed) << "polling" << displayUrl();
        setStatus(ConnectionState::Live, QString());
    }
    attemptAfter(std::max(0, m_options.intervalMs));
}

qint64 SnapshotPollSource::retryDelayMs(qint64 policyDelayMs) const
{
    return std::max<qint64>(m_options.intervalMs, policyDelayMs);
}

void SnapshotPollSource::dropTransport()
{
    m_timeoutTimer->stop();
    if (!m_reply)
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    QObject::disconnect(reply, nullptr, this, nullptr);
    // Deleting a reply aborts its request and closes the connection. No abort() first: Qt may
    // already have queued the HTTP error it found in the response, and would warn about a
    // second error.
    reply->deleteLater();
}

} // namespace vantage
