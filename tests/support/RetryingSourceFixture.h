#pragma once

#include "feed/ConnectionStatus.h"
#include "feed/FrameSource.h"
#include "support/CollectingSink.h"

#include <QByteArray>
#include <QString>
#include <QTest>
#include <QUrl>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace vantage::test {

// What the tests of the live sources (WebSocket, SSE, poll) share: the source under test with
// a collecting sink, every status it reported, waits on them, and the check after each test
// that no status carried the credential and every one named the transport.
template <class Source, class Options>
class RetryingSourceFixture : public ::testing::Test
{
protected:
    static constexpr int kWaitMs = 5000;

    RetryingSourceFixture(QString transport, QByteArray token)
        : m_transport(std::move(transport))
        , m_token(std::move(token))
    {}

    // The URL and token, with reconnects 10 ms apart at most 20 ms. A fixture may add to it.
    virtual Options options(const QUrl &url) const
    {
        Options o;
        o.url = url;
        o.bearerToken = m_token;
        o.reconnect.baseMs = 10;
        o.reconnect.capMs = 20;
        return o;
    }

    // The breaker opens after `maxAttempts` failures in a row; then a probe waits a minute.
    Options breakerOptions(const QUrl &url, int maxAttempts) const
    {
        Options o = options(url);
        o.reconnect.maxAttempts = maxAttempts;
        o.reconnect.offlineProbeMs = 60'000;
        return o;
    }

    void attach(std::unique_ptr<Source> source)
    {
        m_source = std::move(source);
        m_source->setSink(&m_sink);
        QObject::connect(m_source.get(), &FrameSource::statusChanged, m_source.get(),
                         [this](const ConnectionStatus &s) { m_statuses.push_back(s); });
    }

    bool waitForState(ConnectionState state, int fromIndex = 0, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return indexOf(state, fromIndex) >= 0; }, timeoutMs);
    }

    int indexOf(ConnectionState state, int fromIndex = 0) const
    {
        for (size_t i = size_t(std::max(0, fromIndex)); i < m_statuses.size(); ++i) {
            if (m_statuses[i].state == state)
                return int(i);
        }
        return -1;
    }

    int countOf(ConnectionState state) const
    {
        return int(std::count_if(m_statuses.cbegin(), m_statuses.cend(),
                                 [state](const ConnectionStatus &s) { return s.state == state; }));
    }

    const ConnectionStatus &statusAt(int index) const { return m_statuses.at(size_t(index)); }

    bool waitForFrames(size_t count)
    {
        return QTest::qWaitFor([&] { return m_sink.frames.size() >= count; }, kWaitMs);
    }

    void TearDown() override
    {
        // Whatever a test did, no status may ever have carried the credential.
        for (const ConnectionStatus &s : m_statuses) {
            EXPECT_FALSE(s.reason.contains(QString::fromLatin1(m_token))) << s.reason.toStdString();
            EXPECT_EQ(s.transport, m_transport);
        }
        m_source.reset();
    }

    CollectingSink m_sink;
    std::unique_ptr<Source> m_source;
    std::vector<ConnectionStatus> m_statuses;

private:
    QString m_transport;
    QByteArray m_token;
};

} // namespace vantage::test
