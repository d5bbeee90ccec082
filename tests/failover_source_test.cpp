#include "feed/FailoverSource.h"
#include "feed/FrameSink.h"
#include "support/CollectingSink.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace vantage;

namespace {

constexpr int kWaitMs = 5000;

// A transport the test drives by hand: the chain's decisions depend only on statuses.
class ScriptedTransport final : public FrameSource
{
public:
    explicit ScriptedTransport(QString kind)
        : m_kind(std::move(kind))
    {}

    void start() override
    {
        ++starts;
        running = true;
        report(ConnectionState::Connecting);
    }
    void stop() override
    {
        ++stops;
        running = false;
        report(ConnectionState::Idle);
    }
    void reconnectNow() override { ++reconnectNows; }
    bool sendText(const QByteArray &) override { return running; }

    void report(ConnectionState state, int attempt = 0, bool refused = false)
    {
        ConnectionStatus status;
        status.state = state;
        status.transport = m_kind;
        status.attempt = attempt;
        status.transportRefused = refused;
        if (state == ConnectionState::Reconnecting)
            status.reason = QStringLiteral("connection refused");
        Q_EMIT statusChanged(status);
    }
    // An Error the transport retries by itself after `retryInMs` (errorRetryMs, a kiosk).
    void reportRetryingError(qint64 retryInMs)
    {
        ConnectionStatus status;
        status.state = ConnectionState::Error;
        status.transport = m_kind;
        status.reason = QStringLiteral("rejected by server (1008 policy violation)");
        status.retryAtMs = 1'000 + retryInMs;
        status.sinceMs = 1'000;
        Q_EMIT statusChanged(status);
    }
    void deliver(const QByteArray &frame)
    {
        if (sink())
            sink()->onFrame({frame, 1, QLatin1String("websocket")});
    }
    ResumePoint askResume() const { return resumePoint(); }

    int starts = 0;
    int stops = 0;
    int reconnectNows = 0;
    bool running = false;

private:
    QString m_kind;
};

class FailoverSourceTest : public ::testing::Test
{
protected:
    void build(int probeIntervalMs = 60'000)
    {
        auto ws = std::make_unique<ScriptedTransport>(QStringLiteral("websocket"));
        auto sse = std::make_unique<ScriptedTransport>(QStringLiteral("sse"));
        auto poll = std::make_unique<ScriptedTransport>(QStringLiteral("polling"));
        m_ws = ws.get();
        m_sse = sse.get();
        m_poll = poll.get();
        std::vector<std::unique_ptr<FrameSource>> transports;
        transports.push_back(std::move(ws));
        transports.push_back(std::move(sse));
        transports.push_back(std::move(poll));
        FailoverOptions options;
        options.switchAfterFailures = 3;
        options.probeIntervalMs = probeIntervalMs;
        m_chain = std::make_unique<FailoverSource>(std::move(transports), options);
        m_chain->setSink(&m_sink);
        m_chain->setResumeFn([] { return ResumePoint{QStringLiteral("e1"), 77}; });
        QObject::connect(m_chain.get(), &FrameSource::statusChanged,
                         [this](const ConnectionStatus &status) { m_statuses.push_back(status); });
    }

    // Drives the active transport to the point where the chain gives up on it.
    void failRepeatedly(ScriptedTransport *transport)
    {
        for (int attempt = 1; attempt <= 3; ++attempt)
            transport->report(ConnectionState::Reconnecting, attempt);
    }

    CollectingSink m_sink;
    std::unique_ptr<FailoverSource> m_chain;
    ScriptedTransport *m_ws = nullptr;
    ScriptedTransport *m_sse = nullptr;
    ScriptedTransport *m_poll = nullptr;
    std::vector<ConnectionStatus> m_statuses;
};

} // namespace

TEST_F(FailoverSourceTest, StartsOnTheBestTransportOnly)
{
    build();
    m_chain->start();
    EXPECT_EQ(m_ws->starts, 1);
    EXPECT_EQ(m_sse->starts, 0);
    EXPECT_EQ(m_poll->starts, 0);
    m_ws->report(ConnectionState::Live);
    ASSERT_FALSE(m_statuses.empty());
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Live);
    EXPECT_EQ(m_statuses.back().transport, QStringLiteral("websocket"));
}

