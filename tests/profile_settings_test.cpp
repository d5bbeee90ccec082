#include "app/ProfileSettings.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

// Profiles under a temporary folder instead of the user's configuration.
struct TempProfiles
{
    QTemporaryDir dir;
    TempProfiles()
    {
        // As the application names itself: without an organisation QSettings reports an error.
        QCoreApplication::setOrganizationName(QStringLiteral("Vantage"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    }

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
        return path;
    }
};

// One value of every kind Vantage keeps.
void fill(QSettings &settings)
{
    settings.setValue(QStringLiteral("appearance/theme"), QStringLiteral("light"));
    settings.setValue(QStringLiteral("window/geometry"), QByteArray("\x01\x02\xff\x00 geometry", 13));
    settings.setValue(QStringLiteral("connection/url"), QStringLiteral("wss://127.0.0.1:8443/stream"));
    settings.setValue(QStringLiteral("notifications/muted"), true);
    settings.setValue(QStringLiteral("kiosk/rotateSeconds"), 45);
    settings.setValue(QStringLiteral("kiosk/pages"), QStringList{QStringLiteral("alerts"), QStringLiteral("map")});
    settings.setValue(QStringLiteral("kiosk/pinHash"), QStringLiteral("pbkdf2-sha256$1000$c2FsdA==$aGFzaA=="));
}

} // namespace

TEST(ProfileSettings, NamesAreShortAndPlain)
{
    for (const char *good : {"wall", "lobby-2", "ops_floor.3", "A"})
        EXPECT_TRUE(ProfileSettings::isValidName(QLatin1String(good))) << good;
    for (const char *bad : {"", ".hidden", "../etc", "a/b", "sp ace", "x\ny"})
        EXPECT_FALSE(ProfileSettings::isValidName(QLatin1String(bad))) << bad;
    EXPECT_FALSE(ProfileSettings::isValidName(QString(65, QLatin1Char('a'))));
}

TEST(ProfileSettings, EachProfileKeepsItsOwnSettings)
{
    TempProfiles temp;
    {
        auto wall = ProfileSettings::open(QStringLiteral("wall"));
        wall->setValue(QStringLiteral("appearance/theme"), QStringLiteral("light"));
        auto lobby = ProfileSettings::open(QStringLiteral("lobby"));
        lobby->setValue(QStringLiteral("appearance/theme"), QStringLiteral("dark"));
    }
    EXPECT_EQ(ProfileSettings::open(QStringLiteral("wall"))->value(QStringLiteral("appearance/theme")).toString(),
              QStringLiteral("light"));
    EXPECT_EQ(ProfileSettings::open(QStringLiteral("lobby"))->value(QStringLiteral("appearance/theme")).toString(),
              QStringLiteral("dark"));
    EXPECT_FALSE(ProfileSettings::open(QString())->contains(QStringLiteral("appearance/theme")));
    EXPECT_NE(ProfileSettings::open(QStringLiteral("wall"))->fileName(), ProfileSettings::open(QString())->fileName());
}

TEST(ProfileSettings, ExportAndImportRoundTripEveryKindOfValueButThePin)
{
    TempProfiles temp;
    const QString file = temp.dir.filePath(QStringLiteral("wall.json"));
    {
        auto wall = ProfileSettings::open(QStringLiteral("wall"));
        fill(*wall);
        wall->sync();
        ASSERT_EQ(ProfileSettings::exportTo(*wall, file).toStdString(), "");
    }
    QFile exported(file);
    ASSERT_TRUE(exported.open(QIODevice::ReadOnly));
    const QByteArray json = exported.readAll();
    EXPECT_FALSE(json.contains("pbkdf2")) << "the PIN's hash stays on its wall";
    EXPECT_TRUE(json.contains("wss://127.0.0.1:8443/stream"));

    auto lobby = ProfileSettings::open(QStringLiteral("lobby"));
    lobby->setValue(QStringLiteral("alerts/operatorName"), QStringLiteral("gone after the import"));
    lobby->setValue(QStringLiteral("kiosk/pinHash"), QStringLiteral("the lobby's own"));
    ASSERT_EQ(ProfileSettings::importFrom(file, *lobby).toStdString(), "");

    QSettings reread(lobby->fileName(), QSettings::NativeFormat);
    EXPECT_EQ(reread.value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("light"));
    EXPECT_EQ(reread.value(QStringLiteral("window/geometry")).toByteArray(), QByteArray("\x01\x02\xff\x00 geometry", 13));
    EXPECT_TRUE(reread.value(QStringLiteral("notifications/muted")).toBool());
    EXPECT_EQ(reread.value(QStringLiteral("kiosk/rotateSeconds")).toInt(), 45);
    EXPECT_EQ(reread.value(QStringLiteral("kiosk/pages")).toStringList(),
              (QStringList{QStringLiteral("alerts"), QStringLiteral("map")}));
    EXPECT_FALSE(reread.contains(QStringLiteral("alerts/operatorName")));
    EXPECT_EQ(reread.value(QStringLiteral("kiosk/pinHash")).toString(), QStringLiteral("the lobby's own"));
}

TEST(ProfileSettings, ABadFileChangesNothingAndSaysWhy)
{
    TempProfiles temp;
    auto wall = ProfileSettings::open(QStringLiteral("wall"));
    wall->setValue(QStringLiteral("appearance/theme"), QStringLiteral("light"));
    const std::pair<QByteArray, const char *> cases[] = {
        {"{\"vantageProfile\":1,", "is not JSON"},
        {"[1,2]", "is not a Vantage profile"},
        {"{\"vantageProfile\":2,\"settings\":{}}", "is not a Vantage profile"},
        {"{\"vantageProfile\":1,\"settings\":{\"shell/command\":\"rm\"}}", "\"shell/command\" is not a setting"},
        {"{\"vantageProfile\":1,\"settings\":{\"theme\":\"light\"}}", "\"theme\" is not a setting"},
        {"{\"vantageProfile\":1,\"settings\":{\"kiosk/pinHash\":\"x\"}}", "does not carry the kiosk PIN"},
        {"{\"vantageProfile\":1,\"settings\":{\"kiosk/pages\":[1,2]}}", "the value of \"kiosk/pages\""},
        {"{\"vantageProfile\":1,\"settings\":{\"kiosk/x\":null}}", "the value of \"kiosk/x\""},
    };
    for (const auto &[content, expected] : cases) {
        const QString path = temp.writeFile(QStringLiteral("bad.json"), content);
        const QString error = ProfileSettings::importFrom(path, *wall);
        EXPECT_TRUE(error.contains(QLatin1String(expected))) << content.constData() << " -> " << error.toStdString();
        EXPECT_EQ(wall->value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("light")) << content.constData();
    }
    EXPECT_TRUE(ProfileSettings::importFrom(temp.dir.filePath(QStringLiteral("missing.json")), *wall)
                    .contains(QStringLiteral("cannot read")));
}
