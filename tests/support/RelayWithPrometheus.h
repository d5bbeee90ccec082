#pragma once

#include "relay/RelayServer.h"
#include "support/PrometheusProcess.h"

#include <QHostAddress>

#include <gtest/gtest.h>

#include <memory>

namespace vantage::test {

// A relay on 127.0.0.1 in this process, and a real Prometheus server scraping its /metrics (job
// "relay") every second: for test suites to start once and share. Header-only, for tests that
// link vantage_relay.
class RelayWithPrometheus
{
public:
    bool start(QString *error)
    {
        RelayOptions options;
        options.address = QHostAddress(QHostAddress::LocalHost);
        options.port = 0;
        options.heartbeatMs = 0;
        m_relay = std::make_unique<RelayServer>(options);
        return m_relay->listen(error) &&
               m_prometheus.start({{QStringLiteral("relay"), m_relay->port()}}, error);
    }

    RelayServer &relay() { return *m_relay; }
    PrometheusProcess &prometheus() { return m_prometheus; }

private:
    std::unique_ptr<RelayServer> m_relay;
    PrometheusProcess m_prometheus;
};

// A test suite sharing one RelayWithPrometheus: started before its first test, stopped after its
// last.
class RelayWithPrometheusSuite : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_servers = new RelayWithPrometheus;
        QString error;
        if (!s_servers->start(&error)) {
            delete s_servers;
            s_servers = nullptr;
            FAIL() << error.toStdString();
        }
        s_relay = &s_servers->relay();
        s_prometheus = &s_servers->prometheus();
    }

    static void TearDownTestSuite()
    {
        delete s_servers;
        s_servers = nullptr;
        s_relay = nullptr;
        s_prometheus = nullptr;
    }

    static inline RelayWithPrometheus *s_servers = nullptr;
    static inline RelayServer *s_relay = nullptr;
    static inline PrometheusProcess *s_prometheus = nullptr;
};

} // namespace vantage::test
