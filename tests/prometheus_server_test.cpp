#include "prometheus/PrometheusClient.h"
#include "relay/RelayServer.h"
#include "support/PrometheusProcess.h"
#include "support/RelayWithPrometheus.h"
#include "support/RelayWsClient.h"
#include "support/SignupMessage.h"

#include <QDateTime>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>

// The whole loop, with real parts: vantage-relay's /metrics, scraped every second by a real
// Prometheus server on 127.0.0.1, asked by PrometheusClient through the HTTP API.

using namespace vantage;
using vantage::test::PrometheusProcess;

namespace {

constexpr int kAnswerWaitMs = 15'000;
// Scrapes come every second; a value the relay has now is in Prometheus within a few.
constexpr int kScrapeWaitMs = 30'000;

// The one answer to `query`, waited for; nullopt when none came.
std::optional<PromAnswer> ask(PrometheusClient &client, const PromQuery &query)
{
    QSignalSpy answered(&client, &PrometheusClient::answered);
    const quint64 id = client.submit(QStringLiteral("panel"), query);
    if (!answered.wait(kAnswerWaitMs) || answered.size() != 1 || answered.at(0).at(1).toULongLong() != id)
        return std::nullopt;
    return answered.at(0).at(2).value<PromAnswer>();
}

PromQuery instant(const QString &expr, qint64 timeMs = 0)
{
    PromQuery query;
    query.expr = expr;
    query.timeMs = timeMs;
    return query;
}

// The value of the series with this label, in an instant answer; NaN when absent.
double valueWhere(const PromAnswer &answer, const QString &label, const QString &value)
{
    for (const PromSeries &series : answer.result.series) {
        if (series.label(label) == value && !series.samples.empty())
            return series.samples.back().value;
    }
    return qQNaN();
}

class RealPrometheus : public vantage::test::RelayWithPrometheusSuite
{
protected:
    void SetUp() override
    {
        ASSERT_NE(s_prometheus, nullptr);
        vantage::PrometheusServer server;
        server.url = s_prometheus->url();
        m_client = std::make_unique<PrometheusClient>(server);
    }

    QString relayInstance() const { return QStringLiteral("127.0.0.1:%1").arg(s_relay->port()); }

    // Asks `expr` until the answer satisfies `done`, as scrapes come in; the last answer.
    std::optional<PromAnswer> askUntil(const QString &expr,
                                       const std::function<bool(const PromAnswer &)> &done)
    {
        std::optional<PromAnswer> answer;
        const bool reached = QTest::qWaitFor(
            [&] {
                answer = ask(*m_client, instant(expr));
                return answer && answer->ok && done(*answer);
            },
            kScrapeWaitMs);
        return reached ? answer : std::nullopt;
    }

    std::unique_ptr<PrometheusClient> m_client;
};

} // namespace

TEST_F(RealPrometheus, ScrapesTheRelayAndItself)
{
    const std::optional<PromAnswer> up = askUntil(QStringLiteral("up"), [](const PromAnswer &answer) {
        return answer.result.series.size() == 2 &&
               valueWhere(answer, QStringLiteral("job"), QStringLiteral("relay")) == 1 &&
               valueWhere(answer, QStringLiteral("job"), QStringLiteral("prometheus")) == 1;
    });
    ASSERT_TRUE(up && up->ok) << (up ? up->error.message.toStdString() : "no answer");
    EXPECT_EQ(up->result.type, PromResult::Type::Vector);
    for (const PromSeries &series : up->result.series) {
        EXPECT_EQ(series.label(QStringLiteral("__name__")), QStringLiteral("up"));
        if (series.label(QStringLiteral("job")) == QLatin1String("relay")) {
            EXPECT_EQ(series.label(QStringLiteral("instance")), relayInstance());
        }
    }
}

