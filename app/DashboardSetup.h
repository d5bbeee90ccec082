#pragma once

#include "models/DashboardFile.h"
#include "prometheus/PrometheusServer.h"

#include <optional>

namespace vantage {

// The metrics page's dashboard as the application loads it: the file's panels and the
// Prometheus server they ask, with the credentials read from the OS keychain entry or the file
// the dashboard names (else $VANTAGE_PROMETHEUS_TOKEN, $VANTAGE_PROMETHEUS_PASSWORD). A file that cannot be read or
// is not a valid dashboard leaves the defaults in place and says why, naming the file.
struct DashboardSetup
{
    Dashboard dashboard = defaultDashboard();
    std::optional<PrometheusServer> server;
    QString error; // plain text, never a credential
};

// `path` empty: the defaults, without a server.
DashboardSetup loadDashboardSetup(const QString &path, const QString &caFile);

} // namespace vantage
