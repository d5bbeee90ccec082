#include "app/DashboardSetup.h"

#include "app/KeychainToken.h"
#include "feed/TokenSource.h"

#include <QFile>

namespace vantage {

namespace {

// A dashboard file is a page of panels: anything larger is not one.
constexpr qint64 kMaxFileBytes = 1024 * 1024;

// The bearer token or the basic password: from the OS keychain entry the dashboard names, else
// from its file, else from the environment.
TokenResult readCredential(const DashboardPrometheus &prometheus, bool basic)
{
    if (!prometheus.keychainEntry.isEmpty()) {
        if (!isValidKeychainEntryName(prometheus.keychainEntry)) {
            TokenResult invalid;
            invalid.error = QStringLiteral("\"keychain\" must be a name of letters, digits, '.', '_' or '-'");
            return invalid;
        }
        return readKeychainToken(prometheus.keychainEntry,
                                 basic ? QStringLiteral("\"password_file\" or VANTAGE_PROMETHEUS_PASSWORD")
                                       : QStringLiteral("\"token_file\" or VANTAGE_PROMETHEUS_TOKEN"));
    }
    if (basic)
        return readBearerToken(prometheus.passwordFile, QByteArrayLiteral("VANTAGE_PROMETHEUS_PASSWORD"));
    return readBearerToken(prometheus.tokenFile, QByteArrayLiteral("VANTAGE_PROMETHEUS_TOKEN"));
}

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
        const bool basic = !prometheus.basicUser.isEmpty();
        const TokenResult credential = readCredential(prometheus, basic);
        if (!credential.error.isEmpty()) {
            setup.error = QStringLiteral("the dashboard %1: %2").arg(path, credential.error);
            return setup;
        }
        if (basic) {
            server.basicUser = prometheus.basicUser;
            server.basicPassword = QString::fromUtf8(credential.token);
        } else {
            server.bearerToken = credential.token;
        }
        setup.server = server;
    }
    setup.dashboard = dashboard;
    return setup;
}

} // namespace vantage
