#include "feed/TokenSource.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using vantage::isValidBearerToken;
using vantage::readBearerToken;

namespace {

const QByteArray kEnvVar = QByteArrayLiteral("VANTAGE_TEST_TOKEN_SOURCE");
const QByteArray kFileToken = QByteArrayLiteral("file-secret-4f9a");
const QByteArray kEnvToken = QByteArrayLiteral("env-secret-77c1");

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(content);
    return path;
}

class TokenSourceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        qunsetenv(kEnvVar.constData());
    }
    void TearDown() override { qunsetenv(kEnvVar.constData()); }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(TokenSourceTest, FileWinsOverTheEnvironment)
{
    qputenv(kEnvVar.constData(), kEnvToken);
    const QString path = writeFile(m_dir, QStringLiteral("token"), kFileToken);
    const auto result = readBearerToken(path, kEnvVar);
    EXPECT_TRUE(result.error.isEmpty()) << result.error.toStdString();
    EXPECT_EQ(result.token, kFileToken);
}

TEST_F(TokenSourceTest, FileIsTrimmed)
{
    const QString path = writeFile(m_dir, QStringLiteral("token"), "  \t" + kFileToken + "\r\n\n");
    const auto result = readBearerToken(path, kEnvVar);
    EXPECT_TRUE(result.error.isEmpty());
    EXPECT_EQ(result.token, kFileToken);
}

TEST_F(TokenSourceTest, EnvironmentIsTheFallback)
{
    qputenv(kEnvVar.constData(), kEnvToken + "\n");
    const auto result = readBearerToken(QString(), kEnvVar);
    EXPECT_TRUE(result.error.isEmpty());
    EXPECT_EQ(result.token, kEnvToken);
}

TEST_F(TokenSourceTest, NothingConfiguredIsNoTokenAndNoError)
{
    const auto result = readBearerToken(QString(), kEnvVar);
    EXPECT_TRUE(result.error.isEmpty());
    EXPECT_TRUE(result.token.isEmpty());
}

TEST_F(TokenSourceTest, MissingFileIsAnErrorNamingTheFile)
{
    qputenv(kEnvVar.constData(), kEnvToken);
    const QString path = m_dir.filePath(QStringLiteral("no-such-token-file"));
    const auto result = readBearerToken(path, kEnvVar);
    EXPECT_TRUE(result.token.isEmpty()) << "a broken file must not fall back silently";
    EXPECT_TRUE(result.error.contains(path)) << result.error.toStdString();
    EXPECT_FALSE(result.error.contains(QString::fromLatin1(kEnvToken)));
}

TEST_F(TokenSourceTest, EmptyFileIsAnErrorNamingTheFile)
{
    const QString path = writeFile(m_dir, QStringLiteral("blank"), QByteArrayLiteral(" \n\n"));
    const auto result = readBearerToken(path, kEnvVar);
    EXPECT_TRUE(result.token.isEmpty());
    EXPECT_TRUE(result.error.contains(path)) << result.error.toStdString();
    EXPECT_TRUE(result.error.contains(QLatin1String("empty")));
}

TEST_F(TokenSourceTest, UnreadableFileIsAnErrorNamingTheFile)
{
    // A directory exists but cannot be read as a token file, even when running as root.
    const QString path = m_dir.path();
    const auto result = readBearerToken(path, kEnvVar);
    EXPECT_TRUE(result.token.isEmpty());
    EXPECT_TRUE(result.error.contains(path)) << result.error.toStdString();
}

TEST_F(TokenSourceTest, MultiLineFileIsRejectedWithoutQuotingIt)
{
    const QByteArray content = kFileToken + "\r\nX-Injected: yes";
    const QString path = writeFile(m_dir, QStringLiteral("twolines"), content);
    const auto result = readBearerToken(path, kEnvVar);
    EXPECT_TRUE(result.token.isEmpty());
    EXPECT_TRUE(result.error.contains(path));
    EXPECT_FALSE(result.error.contains(QString::fromLatin1(kFileToken))) << result.error.toStdString();
    EXPECT_FALSE(result.error.contains(QLatin1String("X-Injected")));
}

TEST_F(TokenSourceTest, InvalidEnvironmentValueIsRejectedWithoutQuotingIt)
{
    qputenv(kEnvVar.constData(), kEnvToken + " extra");
    const auto result = readBearerToken(QString(), kEnvVar);
    EXPECT_TRUE(result.token.isEmpty());
    EXPECT_TRUE(result.error.contains(QString::fromLatin1(kEnvVar)));
    EXPECT_FALSE(result.error.contains(QString::fromLatin1(kEnvToken))) << result.error.toStdString();
}

TEST(TokenValidity, OnlyVisibleAsciiIsAccepted)
{
    EXPECT_TRUE(isValidBearerToken(QByteArrayLiteral("abc.DEF-123_~+/=")));
    EXPECT_TRUE(isValidBearerToken(QByteArrayView()));
    EXPECT_FALSE(isValidBearerToken(QByteArrayLiteral("a b")));
    EXPECT_FALSE(isValidBearerToken(QByteArrayLiteral("a\nb")));
    EXPECT_FALSE(isValidBearerToken(QByteArrayLiteral("a\x7f")));
    EXPECT_FALSE(isValidBearerToken(QByteArrayLiteral("caf\xc3\xa9")));
}
