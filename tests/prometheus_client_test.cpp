#include "feed/HttpRequestSetup.h"
#include "prometheus/PrometheusClient.h"
#include "support/ScriptedHttpServer.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

// PrometheusClient against servers that misbehave on purpose (tests/support/ScriptedHttpServer
// on 127.0.0.1): credentials, a request superseded by a newer one, a server that never answers,
// a port nobody listens on. The real server's answers are in prometheus_server_test.cpp.

using namespace vantage;
using vantage::test::ScriptedHttpServer;

namespace {

constexpr int kWaitMs = 10'000;

const QByteArray kVectorAnswer =
    QByteArrayLiteral(R"({"status":"success","data":{"resultType":"vector","result":[)"
                      R"({"metric":{"__name__":"up","job":"relay"},"value":[1700000000.5,"1"]}]}})");

PromQuery upQuery()
{
    PromQuery query;
    query.expr = QStringLiteral("up");
    return query;
}

PrometheusServer serverAt(const QUrl &url)
{
    PrometheusServer server;
    server.url = url;
    return server;
}

PromAnswer answerAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(2).value<PromAnswer>();
}

} // namespace

TEST(PrometheusClient, AsksTheApiWithTheQueryAndReadsTheAnswer)
{
    ScriptedHttpServer http;
    ASSERT_TRUE(http.listen());
    http.setFallback(ScriptedHttpServer::withBody(200, "application/json", kVectorAnswer));
    PrometheusClient client(serverAt(http.url(QStringLiteral("/prom/"))));
    QSignalSpy answered(&client, &PrometheusClient::answered);

    const quint64 id = client.submit(QStringLiteral("card"), upQuery());
    ASSERT_TRUE(answered.wait(kWaitMs));
    EXPECT_EQ(answered.at(0).at(0).toString(), QStringLiteral("card"));
    EXPECT_EQ(answered.at(0).at(1).toULongLong(), id);
    const PromAnswer answer = answerAt(answered, 0);
    ASSERT_TRUE(answer.ok) << answer.error.message.toStdString();
    ASSERT_EQ(answer.result.series.size(), 1u);
    EXPECT_EQ(answer.result.series[0].label(QStringLiteral("job")), QStringLiteral("relay"));
    EXPECT_EQ(answer.result.series[0].samples.at(0).timeMs, 1'700'000'000'500);

    ASSERT_EQ(http.requestCount(), 1);
    EXPECT_EQ(http.requests()[0].path, QByteArrayLiteral("/prom/api/v1/query?query=up"));
    EXPECT_EQ(http.requests()[0].header("accept"), QByteArrayLiteral("application/json"));
    EXPECT_FALSE(http.requests()[0].hasHeader("authorization"));
}

TEST(PrometheusClient, SendsBasicOrBearerCredentialsAsConfigured)
{
    ScriptedHttpServer http;
    ASSERT_TRUE(http.listen());
    http.setFallback(ScriptedHttpServer::withBody(200, "application/json", kVectorAnswer));

    PrometheusServer basic = serverAt(http.url());
    basic.basicUser = QStringLiteral("grafana");
    basic.basicPassword = QStringLiteral("s3cret:pass");
    PrometheusClient basicClient(basic);
    QSignalSpy basicAnswered(&basicClient, &PrometheusClient::answered);
    basicClient.submit(QStringLiteral("a"), upQuery());
    ASSERT_TRUE(basicAnswered.wait(kWaitMs));

    PrometheusServer bearer = serverAt(http.url());
    bearer.bearerToken = QByteArrayLiteral("prom-T0ken");
    PrometheusClient bearerClient(bearer);
    QSignalSpy bearerAnswered(&bearerClient, &PrometheusClient::answered);
    bearerClient.submit(QStringLiteral("a"), upQuery());
    ASSERT_TRUE(bearerAnswered.wait(kWaitMs));

    ASSERT_EQ(http.requestCount(), 2);
    EXPECT_EQ(http.requests()[0].header("authorization"),
              QByteArrayLiteral("Basic ") + QByteArrayLiteral("grafana:s3cret:pass").toBase64());
    EXPECT_EQ(http.requests()[1].header("authorization"), QByteArrayLiteral("Bearer prom-T0ken"));
}

