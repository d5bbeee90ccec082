#include "feed/ResumePoint.h"
#include "relay/RelayMetrics.h"
#include "relay/RelayServer.h"
#include "support/RawHttpGet.h"
#include "support/RelayWsClient.h"
#include "support/SignupMessage.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

#include <memory>

// vantage-relay's GET /metrics: the Prometheus text format, and the figures it counts.

using namespace vantage;
using vantage::test::httpGet;
using WsClient = vantage::test::RelayWsClient;

namespace {

RelayOptions loopbackOptions()
{
    RelayOptions options;
    options.address = QHostAddress(QHostAddress::LocalHost);
    options.port = 0;
    options.heartbeatMs = 0;
    return options;
}

QUrl streamUrl(quint16 port)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(port));
}

// The value of the one sample named exactly `series` (name and labels); NaN when absent.
double sampleValue(const QByteArray &text, const QByteArray &series)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.sliced(series.size() + 1).toDouble();
    }
    return qQNaN();
}

} // namespace

TEST(RelayMetrics, EveryFamilyHasHelpAndTypeBeforeItsSamples)
{
    RelayMetrics metrics;
    metrics.webSocketClients = 3;
    metrics.sseClients = 2;
    metrics.messagesPublished = 1234;
    metrics.messagesSent = 5678;
    metrics.resumesServed = 11;
    metrics.resumesMissed = 7;
    metrics.clientsDropped = 5;
    metrics.droppedBytes = 9'000'000;
    metrics.lastSeq = 4321;
    metrics.uptimeSeconds = 12.5;
    const QByteArray text = prometheusText(metrics);

    EXPECT_EQ(sampleValue(text, "vantage_relay_clients{transport=\"websocket\"}"), 3);
    EXPECT_EQ(sampleValue(text, "vantage_relay_clients{transport=\"sse\"}"), 2);
    EXPECT_EQ(sampleValue(text, "vantage_relay_messages_published_total"), 1234);
    EXPECT_EQ(sampleValue(text, "vantage_relay_messages_sent_total"), 5678);
    EXPECT_EQ(sampleValue(text, "vantage_relay_resume_requests_total{result=\"served\"}"), 11);
    EXPECT_EQ(sampleValue(text, "vantage_relay_resume_requests_total{result=\"missed\"}"), 7);
    EXPECT_EQ(sampleValue(text, "vantage_relay_clients_dropped_total"), 5);
    EXPECT_EQ(sampleValue(text, "vantage_relay_dropped_bytes_total"), 9'000'000);
    EXPECT_EQ(sampleValue(text, "vantage_relay_last_seq"), 4321);
    EXPECT_EQ(sampleValue(text, "vantage_relay_uptime_seconds"), 12.5);

    // The exposition format's grammar, line by line: comments name a family already typed or
    // about to be, and every sample belongs to the family typed last.
    static const QRegularExpression help(QStringLiteral("^# HELP (vantage_relay_[a-z_]+) \\S.*$"));
    static const QRegularExpression type(QStringLiteral("^# TYPE (vantage_relay_[a-z_]+) (counter|gauge)$"));
    static const QRegularExpression sample(
        QStringLiteral("^(vantage_relay_[a-z_]+)(\\{[a-z]+=\"[a-z]+\"\\})? [0-9.]+$"));
    ASSERT_TRUE(text.endsWith('\n'));
    QString typed;
    QString helped;
    int samples = 0;
    for (const QByteArray &bytes : text.chopped(1).split('\n')) {
        const QString line = QString::fromUtf8(bytes);
        if (const auto match = help.match(line); match.hasMatch()) {
            helped = match.captured(1);
        } else if (const auto match = type.match(line); match.hasMatch()) {
            EXPECT_EQ(match.captured(1), helped) << line.toStdString();
            typed = match.captured(1);
            EXPECT_EQ(typed.endsWith(QLatin1String("_total")), match.captured(2) == QLatin1String("counter"))
                << line.toStdString();
        } else if (const auto match = sample.match(line); match.hasMatch()) {
            EXPECT_EQ(match.captured(1), typed) << line.toStdString();
            ++samples;
        } else {
            ADD_FAILURE() << "not a line of the exposition format: " << line.toStdString();
        }
    }
    EXPECT_EQ(samples, 10);
}

TEST(RelayMetrics, ServedAtMetricsWithClientsMessagesAndResumesCounted)
{
    auto server = std::make_unique<RelayServer>(loopbackOptions());
    QString error;
    ASSERT_TRUE(server->listen(&error)) << error.toStdString();
    for (int i = 1; i <= 5; ++i)
        server->publish(vantage::test::signupMessage(i));

    // hello and the replay of 4 and 5; hello and a snapshot, for an epoch the relay never had.
    WsClient served(ResumePoint{server->epoch(), 3}.addedTo(streamUrl(server->port())));
    WsClient missed(ResumePoint{QStringLiteral("another-epoch"), 3}.addedTo(streamUrl(server->port())));
    ASSERT_TRUE(served.waitForMessages(3));
    ASSERT_TRUE(missed.waitForMessages(2));

    const vantage::test::HttpReply reply = httpGet(server->port(), "/metrics");
    ASSERT_EQ(reply.status, 200) << reply.head.toStdString();
    EXPECT_EQ(reply.header("content-type"), QByteArray(kPrometheusTextType));
    EXPECT_EQ(sampleValue(reply.body, "vantage_relay_clients{transport=\"websocket\"}"), 2);
    EXPECT_EQ(sampleValue(reply.body, "vantage_relay_clients{transport=\"sse\"}"), 0);
    EXPECT_EQ(sampleValue(reply.body, "vantage_relay_messages_published_total"), 5);
    EXPECT_EQ(sampleValue(reply.body, "vantage_relay_messages_sent_total"), 5);
    EXPECT_EQ(sampleValue(reply.body, "vantage_relay_resume_requests_total{result=\"served\"}"), 1);
    EXPECT_EQ(sampleValue(reply.body, "vantage_relay_resume_requests_total{result=\"missed\"}"), 1);
    EXPECT_EQ(sampleValue(reply.body, "vantage_relay_clients_dropped_total"), 0);
    EXPECT_EQ(sampleValue(reply.body, "vantage_relay_last_seq"), 5);
    EXPECT_GT(sampleValue(reply.body, "vantage_relay_uptime_seconds"), 0);

    served.socket.close();
    ASSERT_TRUE(QTest::qWaitFor([&] { return server->clientCount(u"websocket") == 1; }, WsClient::kWaitMs));
    EXPECT_EQ(sampleValue(httpGet(server->port(), "/metrics").body,
                          "vantage_relay_clients{transport=\"websocket\"}"),
              1);
}
