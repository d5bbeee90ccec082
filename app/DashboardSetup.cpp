#include "app/DashboardSetup.h"

#include "feed/TokenSource.h"

#include <QFile>

namespace vantage {

namespace {

// A dashboard file is a page of panels: anything larger is not one.
constexpr qint64 kMaxFileBytes = 1024 * 1024;

} // namespace

DashboardSetup loadDashboardSetup(const QString &path, const QString &caFile)
{
    DashboardSetup setup;
    if (path.isEmpty())
        return setup;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setup.error = QStringLiteral("cannot read the dashboard %1: %2").arg(path, file.errorString());
        return setup;
    }
    if (file.size() > kMaxFileBytes) {
        setup.error = QStringLiteral("the dashboard %1 is larger than 1 MiB").arg(path);
        return setup;
    }
    const DashboardRead read = readDashboard(file.readAll());
    if (!read.dashboard) {
        setup.error = QStringLiteral("the dashboard %1: %2").arg(path, read.error);
        return setup;
    }
    const Dashboard &dashboard = *read.dashboard;
    if (dashboard.prometheus) {
        const DashboardPrometheus &prometheus = *dashboard.prometheus;
        PrometheusServer server;
        server.url = prometheus.url;
        server.timeoutMs = prometheus.timeoutSeconds * 1000;
        server.tls.caFile = caFile;
        if (!prometheus.basicUser.isEmpty()) {
            const TokenResult password =
                readBearerToken(prometheus.passwordFile, QByteArrayLiteral("VANTAGE_PROMETHEUS_PASSWORD"));
            if (!password.error.isEmpty()) {
                setup.error = QStringLiteral("the dashboard %1: %2").arg(path, password.error);
                return setup;
            }
            server.basicUser = prometheus.basicUser;
            server.basicPassword = QString::fromUtf8(password.token);
        } else {
            const TokenResult token =
                readBearerToken(prometheus.tokenFile, QByteArrayLiteral("VANTAGE_PROMETHEUS_TOKEN"));
            if (!token.error.isEmpty()) {
                setup.error = QStringLiteral("the dashboard %1: %2").arg(path, token.error);
                return setup;
            }
            server.bearerToken = token.token;
        }
        setup.server = server;
    }
    setup.dashboard = dashboard;
    return setup;
}

} // namespace vantage