TEST_F(FailoverSourceTest, RepeatedFailuresMoveDownTheChain)
{
    build();
    m_chain->start();
    m_ws->report(ConnectionState::Reconnecting, 1);
    m_ws->report(ConnectionState::Reconnecting, 2);
    EXPECT_EQ(m_chain->activeIndex(), 0) << "two failures are not enough";
    m_ws->report(ConnectionState::Reconnecting, 3);
    EXPECT_EQ(m_chain->activeIndex(), 1);
    EXPECT_FALSE(m_ws->running);
    EXPECT_TRUE(m_sse->running);

    failRepeatedly(m_sse);
    EXPECT_EQ(m_chain->activeIndex(), 2);
    EXPECT_TRUE(m_poll->running);
    m_poll->report(ConnectionState::Live);
    EXPECT_EQ(m_statuses.back().transport, QStringLiteral("polling"));
    EXPECT_TRUE(m_statuses.back().reason.contains(QLatin1String("SSE failed")))
        << qPrintable(m_statuses.back().reason);
    EXPECT_EQ(m_chain->switchCount(), 2);
}

TEST_F(FailoverSourceTest, LastTransportKeepsRetryingOnItsOwn)
{
    build();
    m_chain->start();
    failRepeatedly(m_ws);
    failRepeatedly(m_sse);
    for (int attempt = 1; attempt <= 10; ++attempt)
        m_poll->report(ConnectionState::Reconnecting, attempt);
    EXPECT_EQ(m_chain->activeIndex(), 2);
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Reconnecting);
}

TEST_F(FailoverSourceTest, RefusedUpgradeMovesOnAtOnce)
{
    build();
    m_chain->start();
    m_ws->report(ConnectionState::Reconnecting, 1, true);
    EXPECT_EQ(m_chain->activeIndex(), 1);
    EXPECT_EQ(m_sse->starts, 1);
}

TEST_F(FailoverSourceTest, ErrorStaysOnTheTransportAndIsReported)
{
    build();
    m_chain->start();
    m_ws->report(ConnectionState::Error);
    EXPECT_EQ(m_chain->activeIndex(), 0);
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
}

TEST_F(FailoverSourceTest, FramesFromEveryTransportReachTheSinkAndResumeIsShared)
{
    build();
    m_chain->start();
    m_ws->deliver("a");
    failRepeatedly(m_ws);
    m_sse->deliver("b");
    EXPECT_EQ(m_sink.frames, (std::vector<QByteArray>{"a", "b"}));
    EXPECT_EQ(m_sse->askResume(), (ResumePoint{QStringLiteral("e1"), 77}));
}

TEST_F(FailoverSourceTest, ProbeGoesBackUpWhenTheBetterTransportReturns)
{
    build(10);
    m_chain->start();
    failRepeatedly(m_ws);
    m_sse->report(ConnectionState::Live);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_chain->probingIndex() == 0; }, kWaitMs));
    EXPECT_EQ(m_ws->starts, 2);
    EXPECT_TRUE(m_sse->running) << "the fallback keeps streaming while the probe runs";

    m_ws->report(ConnectionState::Live);
    EXPECT_EQ(m_chain->activeIndex(), 0);
    EXPECT_EQ(m_chain->probingIndex(), -1);
    EXPECT_FALSE(m_sse->running) << "the fallback stops as soon as the probe is live";
    EXPECT_EQ(m_statuses.back().transport, QStringLiteral("websocket"));
    EXPECT_TRUE(m_statuses.back().reason.isEmpty());
}

TEST_F(FailoverSourceTest, FailedProbeIsStoppedAndOnlyOneRunsAtATime)
{
    build(10);
    m_chain->start();
    failRepeatedly(m_ws);
    failRepeatedly(m_sse);
    m_poll->report(ConnectionState::Live);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_chain->probingIndex() >= 0; }, kWaitMs));
    const int first = m_chain->probingIndex();
    EXPECT_EQ(first, 0) << "the best transport is probed first";
    EXPECT_FALSE(m_sse->running);
    m_ws->report(ConnectionState::Reconnecting, 1);
    EXPECT_FALSE(m_ws->running);
    EXPECT_EQ(m_chain->probingIndex(), -1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_chain->probingIndex() == 1; }, kWaitMs));
    EXPECT_FALSE(m_ws->running) << "one probe at a time";
    m_sse->report(ConnectionState::Live);
    EXPECT_EQ(m_chain->activeIndex(), 1);
    EXPECT_FALSE(m_poll->running);
}

