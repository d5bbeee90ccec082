#include "support/PrometheusProcess.h"

#include "support/RawHttpGet.h"

#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

namespace vantage::test {

namespace {

constexpr int kReadyWaitMs = 60'000;

QString scrapeConfig(quint16 ownPort, const QList<PrometheusProcess::Job> &jobs)
{
    QString config = QStringLiteral("global:\n"
                                    "  scrape_interval: 1s\n"
                                    "  scrape_timeout: 1s\n"
                                    "  evaluation_interval: 1s\n"
                                    "scrape_configs:\n");
    const auto job = [&config](const QString &name, quint16 port) {
        config += QStringLiteral("  - job_name: %1\n"
                                 "    static_configs:\n"
                                 "      - targets: ['127.0.0.1:%2']\n")
                      .arg(name)
                      .arg(port);
    };
    job(QStringLiteral("prometheus"), ownPort);
    for (const auto &[name, port] : jobs)
        job(name, port);
    return config;
}

// A port nothing listens on now. Prometheus cannot report the port it picked for :0, so the
// test picks one; another process taking it meanwhile makes the start fail, and say so.
quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress(QHostAddress::LocalHost), 0) ? probe.serverPort() : 0;
}

} // namespace

PrometheusProcess::~PrometheusProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(kReadyWaitMs)) {
            m_process.kill();
            m_process.waitForFinished(kReadyWaitMs);
        }
    }
}

QUrl PrometheusProcess::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool PrometheusProcess::start(const QList<Job> &jobs, QString *error)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    if (program.isEmpty()) {
        *error =
            QStringLiteral("prometheus is not installed: scripts/install-deps.sh installs Debian's package");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory: ") + m_dir.errorString();
        return false;
    }
    m_port = freeLoopbackPort();
    const QString configPath = m_dir.filePath(QStringLiteral("prometheus.yml"));
    QFile config(configPath);
    if (m_port == 0 || !config.open(QIODevice::WriteOnly) ||
        config.write(scrapeConfig(m_port, jobs).toUtf8()) < 0) {
        *error = QStringLiteral("cannot prepare %1").arg(configPath);
        return false;
    }
    config.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program, {QStringLiteral("--config.file=") + configPath,
                              QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
                              QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                              QStringLiteral("--log.level=warn")});
    const bool ready = QTest::qWaitFor(
        [this] {
            return m_process.state() == QProcess::NotRunning || httpGet(m_port, "/-/ready").status == 200;
        },
        kReadyWaitMs);
    if (!ready || m_process.state() == QProcess::NotRunning) {
        *error = QStringLiteral("prometheus did not become ready on port %1: %2")
                     .arg(m_port)
                     .arg(QString::fromUtf8(m_process.readAll()));
        return false;
    }
    return true;
}

} // namespace vantage::test
