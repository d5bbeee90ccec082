#include "app/DashboardSetup.h"
#include "support/TestFiles.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

// Loading the metrics page's dashboard: the file, the Prometheus server it names, and the
// credentials read from the files it names, never from the dashboard itself.

using namespace vantage;
using vantage::test::writeLines;

namespace {

QString writeDashboardFile(const QTemporaryDir &dir, const QByteArray &auth)
{
    const QString path = dir.filePath(QStringLiteral("dashboard.json"));
    writeLines(path, {R"({"prometheus":{"url":"https://prometheus.example","timeout_s":7)" + auth +
                      "},"
                      R"("panels":[{"title":"Up","source":"prometheus","query":"up"}]})"});
    return path;
}

} // namespace

TEST(DashboardSetup, NoFileMeansTheStreamsOwnPanels)
{
    const DashboardSetup setup = loadDashboardSetup(QString(), QString());
    EXPECT_EQ(setup.dashboard, defaultDashboard());
    EXPECT_FALSE(setup.server);
    EXPECT_TRUE(setup.error.isEmpty());
}

TEST(DashboardSetup, CredentialsComeFromTheFilesTheDashboardNames)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString tokenFile = dir.filePath(QStringLiteral("token"));
    ASSERT_TRUE(writeLines(tokenFile, {"prom-T0ken-1"}));
    const DashboardSetup bearer = loadDashboardSetup(
        writeDashboardFile(dir, R"(,"auth":{"type":"bearer","token_file":")" + tokenFile.toUtf8() + "\"}"),
        QStringLiteral("/etc/ca.pem"));
    ASSERT_TRUE(bearer.server) << bearer.error.toStdString();
    EXPECT_EQ(bearer.server->url, QUrl(QStringLiteral("https://prometheus.example")));
    EXPECT_EQ(bearer.server->bearerToken, QByteArrayLiteral("prom-T0ken-1"));
    EXPECT_EQ(bearer.server->timeoutMs, 7000);
    EXPECT_EQ(bearer.server->tls.caFile, QStringLiteral("/etc/ca.pem"));

    const QString passwordFile = dir.filePath(QStringLiteral("password"));
    ASSERT_TRUE(writeLines(passwordFile, {"s3cret"}));
    const DashboardSetup basic = loadDashboardSetup(
        writeDashboardFile(dir, R"(,"auth":{"type":"basic","user":"ops","password_file":")" +
                                    passwordFile.toUtf8() + "\"}"),
        QString());
    ASSERT_TRUE(basic.server) << basic.error.toStdString();
    EXPECT_EQ(basic.server->basicUser, QStringLiteral("ops"));
    EXPECT_EQ(basic.server->basicPassword, QStringLiteral("s3cret"));
    EXPECT_TRUE(basic.server->bearerToken.isEmpty());
}

TEST(DashboardSetup, ProblemsNameTheFileAndKeepTheDefaults)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("nowhere.json"));
    const DashboardSetup unread = loadDashboardSetup(missing, QString());
    EXPECT_TRUE(unread.error.startsWith(QStringLiteral("cannot read the dashboard ") + missing))
        << unread.error.toStdString();
    EXPECT_EQ(unread.dashboard, defaultDashboard());

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    ASSERT_TRUE(writeLines(bad, {R"({"panels":[{"title":"X","source":"influx"}]})"}));
    const DashboardSetup invalid = loadDashboardSetup(bad, QString());
    EXPECT_EQ(invalid.error,
              QStringLiteral("the dashboard %1: panel 1 (\"X\"): \"source\" must be \"stream\" or "
                             "\"prometheus\", not \"influx\"")
                  .arg(bad));
    EXPECT_FALSE(invalid.server);

    const QString absent = dir.filePath(QStringLiteral("no-token"));
    const DashboardSetup noToken = loadDashboardSetup(
        writeDashboardFile(dir, R"(,"auth":{"type":"bearer","token_file":")" + absent.toUtf8() + "\"}"),
        QString());
    EXPECT_FALSE(noToken.server);
    EXPECT_TRUE(noToken.error.contains(absent)) << noToken.error.toStdString();
    EXPECT_EQ(noToken.dashboard, defaultDashboard());
}
