#include "prometheus/PrometheusWorker.h"

#include "feed/HttpRequestSetup.h"
#include "feed/UrlRedaction.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace vantage {

namespace {

PromAnswer failure(PromError::Kind kind, const QString &message)
{
    PromAnswer answer;
    answer.error = {kind, message};
    return answer;
}

} // namespace

PrometheusWorker::PrometheusWorker(PrometheusServer server, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
{}

void PrometheusWorker::fetch(const QString &key, quint64 id, const PromQuery &query)
{
    cancel(key);
    HttpRequestOptions options;
    options.url = query.url(m_server.url);
    options.bearerToken = m_server.bearerToken;
    options.basicUser = m_server.basicUser;
    options.basicPassword = m_server.basicPassword;
    options.tls = m_server.tls;
    options.accept = QByteArrayLiteral("application/json");
    const HttpRequestSetup setup = makeHttpRequest(options);
    if (!setup.ok()) {
        Q_EMIT answered(key, id, failure(PromError::Kind::Setup, setup.error));
        return;
    }
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    Pending pending;
    pending.id = id;
    pending.reply = m_network->get(setup.request);
    pending.deadline = new QTimer(pending.reply);
    pending.deadline->setSingleShot(true);
    QNetworkReply *reply = pending.reply;
    connect(pending.deadline, &QTimer::timeout, this, [this, key, reply] {
        const auto it = m_pending.find(key);
        if (it == m_pending.end() || it->reply != reply)
            return;
        it->timedOut = true;
        reply->abort(); // finished() follows, and reports the timeout
    });
    connect(reply, &QNetworkReply::finished, this, [this, key, reply] { onFinished(key, reply); });
    pending.deadline->start(m_server.timeoutMs);
    m_pending.insert(key, pending);
}

void PrometheusWorker::cancel(const QString &key)
{
    const Pending pending = m_pending.take(key);
    if (!pending.reply)
        return;
    // Out of m_pending first: the finished() that abort() emits finds nothing to answer.
    pending.reply->abort();
    pending.reply->deleteLater();
}

void PrometheusWorker::onFinished(const QString &key, QNetworkReply *reply)
{
    const auto it = m_pending.find(key);
    if (it == m_pending.end() || it->reply != reply)
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    reply->deleteLater();
    Q_EMIT answered(key, pending.id, answerOf(reply, pending.timedOut));
}

PromAnswer PrometheusWorker::answerOf(QNetworkReply *reply, bool timedOut) const
{
    if (timedOut)
        return failure(PromError::Kind::Timeout, QStringLiteral("no complete answer from %1 within %2 s")
                                                     .arg(redactUrl(m_server.url))
                                                     .arg(double(m_server.timeoutMs) / 1000.0));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        const QString reason = describeNetworkError(reply->error(), reply->errorString());
        return failure(PromError::Kind::Unreachable,
                       withoutSecrets(QStringLiteral("%1: %2").arg(redactUrl(m_server.url), reason),
                                      m_server.url, m_server.bearerToken));
    }
    return readPrometheusAnswer(status, reply->readAll());
}

} // namespace vantage
