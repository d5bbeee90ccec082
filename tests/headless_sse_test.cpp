#include "support/ScriptedHttpServer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

// Acceptance: the real `vantage --headless --sse-url ...` binary against a server on 127.0.0.1
// that speaks seed 003's workspace analytics stream (named SSE events "connected", "stats",
// "event", "ping" with JSON data) reports the events and stats it received.

using vantage::test::ScriptedHttpServer;

namespace {

constexpr int kWaitMs = 10'000;
constexpr int kRunDeadlineMs = 60'000;

QString vantageBinary()
{
    return QStringLiteral(VANTAGE_BIN_DIR) + QStringLiteral("/vantage");
}

// Events are stamped when sent, so they fall on today whatever the date.
QByteArray nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
}

QByteArray sseEvent(const QByteArray &name, const QByteArray &data)
{
    return QByteArrayLiteral("event: ") + name + QByteArrayLiteral("\ndata: ") + data + QByteArrayLiteral("\n\n");
}

QByteArray activityEvent(const QByteArray &eventType, const QByteArray &userId)
{
    return sseEvent(QByteArrayLiteral("event"), QByteArrayLiteral("{\"eventType\":\"") + eventType +
                                                    QByteArrayLiteral("\",\"userId\":\"") + userId +
                                                    QByteArrayLiteral("\",\"timestamp\":\"") + nowText() +
                                                    QByteArrayLiteral("\"}"));
}

// What the server sends with its response headers: the greeting, the stats and some activity.
QByteArray firstChunk()
{
    return sseEvent(QByteArrayLiteral("connected"),
                    QByteArrayLiteral("{\"connectionId\":\"conn_1234567890_abc123\",\"workspaceId\":\"w1\","
                                      "\"timestamp\":\"") +
                        nowText() + QByteArrayLiteral("\"}")) +
           sseEvent(QByteArrayLiteral("stats"),
                    QByteArrayLiteral("{\"activeUsers\":42,\"onlineUsers\":15,\"activeSessions\":8,"
                                      "\"messagesLastHour\":87,\"messagesToday\":380,\"activeChannels\":12,"
                                      "\"activeOrchestrators\":3,\"tasksInProgress\":15,\"eventCounts\":"
                                      "{\"message.sent\":380,\"file.uploaded\":25,\"reaction.added\":102},"
                                      "\"timestamp\":\"") +
                        nowText() + QByteArrayLiteral("\"}")) +
           activityEvent(QByteArrayLiteral("message.sent"), QByteArrayLiteral("u1")) +
           activityEvent(QByteArrayLiteral("message.sent"), QByteArrayLiteral("u2")) +
           activityEvent(QByteArrayLiteral("file.uploaded"), QByteArrayLiteral("u3"));
}

// Pushed later on the same, still open, stream.
QByteArray secondChunk()
{
    return sseEvent(QByteArrayLiteral("ping"), QByteArrayLiteral("{\"timestamp\":1234567890}")) +
           activityEvent(QByteArrayLiteral("message.sent"), QByteArrayLiteral("u4")) +
           activityEvent(QByteArrayLiteral("file.uploaded"), QByteArrayLiteral("u5")) +
           sseEvent(QByteArrayLiteral("stats"),
                    QByteArrayLiteral("{\"activeUsers\":43,\"onlineUsers\":16,\"timestamp\":\"") + nowText() +
                        QByteArrayLiteral("\"}"));
}

} // namespace

TEST(HeadlessSse, ReportsSeed003EventsAndStats)
{
    ScriptedHttpServer server;
    ASSERT_TRUE(server.listen());
    // One stream only: a reconnection would find no answer and the counts below would show it.
    server.enqueue(ScriptedHttpServer::eventStream(firstChunk()));

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("config")));
    const QString statsPath = dir.filePath(QStringLiteral("s.json"));
    const QString path = QStringLiteral("/api/workspaces/w1/analytics/realtime");

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(environment);
    process.start(vantageBinary(),
                  {QStringLiteral("--headless"), QStringLiteral("--sse-url"), server.url(path).toString(),
                   QStringLiteral("--duration"), QStringLiteral("2"), QStringLiteral("--stats-json"), statsPath});
    ASSERT_TRUE(process.waitForStarted(kWaitMs)) << process.errorString().toStdString();

    // The server lives on this thread's event loop, so the test waits by running it rather than
    // blocking in waitForFinished().
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.requestCount() >= 1; }, kWaitMs));
    server.push(0, secondChunk());
    const bool finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, kRunDeadlineMs);
    if (!finished) {
        process.kill();
        process.waitForFinished(kWaitMs);
    }
    const std::string output = QString::fromLocal8Bit(process.readAllStandardError()).toStdString();
    ASSERT_TRUE(finished) << output;
    ASSERT_EQ(process.exitStatus(), QProcess::NormalExit) << output;
    ASSERT_EQ(process.exitCode(), 0) << output;

    // The request was the seed's streaming one, and it was the only one.
    ASSERT_EQ(server.requestCount(), 1);
    const ScriptedHttpServer::Request &request = server.requests()[0];
    EXPECT_EQ(request.method, QByteArrayLiteral("GET"));
    EXPECT_EQ(request.path, path.toUtf8());
    EXPECT_EQ(request.header("Accept"), QByteArrayLiteral("text/event-stream"));

    QFile file(statsPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << statsPath.toStdString() << "\n" << output;
    QJsonParseError parseError;
    const QJsonObject stats = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    ASSERT_EQ(parseError.error, QJsonParseError::NoError) << parseError.errorString().toStdString();
    const std::string report = QJsonDocument(stats).toJson().toStdString();

    const QJsonObject byType = stats[QStringLiteral("by_type")].toObject();
    EXPECT_EQ(byType[QStringLiteral("connected")].toInt(), 1) << report;
    EXPECT_EQ(byType[QStringLiteral("stats")].toInt(), 2) << report;
    EXPECT_EQ(byType[QStringLiteral("event")].toInt(), 5) << report;
    EXPECT_EQ(byType[QStringLiteral("ping")].toInt(), 1) << report;
    EXPECT_EQ(stats[QStringLiteral("frames_received")].toInt(), 9) << report;
    EXPECT_EQ(stats[QStringLiteral("received_total")].toInt(), 9) << report;

    const QJsonObject errors = stats[QStringLiteral("decode_errors")].toObject();
    EXPECT_EQ(errors[QStringLiteral("total")].toInt(-1), 0) << report;
    EXPECT_TRUE(errors[QStringLiteral("by_reason")].toObject().isEmpty()) << report;
    EXPECT_EQ(stats[QStringLiteral("reconnects")].toInt(-1), 0) << report;

    // The activity reached the feed, and the latest stats frame set the active users.
    EXPECT_EQ(stats[QStringLiteral("feed_rows")].toInt(), 5) << report;
    EXPECT_EQ(stats[QStringLiteral("final_counters")].toObject()[QStringLiteral("active_users")].toDouble(), 43.0)
        << report;

    // Live over SSE, and every status came from the SSE transport.
    const QJsonArray history = stats[QStringLiteral("connection_history")].toArray();
    int live = 0;
    for (const QJsonValue &entry : history) {
        const QJsonObject status = entry.toObject();
        EXPECT_EQ(status[QStringLiteral("transport")].toString(), QStringLiteral("sse")) << report;
        live += status[QStringLiteral("state")].toString() == QLatin1String("live") ? 1 : 0;
    }
    EXPECT_EQ(live, 1) << report;
}
