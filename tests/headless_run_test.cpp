#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <gtest/gtest.h>

// End to end: the real `vantage --headless` binary against a real WebSocket server on
// 127.0.0.1 that speaks seed 000's shapes, drops the first connection, and carries on.

namespace {

// Frames are stamped when sent, so today's counters count them whatever the date.
QString stamped(const char *frame)
{
    return QString::fromUtf8(frame).replace(QStringLiteral("%TS%"),
                                            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
}

QString vantageBinary()
{
    return QStringLiteral(VANTAGE_BIN_DIR) + QStringLiteral("/vantage");
}

const char *const kFirstConnection[] = {
    R"({"type":"new_signup","payload":{"id":"e1","type":"signup","userId":"u1","userName":"Ana Ruiz","description":"New supplier signed up","timestamp":"%TS%","metadata":{"vendorType":"florist"}}})",
    R"({"type":"new_signup","data":{"id":"e2","type":"signup","userId":"u2","userName":"Sam & Kim","description":"New couple signed up","timestamp":"%TS%","metadata":{"userType":"couple"}}})",
    R"({"type":"payment_success","payload":{"id":"e3","type":"payment","userId":"u2","userName":"Sam & Kim","description":"Deposit paid","value":250.5,"timestamp":"%TS%","metadata":{}}})",
    R"({"type":"system_metrics","payload":{"requestsPerSecond":420,"avgResponseTime":180,"errorRate":0.4,"queueDepth":3}})",
    R"({"type":"active_users","payload":{"current":812,"suppliers":200,"couples":612,"locations":[],"trend":4}})",
    R"({"type":"system_alert","payload":{"id":"a1","severity":"critical","message":"Payment provider timeouts","affectedUsers":37,"autoResolve":false,"timestamp":"%TS%"}})",
    R"({"type":"new_signup","payload":{"id":"e4" BROKEN)",
};

const char *const kSecondConnection[] = {
    R"({"type":"new_signup","payload":{"id":"e5","type":"signup","userId":"u5","userName":"Lee","description":"New supplier signed up","timestamp":"%TS%","metadata":{"vendorType":"venue"}}})",
    R"({"type":"payment_success","payload":{"id":"e6","type":"payment","userId":"u5","userName":"Lee","description":"Balance paid","value":1000,"timestamp":"%TS%","metadata":{}}})",
};

class SeedServer : public QObject
{
public:
    SeedServer() : m_server(QStringLiteral("seed"), QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *socket = m_server.nextPendingConnection();
            socket->setParent(this);
            ++m_connections;
            if (m_connections == 1) {
                for (const char *frame : kFirstConnection)
                    socket->sendTextMessage(stamped(frame));
                socket->flush();
                socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("restarting"));
            } else {
                for (const char *frame : kSecondConnection)
                    socket->sendTextMessage(stamped(frame));
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }

private:
    QWebSocketServer m_server;
    int m_connections = 0;
};

QJsonObject runHeadless(const QStringList &arguments, const QString &statsPath)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(vantageBinary(), arguments);
    EXPECT_TRUE(process.waitForStarted(10'000));
    // The test's own event loop must keep running: the server lives on it.
    EXPECT_TRUE(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60'000));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0);
    QFile file(statsPath);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << statsPath.toStdString();
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

TEST(HeadlessRun, ReportsSeedEventsCountersAlertsAndReconnects)
{
    SeedServer server;
    ASSERT_NE(server.port(), 0);
    QTemporaryDir dir;
    const QString statsPath = dir.filePath(QStringLiteral("s.json"));
    const QString url = QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port());

    const QJsonObject stats = runHeadless({QStringLiteral("--headless"), QStringLiteral("--url"), url,
                                           QStringLiteral("--duration"), QStringLiteral("4"),
                                           QStringLiteral("--stats-json"), statsPath},
                                          statsPath);
    EXPECT_GE(server.connections(), 2);

    const QJsonObject byType = stats[QStringLiteral("by_type")].toObject();
    EXPECT_EQ(byType[QStringLiteral("new_signup")].toInt(), 3);
    EXPECT_EQ(byType[QStringLiteral("payment_success")].toInt(), 2);
    EXPECT_EQ(byType[QStringLiteral("system_metrics")].toInt(), 1);
    EXPECT_EQ(byType[QStringLiteral("active_users")].toInt(), 1);
    EXPECT_EQ(byType[QStringLiteral("system_alert")].toInt(), 1);
    EXPECT_EQ(stats[QStringLiteral("received_total")].toInt(), 8);

    const QJsonObject errors = stats[QStringLiteral("decode_errors")].toObject();
    EXPECT_EQ(errors[QStringLiteral("total")].toInt(), 1);
    EXPECT_EQ(errors[QStringLiteral("by_reason")].toObject()[QStringLiteral("invalid_json")].toInt(), 1);
    EXPECT_EQ(stats[QStringLiteral("reconnects")].toInt(), 1);

    const QJsonObject counters = stats[QStringLiteral("final_counters")].toObject();
    EXPECT_EQ(counters[QStringLiteral("signups")].toDouble(), 3.0);
    EXPECT_EQ(counters[QStringLiteral("signups.supplier")].toDouble(), 2.0);
    EXPECT_EQ(counters[QStringLiteral("signups.couple")].toDouble(), 1.0);
    EXPECT_EQ(counters[QStringLiteral("payments")].toDouble(), 2.0);
    EXPECT_DOUBLE_EQ(counters[QStringLiteral("revenue")].toDouble(), 1250.5);
    EXPECT_EQ(counters[QStringLiteral("active_users")].toDouble(), 812.0);

    const QJsonArray alerts = stats[QStringLiteral("open_alerts")].toArray();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].toObject()[QStringLiteral("severity")].toString(), QStringLiteral("critical"));
    EXPECT_EQ(alerts[0].toObject()[QStringLiteral("message")].toString(), QStringLiteral("Payment provider timeouts"));

    QStringList states;
    for (const QJsonValue &entry : stats[QStringLiteral("connection_history")].toArray())
        states << entry.toObject()[QStringLiteral("state")].toString();
    EXPECT_TRUE(states.contains(QStringLiteral("live")));
    EXPECT_TRUE(states.contains(QStringLiteral("reconnecting")));
    EXPECT_GE(states.count(QStringLiteral("live")), 2);
    EXPECT_DOUBLE_EQ(stats[QStringLiteral("latest_metrics")].toObject()[QStringLiteral("avg_response_ms")].toDouble(),
                     180.0);

    // A live source's events are timed from their "ts" to the models: all five that decoded.
    const QJsonObject latency = stats[QStringLiteral("event_latency")].toObject();
    EXPECT_EQ(latency[QStringLiteral("count")].toInt(), 5);
    EXPECT_LE(latency[QStringLiteral("p50_ms")].toDouble(), latency[QStringLiteral("max_ms")].toDouble());
    EXPECT_TRUE(stats[QStringLiteral("rss_mb_at_frames")].toObject().isEmpty()); // 100,000 frames is the first
}

TEST(HeadlessRun, SigtermEndsTheRunWithEverythingReceivedInTheStats)
{
    SeedServer server;
    ASSERT_NE(server.port(), 0);
    QTemporaryDir dir;
    const QString statsPath = dir.filePath(QStringLiteral("s.json"));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(vantageBinary(), {QStringLiteral("--headless"), QStringLiteral("--url"),
                                    QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port()),
                                    QStringLiteral("--stats-json"), statsPath});
    ASSERT_TRUE(process.waitForStarted(10'000));
    // The second connection comes after the first one's frames were received.
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.connections() >= 2; }, 30'000));
    process.terminate();
    ASSERT_TRUE(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30'000));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0);
    QFile file(statsPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject stats = QJsonDocument::fromJson(file.readAll()).object();
    EXPECT_GE(stats[QStringLiteral("received_total")].toInt(), 6);
}

TEST(HeadlessRun, ReplaysTheDemoLogToTheEndAsFastAsPossible)
{
    const QString demo = QStringLiteral(VANTAGE_BIN_DIR) + QStringLiteral("/../share/vantage/demo.ndjson");
    QFile log(demo);
    ASSERT_TRUE(log.open(QIODevice::ReadOnly)) << demo.toStdString();
    qint64 lines = 0;
    while (!log.atEnd())
        lines += log.readLine().trimmed().isEmpty() ? 0 : 1;
    ASSERT_GT(lines, 3600); // at least the metrics of an hour

    QTemporaryDir dir;
    const QString statsPath = dir.filePath(QStringLiteral("replay.json"));
    const QJsonObject stats = runHeadless({QStringLiteral("--headless"), QStringLiteral("--replay"), demo,
                                           QStringLiteral("--speed"), QStringLiteral("max"),
                                           QStringLiteral("--stats-json"), statsPath},
                                          statsPath);
    EXPECT_EQ(stats[QStringLiteral("frames_received")].toInt(), lines);
    EXPECT_EQ(stats[QStringLiteral("received_total")].toInt(), lines);
    EXPECT_EQ(stats[QStringLiteral("decode_errors")].toObject()[QStringLiteral("total")].toInt(), 0);
    EXPECT_GT(stats[QStringLiteral("final_counters")].toObject()[QStringLiteral("signups")].toDouble(), 0.0);
    EXPECT_GT(stats[QStringLiteral("feed_rows")].toInt(), 0);
    // A log's times are when it was recorded: no latency to speak of.
    EXPECT_FALSE(stats.contains(QStringLiteral("event_latency")));
}

TEST(HeadlessRun, MissingReplayFileIsAClearErrorNotACrash)
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("nope.ndjson"));
    QProcess process;
    process.start(vantageBinary(), {QStringLiteral("--headless"), QStringLiteral("--replay"), missing});
    ASSERT_TRUE(process.waitForFinished(30'000));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 1);
    EXPECT_TRUE(QString::fromUtf8(process.readAllStandardError()).contains(missing));
}
