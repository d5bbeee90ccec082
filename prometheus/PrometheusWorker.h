#pragma once

#include "prometheus/PromAnswer.h"
#include "prometheus/PromQuery.h"
#include "prometheus/PrometheusServer.h"

#include <QHash>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace vantage {

// Asks one Prometheus server, on the thread it lives on (PrometheusClient's): one request at a
// time per key, a newer one under the same key aborting the older, each within the server's
// time limit, and the answer read there too, before it goes back.
class PrometheusWorker final : public QObject
{
    Q_OBJECT
public:
    explicit PrometheusWorker(PrometheusServer server, QObject *parent = nullptr);

    void fetch(const QString &key, quint64 id, const vantage::PromQuery &query);
    // Aborts the request under `key`, unanswered.
    void cancel(const QString &key);

Q_SIGNALS:
    void answered(const QString &key, quint64 id, const vantage::PromAnswer &answer);

private:
    struct Pending
    {
        QNetworkReply *reply = nullptr;
        QTimer *deadline = nullptr;
        quint64 id = 0;
        bool timedOut = false;
    };

    void onFinished(const QString &key, QNetworkReply *reply);
    PromAnswer answerOf(QNetworkReply *reply, bool timedOut) const;

    PrometheusServer m_server;
    QNetworkAccessManager *m_network = nullptr; // made on the first fetch, on this object's thread
    QHash<QString, Pending> m_pending;
};

} // namespace vantage
