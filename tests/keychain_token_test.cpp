#include "relay/RelayServer.h"
#include "support/SessionKeyring.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

// The bearer token from the OS keychain, end to end: `vantage --store-token` puts it into a
// real Secret Service (GNOME Keyring on a private D-Bus session), `--token-keychain` reads it
// back and the relay, which requires it, lets the dashboard in. Without a keychain the error
// says so and names the alternatives.

using vantage::RelayOptions;
using vantage::RelayServer;
using vantage::test::SessionKeyring;

namespace {

constexpr int kRunDeadlineMs = 60'000;
const QByteArray kToken = QByteArrayLiteral("kc-T0ken-7f3a9e");

struct VantageRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

VantageRun runVantage(const QProcessEnvironment &environment, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VANTAGE_BIN_DIR "/vantage"), arguments);
    VantageRun run;
    if (!process.waitForStarted(kRunDeadlineMs))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(kRunDeadlineMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

class KeychainToken : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_keyring.error().isEmpty()) << m_keyring.error().toStdString();
        ASSERT_TRUE(m_dir.isValid());
    }

    VantageRun store(const QString &entry, const QByteArray &token)
    {
        return runVantage(m_keyring.environment(), {QStringLiteral("--store-token"), entry}, token + "\n");
    }

    // A headless run against the relay on this process's event loop, which must keep turning
    // for the relay to answer; statsPath may be empty.
    VantageRun runLive(quint16 port, const QString &entry, const QString &statsPath)
    {
        QStringList arguments{QStringLiteral("--headless"), QStringLiteral("--url"),
                              QStringLiteral("ws://127.0.0.1:%1/stream").arg(port), QStringLiteral("--no-fallback"),
                              QStringLiteral("--token-keychain"), entry, QStringLiteral("--duration"),
                              QStringLiteral("2")};
        if (!statsPath.isEmpty())
            arguments << QStringLiteral("--stats-json") << statsPath;
        QProcess process;
        process.setProcessEnvironment(m_keyring.environment());
        process.start(QStringLiteral(VANTAGE_BIN_DIR "/vantage"), arguments);
        VantageRun run;
        if (!process.waitForStarted(kRunDeadlineMs)
            || !QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, kRunDeadlineMs))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    SessionKeyring m_keyring;
    QTemporaryDir m_dir;
};

// Every file under dir, for the check that no token was written in clear.
QByteArray everythingUnder(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

TEST_F(KeychainToken, StoredTokenLetsTheDashboardIntoARelayThatRequiresIt)
{
    RelayOptions options;
    options.heartbeatMs = 0;
    options.requiredToken = kToken;
    RelayServer relay(options);
    QString error;
    ASSERT_TRUE(relay.listen(&error)) << error.toStdString();

    // A token the relay does not accept: refused once, said so, no retrying.
    ASSERT_EQ(store(QStringLiteral("prod"), QByteArrayLiteral("an-old-token")).exitCode, 0);
    const VantageRun refused = runLive(relay.port(), QStringLiteral("prod"), QString());
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains("the server refused the credentials (HTTP 401 Unauthorized)"))
        << refused.err.toStdString();

    // A second store replaces the first.
    const VantageRun stored = store(QStringLiteral("prod"), kToken);
    ASSERT_EQ(stored.exitCode, 0) << stored.err.toStdString();
    EXPECT_TRUE(stored.out.contains("Stored the token as \"prod\"")) << stored.out.toStdString();
    EXPECT_FALSE(stored.out.contains(kToken));
    EXPECT_FALSE(stored.err.contains(kToken));

    const QString statsPath = m_dir.filePath(QStringLiteral("stats.json"));
    const VantageRun run = runLive(relay.port(), QStringLiteral("prod"), statsPath);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();

    QFile statsFile(statsPath);
    ASSERT_TRUE(statsFile.open(QIODevice::ReadOnly));
    const QByteArray statsText = statsFile.readAll();
    const QJsonObject stats = QJsonDocument::fromJson(statsText).object();
    EXPECT_EQ(stats[QStringLiteral("by_type")].toObject()[QStringLiteral("hello")].toInt(), 1)
        << statsText.toStdString();
    for (const QJsonValue &entry : stats[QStringLiteral("connection_history")].toArray())
        EXPECT_FALSE(entry.toObject()[QStringLiteral("reason")].toString().contains(QLatin1String("401")));

    // Never in clear: not in the settings, the stats, or anything the program printed.
    EXPECT_FALSE(everythingUnder(m_keyring.configDir()).contains(kToken));
    EXPECT_FALSE(statsText.contains(kToken));
    EXPECT_FALSE(run.err.contains(kToken));
    EXPECT_FALSE(run.out.contains(kToken));
}

TEST_F(KeychainToken, MissingEntryIsNamedWithHowToStoreIt)
{
    const VantageRun run = runVantage(m_keyring.environment(),
                               {QStringLiteral("--headless"), QStringLiteral("--url"),
                                QStringLiteral("ws://127.0.0.1:9/stream"), QStringLiteral("--token-keychain"),
                                QStringLiteral("staging")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains("the OS keychain has no token named \"staging\"; store one with vantage "
                                 "--store-token staging"))
        << run.err.toStdString();
}

TEST_F(KeychainToken, StoringATokenWithControlCharactersIsRefused)
{
    const VantageRun run = store(QStringLiteral("prod"), QByteArrayLiteral("abc\x01" "def"));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains("invalid characters")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("nothing was stored"));

    const VantageRun empty = store(QStringLiteral("prod"), QByteArray());
    EXPECT_EQ(empty.exitCode, 1);
    EXPECT_TRUE(empty.err.contains("no token on standard input")) << empty.err.toStdString();
}

TEST(KeychainTokenWithoutKeychain, ErrorSaysNoKeychainAnsweredAndNamesTheAlternatives)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), dir.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus-here")));

    const VantageRun read = runVantage(environment, {QStringLiteral("--headless"), QStringLiteral("--url"),
                                              QStringLiteral("ws://127.0.0.1:9/stream"),
                                              QStringLiteral("--token-keychain"), QStringLiteral("prod")});
    EXPECT_EQ(read.exitCode, 1);
    EXPECT_TRUE(read.err.contains("cannot read the token \"prod\": no OS keychain answered")) << read.err.toStdString();
    EXPECT_TRUE(read.err.contains("--token-file or VANTAGE_TOKEN"));

    const VantageRun stored = runVantage(environment, {QStringLiteral("--store-token"), QStringLiteral("prod")}, kToken + "\n");
    EXPECT_EQ(stored.exitCode, 1);
    EXPECT_TRUE(stored.err.contains("cannot store the token \"prod\": no OS keychain answered"))
        << stored.err.toStdString();
    EXPECT_FALSE(stored.err.contains(kToken));
}
