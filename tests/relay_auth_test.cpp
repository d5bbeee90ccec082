#include "relay/RelayCommandLine.h"
#include "relay/RelayServer.h"
#include "support/RawHttpGet.h"
#include "support/TestFiles.h"

#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <gtest/gtest.h>

#include <memory>

// vantage-relay with --token-file: the stream and the snapshot need the bearer token, the
// health check does not, and a wrong token is refused before any upgrade.

using namespace vantage;
using vantage::test::HttpReply;
using vantage::test::httpGet;

namespace {

constexpr int kWaitMs = 10'000;
const QByteArray kToken = QByteArrayLiteral("relay-T0ken-41c9");

std::unique_ptr<RelayServer> startRelayWithToken()
{
    RelayOptions options;
    options.heartbeatMs = 0;
    options.requiredToken = kToken;
    auto server = std::make_unique<RelayServer>(options);
    QString error;
    EXPECT_TRUE(server->listen(&error)) << error.toStdString();
    return server;
}

QByteArray bearer(const QByteArray &token)
{
    return QByteArrayLiteral("Authorization: Bearer ") + token + QByteArrayLiteral("\r\n");
}

} // namespace

TEST(RelayAuth, SnapshotAndMetricsNeedTheExactTokenAndHealthzStaysOpen)
{
    auto server = startRelayWithToken();
    const quint16 port = server->port();

    const HttpReply none = httpGet(port, "/snapshot");
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(none.header("www-authenticate"), QByteArrayLiteral("Bearer"));
    EXPECT_EQ(httpGet(port, "/snapshot", bearer("relay-T0ken-41c8")).status, 401);
    EXPECT_EQ(httpGet(port, "/snapshot", bearer("relay-T0ken-41c")).status, 401);
    EXPECT_EQ(httpGet(port, "/snapshot", bearer(kToken + "x")).status, 401);
    EXPECT_EQ(httpGet(port, "/snapshot", "Authorization: Basic cmVsYXk6eA==\r\n").status, 401);

    EXPECT_EQ(httpGet(port, "/snapshot", bearer(kToken)).status, 200);
    EXPECT_EQ(httpGet(port, "/snapshot", "Authorization: bearer " + kToken + "\r\n").status, 200);
    EXPECT_EQ(httpGet(port, "/events", "Accept: application/json\r\n" + bearer(kToken)).status, 200);
    EXPECT_EQ(httpGet(port, "/healthz").status, 200);
    // The counters are the operator's too: Prometheus scrapes with the token (docs/relay.md).
    EXPECT_EQ(httpGet(port, "/metrics").status, 401);
    EXPECT_EQ(httpGet(port, "/metrics", bearer(kToken)).status, 200);
}

TEST(RelayAuth, WebSocketUpgradeWithoutTheTokenIsRefusedWithTheRightOneAccepted)
{
    auto server = startRelayWithToken();
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/stream").arg(server->port()));

    QWebSocket refused;
    QSignalSpy refusedErrors(&refused, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    QSignalSpy refusedMessages(&refused, &QWebSocket::textMessageReceived);
    refused.open(url);
    ASSERT_TRUE(refusedErrors.wait(kWaitMs));
    EXPECT_TRUE(refused.errorString().contains(QLatin1String("401"))) << refused.errorString().toStdString();
    EXPECT_EQ(refusedMessages.count(), 0);

    QWebSocket accepted;
    QSignalSpy messages(&accepted, &QWebSocket::textMessageReceived);
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + kToken);
    accepted.open(request);
    ASSERT_TRUE(QTest::qWaitFor([&] { return messages.count() >= 2; }, kWaitMs));
    EXPECT_TRUE(messages.at(0).at(0).toString().contains(QLatin1String("\"hello\"")));
}

TEST(RelayAuth, CommandLineReadsTheTokenFileAndNamesAMissingOne)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("relay.token"));
    ASSERT_TRUE(vantage::test::writeLines(path, {kToken}));

    const RelayCommandLineResult ok =
        parseRelayCommandLine({QStringLiteral("vantage-relay"), QStringLiteral("--token-file"), path});
    ASSERT_TRUE(ok.options);
    EXPECT_EQ(ok.options->relay.requiredToken, kToken);

    const QString missing = dir.filePath(QStringLiteral("absent.token"));
    const RelayCommandLineResult bad =
        parseRelayCommandLine({QStringLiteral("vantage-relay"), QStringLiteral("--token-file"), missing});
    EXPECT_FALSE(bad.options);
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.message.contains(missing)) << bad.message.toStdString();
}