TEST(PrometheusClient, RefusedCredentialsAreReportedAsUnauthorized)
{
    ScriptedHttpServer http;
    ASSERT_TRUE(http.listen());
    http.setFallback(ScriptedHttpServer::withBody(401, "text/plain", "Unauthorized\n"));
    PrometheusServer server = serverAt(http.url());
    server.bearerToken = QByteArrayLiteral("wrong-token");
    PrometheusClient client(server);
    QSignalSpy answered(&client, &PrometheusClient::answered);
    client.submit(QStringLiteral("a"), upQuery());
    ASSERT_TRUE(answered.wait(kWaitMs));
    const PromAnswer answer = answerAt(answered, 0);
    EXPECT_FALSE(answer.ok);
    EXPECT_EQ(answer.error.kind, PromError::Kind::Unauthorized);
    EXPECT_FALSE(answer.error.message.contains(QLatin1String("wrong-token")));
}

TEST(PrometheusClient, ANewerRequestUnderTheSameKeyCancelsTheOlder)
{
    ScriptedHttpServer http;
    ASSERT_TRUE(http.listen());
    PrometheusClient client(serverAt(http.url()));
    QSignalSpy answered(&client, &PrometheusClient::answered);

    PromQuery older = upQuery();
    older.expr = QStringLiteral("older");
    client.submit(QStringLiteral("chart"), older);
    ASSERT_TRUE(QTest::qWaitFor([&] { return http.requestCount() == 1; }, kWaitMs));
    PromQuery newer = upQuery();
    newer.expr = QStringLiteral("newer");
    const quint64 newerId = client.submit(QStringLiteral("chart"), newer);
    ASSERT_TRUE(QTest::qWaitFor([&] { return http.requestCount() == 2; }, kWaitMs));
    // The older request's connection is gone: aborted, not left to finish in the background.
    EXPECT_TRUE(QTest::qWaitFor([&] { return http.isDisconnected(0); }, kWaitMs));
    EXPECT_EQ(http.requests()[1].path, QByteArrayLiteral("/api/v1/query?query=newer"));

    http.respond(1, ScriptedHttpServer::withBody(200, "application/json", kVectorAnswer));
    ASSERT_TRUE(answered.wait(kWaitMs));
    ASSERT_EQ(answered.size(), 1);
    EXPECT_EQ(answered.at(0).at(1).toULongLong(), newerId);
    // Late answers to the older request, were the server to send one, go nowhere.
    http.respond(0, ScriptedHttpServer::withBody(200, "application/json", kVectorAnswer));
    const quint64 probeId = client.submit(QStringLiteral("other"), upQuery());
    ASSERT_TRUE(QTest::qWaitFor([&] { return http.requestCount() == 3; }, kWaitMs));
    http.respond(2, ScriptedHttpServer::withBody(200, "application/json", kVectorAnswer));
    ASSERT_TRUE(answered.wait(kWaitMs));
    ASSERT_EQ(answered.size(), 2);
    EXPECT_EQ(answered.at(1).at(1).toULongLong(), probeId);
}

TEST(PrometheusClient, AServerThatNeverAnswersTimesOutAndOtherKeysCarryOn)
{
    ScriptedHttpServer http;
    ASSERT_TRUE(http.listen());
    PrometheusServer server = serverAt(http.url());
    server.timeoutMs = 300;
    PrometheusClient client(server);
    QSignalSpy answered(&client, &PrometheusClient::answered);

    client.submit(QStringLiteral("silent"), upQuery());
    ASSERT_TRUE(QTest::qWaitFor([&] { return http.requestCount() == 1; }, kWaitMs));
    client.submit(QStringLiteral("answered"), upQuery());
    ASSERT_TRUE(QTest::qWaitFor([&] { return http.requestCount() == 2; }, kWaitMs));
    http.respond(1, ScriptedHttpServer::withBody(200, "application/json", kVectorAnswer));

    ASSERT_TRUE(QTest::qWaitFor([&] { return answered.size() == 2; }, kWaitMs));
    EXPECT_EQ(answered.at(0).at(0).toString(), QStringLiteral("answered"));
    EXPECT_TRUE(answerAt(answered, 0).ok);
    EXPECT_EQ(answered.at(1).at(0).toString(), QStringLiteral("silent"));
    const PromAnswer silent = answerAt(answered, 1);
    EXPECT_FALSE(silent.ok);
    EXPECT_EQ(silent.error.kind, PromError::Kind::Timeout);
    EXPECT_TRUE(silent.error.message.contains(QLatin1String("0.3 s"))) << silent.error.message.toStdString();
}

