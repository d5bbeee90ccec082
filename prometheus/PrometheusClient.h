#pragma once

#include "prometheus/PromAnswer.h"
#include "prometheus/PromQuery.h"
#include "prometheus/PrometheusServer.h"

#include <QHash>
#include <QObject>
#include <QThread>

namespace vantage {

class PrometheusWorker;

// The GUI's handle on one Prometheus server. Requests go out, and their answers are read, on a
// thread of the client's own; the GUI thread only submits and receives answers. A key (a panel)
// has at most one request in flight: submitting again under it cancels the older one, whose
// answer is never delivered. An unreachable or slow server costs the GUI thread nothing.
class PrometheusClient final : public QObject
{
    Q_OBJECT
public:
    explicit PrometheusClient(PrometheusServer server, QObject *parent = nullptr);
    ~PrometheusClient() override;

    // Asks `query` for `key`, and returns the id its answer will carry.
    quint64 submit(const QString &key, const PromQuery &query);
    // Drops the request under `key`, if any; no answer comes for it.
    void cancel(const QString &key);

Q_SIGNALS:
    // The answer to the newest request under `key`.
    void answered(const QString &key, quint64 id, const vantage::PromAnswer &answer);

private:
    void deliver(const QString &key, quint64 id, const PromAnswer &answer);

    QThread m_thread;
    PrometheusWorker *m_worker; // lives on m_thread, deleted there when it ends
    QHash<QString, quint64> m_latest;
    quint64 m_nextId = 0;
};

} // namespace vantage
