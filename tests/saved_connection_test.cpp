#include "app/SavedConnection.h"
#include "app/SourceFactory.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

struct TempSettings
{
    QTemporaryDir dir;
    QSettings settings{dir.filePath(QStringLiteral("vantage.ini")), QSettings::IniFormat};
};

AppOptions withUrl(const char *url)
{
    AppOptions options;
    options.url = QUrl(QString::fromLatin1(url));
    return options;
}

} // namespace

TEST(SavedConnection, NoArgumentsAndNothingSavedOpensTheDemo)
{
    TempSettings temp;
    const AppOptions options = withSavedConnection(AppOptions{}, temp.settings);
    EXPECT_TRUE(options.url.isEmpty());
    const SourceChoice choice = makeSource(options);
    ASSERT_TRUE(choice.source) << choice.error.toStdString();
    EXPECT_TRUE(choice.demo);
    EXPECT_TRUE(choice.label.startsWith(QLatin1String("Demo")));
}

TEST(SavedConnection, RemembersTheLastUrlAndReopensIt)
{
    TempSettings temp;
    withSavedConnection(withUrl("ws://user:pw@127.0.0.1:9000/ws?since=3"), temp.settings);
    const AppOptions reopened = withSavedConnection(AppOptions{}, temp.settings);
    EXPECT_EQ(reopened.url, QUrl(QStringLiteral("ws://127.0.0.1:9000/ws?since=3")));
    EXPECT_FALSE(makeSource(reopened).demo);
}

TEST(SavedConnection, NeverSavesAUrlThatCarriesACredential)
{
    TempSettings temp;
    withSavedConnection(withUrl("wss://127.0.0.1:9000/ws?token=s3cret"), temp.settings);
    temp.settings.sync();
    EXPECT_TRUE(withSavedConnection(AppOptions{}, temp.settings).url.isEmpty());
    // The settings file may not exist at all when nothing was saved; if it does, no secret in it.
    QFile file(temp.dir.filePath(QStringLiteral("vantage.ini")));
    if (file.open(QIODevice::ReadOnly)) {
        EXPECT_FALSE(file.readAll().contains("s3cret"));
    }
}

TEST(SavedConnection, AnExplicitReplayOrDemoLeavesTheSavedUrlAlone)
{
    TempSettings temp;
    withSavedConnection(withUrl("ws://127.0.0.1:9000/ws"), temp.settings);
    AppOptions demo;
    demo.demo = true;
    EXPECT_TRUE(withSavedConnection(demo, temp.settings).url.isEmpty());
    EXPECT_EQ(withSavedConnection(AppOptions{}, temp.settings).url, QUrl(QStringLiteral("ws://127.0.0.1:9000/ws")));
}

TEST(SavedConnection, RemembersTheSseUrlAndWhereTheTokenComesFromButNeverTheToken)
{
    TempSettings temp;
    AppOptions given;
    given.sseUrl = QUrl(QStringLiteral("https://127.0.0.1:9443/events"));
    given.tokenKeychainEntry = QStringLiteral("prod");
    withSavedConnection(given, temp.settings);

    const AppOptions reopened = withSavedConnection(AppOptions{}, temp.settings);
    EXPECT_TRUE(reopened.url.isEmpty());
    EXPECT_EQ(reopened.sseUrl, given.sseUrl);
    EXPECT_EQ(reopened.tokenKeychainEntry, QStringLiteral("prod"));
    EXPECT_TRUE(reopened.tokenFile.isEmpty());

    // A later stream with a token file replaces both the URLs and the token source.
    AppOptions next = withUrl("wss://127.0.0.1:9000/ws");
    next.tokenFile = QStringLiteral("/etc/vantage/token");
    withSavedConnection(next, temp.settings);
    const AppOptions again = withSavedConnection(AppOptions{}, temp.settings);
    EXPECT_EQ(again.url, next.url);
    EXPECT_TRUE(again.sseUrl.isEmpty());
    EXPECT_EQ(again.tokenFile, QStringLiteral("/etc/vantage/token"));
    EXPECT_TRUE(again.tokenKeychainEntry.isEmpty());
}

TEST(SavedConnection, AnSseUrlOnTheCommandLineIsNotMixedWithTheSavedWebSocketUrl)
{
    TempSettings temp;
    withSavedConnection(withUrl("ws://127.0.0.1:9000/ws"), temp.settings);
    AppOptions sseOnly;
    sseOnly.sseUrl = QUrl(QStringLiteral("http://127.0.0.1:9001/events"));
    const AppOptions used = withSavedConnection(sseOnly, temp.settings);
    EXPECT_TRUE(used.url.isEmpty());
    EXPECT_EQ(used.sseUrl, sseOnly.sseUrl);
}

TEST(SavedConnection, ATokenSourceOnTheCommandLineWinsOverTheSavedOne)
{
    TempSettings temp;
    AppOptions given = withUrl("wss://127.0.0.1:9000/ws");
    given.tokenKeychainEntry = QStringLiteral("prod");
    withSavedConnection(given, temp.settings);
    AppOptions override;
    override.tokenFile = QStringLiteral("/run/secrets/token");
    const AppOptions used = withSavedConnection(override, temp.settings);
    EXPECT_EQ(used.url, given.url);
    EXPECT_EQ(used.tokenFile, QStringLiteral("/run/secrets/token"));
    EXPECT_TRUE(used.tokenKeychainEntry.isEmpty());
}