TEST(PrometheusClient, AnUnreachableServerIsReportedWithoutBlockingTheCaller)
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress(QHostAddress::LocalHost), 0));
        closedPort = probe.serverPort();
    }
    PrometheusClient client(serverAt(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort))));
    QSignalSpy answered(&client, &PrometheusClient::answered);
    client.submit(QStringLiteral("a"), upQuery());
    // submit() only hands the request over: the answer comes through the event loop, later.
    EXPECT_EQ(answered.size(), 0);
    ASSERT_TRUE(answered.wait(kWaitMs));
    const PromAnswer answer = answerAt(answered, 0);
    EXPECT_FALSE(answer.ok);
    EXPECT_EQ(answer.error.kind, PromError::Kind::Unreachable);
    EXPECT_TRUE(answer.error.message.contains(QLatin1String("refused")))
        << answer.error.message.toStdString();
}

TEST(PrometheusClient, CancelledRequestsAreNeverAnswered)
{
    ScriptedHttpServer http;
    ASSERT_TRUE(http.listen());
    PrometheusClient client(serverAt(http.url()));
    QSignalSpy answered(&client, &PrometheusClient::answered);
    client.submit(QStringLiteral("gone"), upQuery());
    ASSERT_TRUE(QTest::qWaitFor([&] { return http.requestCount() == 1; }, kWaitMs));
    client.cancel(QStringLiteral("gone"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return http.isDisconnected(0); }, kWaitMs));
    const quint64 probeId = client.submit(QStringLiteral("probe"), upQuery());
    ASSERT_TRUE(QTest::qWaitFor([&] { return http.requestCount() == 2; }, kWaitMs));
    http.respond(1, ScriptedHttpServer::withBody(200, "application/json", kVectorAnswer));
    ASSERT_TRUE(answered.wait(kWaitMs));
    ASSERT_EQ(answered.size(), 1);
    EXPECT_EQ(answered.at(0).at(1).toULongLong(), probeId);
}

TEST(PrometheusCredentials, BasicAuthFollowsTheTokensRules)
{
    HttpRequestOptions options;
    options.url = QUrl(QStringLiteral("https://prometheus.example:9090"));
    options.basicUser = QStringLiteral("ops");
    options.basicPassword = QStringLiteral("pa ss");
    const HttpRequestSetup setup = makeHttpRequest(options);
    ASSERT_TRUE(setup.ok()) << setup.error.toStdString();
    EXPECT_EQ(setup.request.rawHeader("Authorization"), QByteArrayLiteral("Basic b3BzOnBhIHNz"));

    options.url = QUrl(QStringLiteral("http://prometheus.example:9090"));
    const HttpRequestSetup plain = makeHttpRequest(options);
    EXPECT_FALSE(plain.ok());
    EXPECT_TRUE(plain.error.contains(QLatin1String("unencrypted"))) << plain.error.toStdString();
    EXPECT_FALSE(plain.error.contains(QLatin1String("pa ss")));

    options.url = QUrl(QStringLiteral("http://127.0.0.1:9090"));
    EXPECT_TRUE(makeHttpRequest(options).ok());
    options.bearerToken = QByteArrayLiteral("t");
    EXPECT_FALSE(makeHttpRequest(options).ok());
    options.bearerToken.clear();
    options.basicUser = QStringLiteral("a:b");
    EXPECT_FALSE(makeHttpRequest(options).ok());
}
