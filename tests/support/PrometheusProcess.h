#pragma once

#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace vantage::test {

// A real Prometheus server (Debian's package, installed by scripts/install-deps.sh) for a test:
// on 127.0.0.1 at a free port, with its data in a temporary directory, scraping itself (job
// "prometheus") and each given job's target every second. Stopped and removed with the object.
class PrometheusProcess final
{
public:
    // job name and the 127.0.0.1 port of its /metrics
    using Job = QPair<QString, quint16>;

    PrometheusProcess() = default;
    ~PrometheusProcess();
    PrometheusProcess(const PrometheusProcess &) = delete;
    PrometheusProcess &operator=(const PrometheusProcess &) = delete;

    // Starts it and waits until it says it is ready; false with *error saying why not.
    bool start(const QList<Job> &jobs, QString *error);
    quint16 port() const { return m_port; }
    QUrl url() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace vantage::test
