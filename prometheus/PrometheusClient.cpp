#include "prometheus/PrometheusClient.h"

#include "prometheus/PrometheusWorker.h"

namespace vantage {

PrometheusClient::PrometheusClient(PrometheusServer server, QObject *parent)
    : QObject(parent)
    , m_worker(new PrometheusWorker(std::move(server)))
{
    m_thread.setObjectName(QStringLiteral("prometheus"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PrometheusWorker::answered, this, &PrometheusClient::deliver);
    m_thread.start();
}

PrometheusClient::~PrometheusClient()
{
    m_thread.quit();
    m_thread.wait();
}

quint64 PrometheusClient::submit(const QString &key, const PromQuery &query)
{
    const quint64 id = ++m_nextId;
    m_latest.insert(key, id);
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, key, id, query] { worker->fetch(key, id, query); });
    return id;
}

void PrometheusClient::cancel(const QString &key)
{
    m_latest.remove(key);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, key] { worker->cancel(key); });
}

void PrometheusClient::deliver(const QString &key, quint64 id, const PromAnswer &answer)
{
    // An answer the worker sent before it saw the newer request or the cancel.
    const auto it = m_latest.constFind(key);
    if (it == m_latest.constEnd() || *it != id)
        return;
    m_latest.erase(it);
    Q_EMIT answered(key, id, answer);
}

} // namespace vantage