TEST_F(RealPrometheus, RelaySeriesComeBackWithTheirLabelsOverARange)
{
    const qint64 published = s_relay->lastSeq() + 7;
    for (int i = 0; i < 7; ++i)
        s_relay->publish(vantage::test::signupMessage(i));
    vantage::test::RelayWsClient viewer(
        QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(s_relay->port())));
    ASSERT_TRUE(viewer.waitForMessages(2));

    const std::optional<PromAnswer> seen =
        askUntil(QStringLiteral("vantage_relay_clients"), [&](const PromAnswer &answer) {
            return valueWhere(answer, QStringLiteral("transport"), QStringLiteral("websocket")) == 1;
        });
    ASSERT_TRUE(seen && seen->ok);
    const std::optional<PromAnswer> lastSeq =
        askUntil(QStringLiteral("vantage_relay_last_seq"), [&](const PromAnswer &answer) {
            return valueWhere(answer, QStringLiteral("job"), QStringLiteral("relay")) == double(published);
        });
    ASSERT_TRUE(lastSeq && lastSeq->ok);

    PromQuery range;
    range.kind = PromQuery::Kind::Range;
    range.expr = QStringLiteral("vantage_relay_clients{job=\"relay\"}");
    range.endMs = QDateTime::currentMSecsSinceEpoch();
    range.startMs = range.endMs - 60'000;
    range.stepMs = 1000;
    const std::optional<PromAnswer> answer = ask(*m_client, range);
    ASSERT_TRUE(answer && answer->ok) << (answer ? answer->error.message.toStdString() : "no answer");
    EXPECT_EQ(answer->result.type, PromResult::Type::Matrix);
    ASSERT_EQ(answer->result.series.size(), 2u);
    for (const PromSeries &series : answer->result.series) {
        const QString transport = series.label(QStringLiteral("transport"));
        EXPECT_TRUE(transport == QLatin1String("websocket") || transport == QLatin1String("sse"))
            << transport.toStdString();
        EXPECT_EQ(series.label(QStringLiteral("__name__")), QStringLiteral("vantage_relay_clients"));
        EXPECT_EQ(series.label(QStringLiteral("instance")), relayInstance());
        ASSERT_FALSE(series.samples.empty());
        for (size_t i = 1; i < series.samples.size(); ++i)
            EXPECT_EQ(series.samples[i].timeMs - series.samples[i - 1].timeMs, 1000);
        EXPECT_GE(series.samples.front().timeMs, range.startMs);
        EXPECT_LE(series.samples.back().timeMs, range.endMs);
        EXPECT_EQ(series.samples.back().value, transport == QLatin1String("websocket") ? 1.0 : 0.0);
    }
}

TEST_F(RealPrometheus, ReservedCharactersInTheQueryArriveIntact)
{
    ASSERT_TRUE(askUntil(QStringLiteral("vantage_relay_last_seq"),
                         [](const PromAnswer &answer) { return !answer.result.series.empty(); }));
    // One evaluation time for both, so they see the same scrape.
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    const std::optional<PromAnswer> plain =
        ask(*m_client, instant(QStringLiteral("vantage_relay_last_seq"), at));
    const std::optional<PromAnswer> sum =
        ask(*m_client, instant(QStringLiteral("vantage_relay_last_seq{job=~\"relay|a&b;c\"} + 1000"), at));
    ASSERT_TRUE(plain && plain->ok && sum && sum->ok)
        << (sum ? sum->error.message.toStdString() : "no answer");
    ASSERT_EQ(plain->result.series.size(), 1u);
    ASSERT_EQ(sum->result.series.size(), 1u);
    EXPECT_EQ(sum->result.series[0].samples.at(0).value, plain->result.series[0].samples.at(0).value + 1000);
}

TEST_F(RealPrometheus, ABadQueryIsReportedAsOne)
{
    const std::optional<PromAnswer> answer =
        ask(*m_client, instant(QStringLiteral("rate(vantage_relay_messages_sent_total[5m]")));
    ASSERT_TRUE(answer);
    ASSERT_FALSE(answer->ok);
    EXPECT_EQ(answer->error.kind, PromError::Kind::BadQuery);
    EXPECT_TRUE(answer->error.message.contains(QLatin1String("parse error")))
        << answer->error.message.toStdString();

    // The client carries on: the next query under the same key is answered.
    const std::optional<PromAnswer> next = ask(*m_client, instant(QStringLiteral("vector(42)")));
    ASSERT_TRUE(next && next->ok);
    ASSERT_EQ(next->result.series.size(), 1u);
    EXPECT_EQ(next->result.series[0].samples.at(0).value, 42.0);
}

TEST_F(RealPrometheus, ScalarsAndSpecialValuesAreRead)
{
    const std::optional<PromAnswer> scalar = ask(*m_client, instant(QStringLiteral("scalar(vector(2.5))")));
    ASSERT_TRUE(scalar && scalar->ok);
    EXPECT_EQ(scalar->result.type, PromResult::Type::Scalar);
    ASSERT_EQ(scalar->result.series.size(), 1u);
    EXPECT_EQ(scalar->result.series[0].samples.at(0).value, 2.5);

    const std::optional<PromAnswer> special = ask(*m_client, instant(QStringLiteral("vector(1) / 0")));
    ASSERT_TRUE(special && special->ok);
    ASSERT_EQ(special->result.series.size(), 1u);
    EXPECT_TRUE(qIsInf(special->result.series[0].samples.at(0).value));
}