TEST_F(FailoverSourceTest, ReconnectNowProbesTheBestTransportAtOnce)
{
    build();
    m_chain->start();
    failRepeatedly(m_ws);
    m_sse->report(ConnectionState::Live);
    m_chain->reconnectNow();
    EXPECT_EQ(m_chain->probingIndex(), 0);
    EXPECT_EQ(m_ws->starts, 2);
}

TEST_F(FailoverSourceTest, ReconnectNowOnTheBestTransportSkipsItsWait)
{
    build();
    m_chain->start();
    m_ws->report(ConnectionState::Reconnecting, 1);
    m_chain->reconnectNow();
    EXPECT_EQ(m_ws->reconnectNows, 1);
}

TEST_F(FailoverSourceTest, StopStopsTheActiveTransportAndTheProbe)
{
    build(10);
    m_chain->start();
    failRepeatedly(m_ws);
    m_sse->report(ConnectionState::Live);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_chain->probingIndex() == 0; }, kWaitMs));
    m_chain->stop();
    EXPECT_FALSE(m_ws->running);
    EXPECT_FALSE(m_sse->running);
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Idle);
    EXPECT_FALSE(m_chain->sendText("x"));
}

TEST_F(FailoverSourceTest, RetryingErrorMovesDownAtOnceAndAProbeComesBackUp)
{
    build(10);
    m_chain->start();
    m_ws->reportRetryingError(60'000);
    EXPECT_EQ(m_chain->activeIndex(), 1);
    EXPECT_FALSE(m_ws->running) << "its own retry is cancelled: the chain probes instead";
    EXPECT_TRUE(m_sse->running);
    m_sse->report(ConnectionState::Live);
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Live);
    EXPECT_EQ(m_statuses.back().reason, QStringLiteral("WebSocket failed (rejected by server (1008 policy violation))"));

    ASSERT_TRUE(QTest::qWaitFor([&] { return m_chain->probingIndex() == 0; }, kWaitMs));
    m_ws->report(ConnectionState::Live);
    EXPECT_EQ(m_chain->activeIndex(), 0);
    EXPECT_FALSE(m_sse->running);
}

TEST_F(FailoverSourceTest, RetryingErrorOnTheLastTransportIsShownWhileItRetries)
{
    build();
    m_chain->start();
    m_ws->reportRetryingError(60'000);
    m_sse->reportRetryingError(60'000);
    ASSERT_EQ(m_chain->activeIndex(), 2);
    m_poll->reportRetryingError(60'000);
    EXPECT_EQ(m_chain->activeIndex(), 2);
    EXPECT_TRUE(m_poll->running) << "left to retry on its own";
    EXPECT_EQ(m_statuses.back().state, ConnectionState::Error);
    EXPECT_EQ(m_statuses.back().transport, QStringLiteral("polling"));
    EXPECT_EQ(m_statuses.back().retryAtMs, 61'000);
    EXPECT_EQ(m_chain->switchCount(), 2);
}

TEST_F(FailoverSourceTest, RetryingErrorOfAProbeEndsTheProbeAndTheFallbackGoesOn)
{
    build(10);
    m_chain->start();
    failRepeatedly(m_ws);
    m_sse->report(ConnectionState::Live);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_chain->probingIndex() == 0; }, kWaitMs));
    const size_t shown = m_statuses.size();
    m_ws->reportRetryingError(60'000);
    EXPECT_EQ(m_chain->probingIndex(), -1);
    EXPECT_EQ(m_chain->activeIndex(), 1);
    EXPECT_FALSE(m_ws->running);
    EXPECT_TRUE(m_sse->running);
    EXPECT_EQ(m_statuses.size(), shown) << "a probe's failure is not the chain's status";
}
