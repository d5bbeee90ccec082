#include "app/DashboardSetup.h"
#include "support/SessionKeyring.h"
#include "support/TestFiles.h"

#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

// The Prometheus credentials of a dashboard from the OS keychain, as --token-keychain does for
// the stream: `vantage --store-token` puts them into a real Secret Service (GNOME Keyring on a
// private D-Bus session), and loading the dashboard, in this process, reads them back.

using namespace vantage;
using vantage::test::SessionKeyring;
using vantage::test::writeLines;

namespace {

constexpr int kRunDeadlineMs = 60'000;

// One keychain for the whole suite: this process's D-Bus session, opened on first use, stays
// on the bus it first found.
class DashboardKeychain : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_keyring = std::make_unique<SessionKeyring>();
        const QProcessEnvironment environment = s_keyring->environment();
        for (const char *name :
             {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS"})
            qputenv(name, environment.value(QString::fromLatin1(name)).toLocal8Bit());
    }

    static void TearDownTestSuite() { s_keyring.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(s_keyring->error().isEmpty()) << s_keyring->error().toStdString();
        ASSERT_TRUE(m_dir.isValid());
    }

    // `vantage --store-token entry` with the secret on standard input; its exit code.
    int store(const QString &entry, const QByteArray &secret)
    {
        QProcess process;
        process.setProcessEnvironment(s_keyring->environment());
        process.start(QStringLiteral(VANTAGE_BIN_DIR "/vantage"), {QStringLiteral("--store-token"), entry});
        if (!process.waitForStarted(kRunDeadlineMs))
            return -1;
        process.write(secret + '\n');
        process.closeWriteChannel();
        if (!process.waitForFinished(kRunDeadlineMs))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QString dashboardWithAuth(const QByteArray &auth)
    {
        const QString path = m_dir.filePath(QStringLiteral("dashboard.json"));
        writeLines(path, {R"({"prometheus":{"url":"http://127.0.0.1:9090","auth":)" + auth +
                          "},"
                          R"("panels":[{"title":"Up","source":"prometheus","query":"up"}]})"});
        return path;
    }

    static inline std::unique_ptr<SessionKeyring> s_keyring;
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(DashboardKeychain, BearerTokenAndBasicPasswordComeFromTheKeychain)
{
    ASSERT_EQ(store(QStringLiteral("prometheus-token"), QByteArrayLiteral("prom-kc-T0ken")), 0);
    ASSERT_EQ(store(QStringLiteral("prometheus.ops"), QByteArrayLiteral("kc-s3cret")), 0);

    const DashboardSetup bearer = loadDashboardSetup(
        dashboardWithAuth(R"({"type":"bearer","keychain":"prometheus-token"})"), QString());
    ASSERT_TRUE(bearer.server) << bearer.error.toStdString();
    EXPECT_EQ(bearer.server->bearerToken, QByteArrayLiteral("prom-kc-T0ken"));
    EXPECT_TRUE(bearer.server->basicUser.isEmpty());

    const DashboardSetup basic = loadDashboardSetup(
        dashboardWithAuth(R"({"type":"basic","user":"ops","keychain":"prometheus.ops"})"), QString());
    ASSERT_TRUE(basic.server) << basic.error.toStdString();
    EXPECT_EQ(basic.server->basicUser, QStringLiteral("ops"));
    EXPECT_EQ(basic.server->basicPassword, QStringLiteral("kc-s3cret"));
    EXPECT_TRUE(basic.server->bearerToken.isEmpty());
}

TEST_F(DashboardKeychain, AMissingEntryNamesTheDashboardTheEntryAndHowToStoreIt)
{
    const QString path = dashboardWithAuth(R"({"type":"bearer","keychain":"prometheus-staging"})");
    const DashboardSetup setup = loadDashboardSetup(path, QString());
    EXPECT_FALSE(setup.server);
    EXPECT_EQ(setup.error, QStringLiteral("the dashboard %1: the OS keychain has no token named "
                                          "\"prometheus-staging\"; store one with vantage --store-token "
                                          "prometheus-staging")
                               .arg(path));
    EXPECT_EQ(setup.dashboard, defaultDashboard());
}

TEST_F(DashboardKeychain, AnEntryNameThatCannotBeTypedIsRefusedBeforeTheKeychainIsAsked)
{
    const QString path = dashboardWithAuth(R"({"type":"bearer","keychain":"prometheus token"})");
    const DashboardSetup setup = loadDashboardSetup(path, QString());
    EXPECT_FALSE(setup.server);
    EXPECT_EQ(
        setup.error,
        QStringLiteral("the dashboard %1: \"keychain\" must be a name of letters, digits, '.', '_' or '-'")
            .arg(path));
}
