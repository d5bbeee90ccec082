#include "feed/MessageEncoder.h"
#include "relay/RelayServer.h"
#include "support/RelayWsClient.h"

#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace vantage;
using vantage::test::RelayWsClient;

namespace {

constexpr int kWaitMs = RelayWsClient::kWaitMs;

class RelayAckTest : public ::testing::Test
{
protected:
    void start(bool acceptAcks = true)
    {
        RelayOptions options;
        options.address = QHostAddress(QHostAddress::LocalHost);
        options.heartbeatMs = 60'000;
        options.acceptAcks = acceptAcks;
        m_server = std::make_unique<RelayServer>(options);
        QString error;
        ASSERT_TRUE(m_server->listen(&error)) << error.toStdString();
        AlertInfo alert;
        alert.id = QStringLiteral("al-2");
        alert.severity = Severity::Critical;
        alert.message = QStringLiteral("Payment provider unreachable");
        Message message;
        message.kind = MessageKind::Alert;
        message.body = alert;
        m_server->publish(message);
    }

    std::unique_ptr<RelayWsClient> connectClient()
    {
        auto client = std::make_unique<RelayWsClient>(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(m_server->port())));
        // hello, then the snapshot with the open alert
        EXPECT_TRUE(client->waitForMessages(2));
        return client;
    }

    static void sendAck(RelayWsClient &client, const QString &id, const QString &by, const QString &comment = {})
    {
        Message message;
        message.kind = MessageKind::AlertAck;
        message.tsMs = 1;
        message.body = AlertAckInfo{id, by, comment};
        client.socket.sendTextMessage(QString::fromUtf8(encodeMessage(message)));
    }

    // A ping answered proves the relay read everything the client sent before it.
    static bool roundTrip(RelayWsClient &client)
    {
        const size_t before = client.messages.size();
        client.socket.sendTextMessage(QStringLiteral("{\"v\":1,\"type\":\"ping\"}"));
        return QTest::qWaitFor(
            [&] {
                return std::any_of(client.messages.begin() + qsizetype(before), client.messages.end(),
                                   [](const Message &m) { return m.kind == MessageKind::Pong; });
            },
            kWaitMs);
    }

    static const Message *findAck(const RelayWsClient &client)
    {
        const auto it = std::find_if(client.messages.begin(), client.messages.end(),
                                     [](const Message &m) { return m.kind == MessageKind::AlertAck; });
        return it == client.messages.end() ? nullptr : &*it;
    }

    std::unique_ptr<RelayServer> m_server;
};

TEST_F(RelayAckTest, HelloOffersAcknowledgements)
{
    start();
    auto client = connectClient();
    const auto &hello = std::get<HelloInfo>(client->messages.front().body);
    EXPECT_EQ(hello.accepts, std::vector<QString>{QStringLiteral("alert_ack")});
}

TEST_F(RelayAckTest, AnAcknowledgementIsSharedWithEveryClientAsTheNextSeq)
{
    start();
    auto sender = connectClient();
    auto other = connectClient();
    const qint64 alertSeq = m_server->lastSeq();

    sendAck(*sender, QStringLiteral("al-2"), QStringLiteral("anna"), QStringLiteral("on it"));

    ASSERT_TRUE(QTest::qWaitFor([&] { return findAck(*sender) && findAck(*other); }, kWaitMs));
    for (const RelayWsClient *client : {sender.get(), other.get()}) {
        const Message *ack = findAck(*client);
        EXPECT_EQ(ack->seq, alertSeq + 1);
        EXPECT_GT(ack->tsMs, 1) << "the relay stamps its own time";
        EXPECT_EQ(std::get<AlertAckInfo>(ack->body),
                  (AlertAckInfo{QStringLiteral("al-2"), QStringLiteral("anna"), QStringLiteral("on it")}));
    }
    EXPECT_EQ(m_server->lastSeq(), alertSeq + 1);
}

TEST_F(RelayAckTest, RefusesAcknowledgementsOfUnknownAlertsOrWithoutAName)
{
    start();
    auto client = connectClient();
    const qint64 before = m_server->lastSeq();

    sendAck(*client, QStringLiteral("al-404"), QStringLiteral("anna"));
    sendAck(*client, QStringLiteral("al-2"), QStringLiteral("   "));
    sendAck(*client, QStringLiteral("al-2"), QString(101, QLatin1Char('x')));
    sendAck(*client, QStringLiteral("al-2"), QStringLiteral("anna"), QString(1001, QLatin1Char('c')));
    ASSERT_TRUE(roundTrip(*client));

    EXPECT_EQ(findAck(*client), nullptr);
    EXPECT_EQ(m_server->lastSeq(), before);
}

TEST_F(RelayAckTest, WithoutAcknowledgementsTheHelloOffersNoneAndTheRelayTakesNone)
{
    start(false);
    auto client = connectClient();
    EXPECT_TRUE(std::get<HelloInfo>(client->messages.front().body).accepts.empty());
    const qint64 before = m_server->lastSeq();

    sendAck(*client, QStringLiteral("al-2"), QStringLiteral("anna"));
    ASSERT_TRUE(roundTrip(*client));

    EXPECT_EQ(findAck(*client), nullptr);
    EXPECT_EQ(m_server->lastSeq(), before);
}

} // namespace
