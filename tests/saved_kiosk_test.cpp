#include "app/KioskCommandLine.h"
#include "app/KioskPin.h"
#include "app/SavedKiosk.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

struct TempSettings
{
    QTemporaryDir dir;
    QSettings settings{dir.filePath(QStringLiteral("wall.ini")), QSettings::IniFormat};
};

} // namespace

TEST(SavedKiosk, WhatTheCommandLineGaveIsKeptAndComesBack)
{
    TempSettings temp;
    AppOptions first;
    first.kiosk = true;
    first.rotateSeconds = 45;
    first.screens = QStringLiteral("#0=alerts;*=overview,map");
    first.exitChord = QStringLiteral("Ctrl+Alt+F12");
    first.typeScale = 2.0;
    first.given = {QStringLiteral("rotate-seconds"), QStringLiteral("screens"), QStringLiteral("exit-chord"),
                   QStringLiteral("type-scale")};
    withSavedKiosk(first, temp.settings);

    AppOptions next;
    next.kiosk = true;
    next.staleSeconds = 90;
    next.given = {QStringLiteral("stale-seconds")};
    const AppOptions restored = withSavedKiosk(next, temp.settings);
    EXPECT_EQ(restored.rotateSeconds, 45);
    EXPECT_EQ(restored.screens, first.screens);
    EXPECT_EQ(restored.exitChord, first.exitChord);
    EXPECT_DOUBLE_EQ(restored.typeScale, 2.0);
    EXPECT_EQ(restored.staleSeconds, 90);
    EXPECT_EQ(checkKioskSettings(restored), QString());

    // A later run without any of them gets them all, the stale threshold included.
    const AppOptions third = withSavedKiosk(AppOptions{}, temp.settings);
    EXPECT_EQ(third.staleSeconds, 90);
    EXPECT_EQ(third.rotateSeconds, 45);
}

TEST(SavedKiosk, ABadSavedValueIsCaughtByTheSameCheck)
{
    TempSettings temp;
    temp.settings.setValue(QStringLiteral("kiosk/rotate-seconds"), 2);
    temp.settings.setValue(QStringLiteral("kiosk/exit-chord"), QStringLiteral("Q"));
    const AppOptions options = withSavedKiosk(AppOptions{}, temp.settings);
    EXPECT_TRUE(checkKioskSettings(options).contains(QStringLiteral("--rotate-seconds")));
    temp.settings.setValue(QStringLiteral("kiosk/rotate-seconds"), 30);
    EXPECT_TRUE(checkKioskSettings(withSavedKiosk(AppOptions{}, temp.settings)).startsWith(QStringLiteral("--exit-chord: ")));
}

TEST(SavedKiosk, ThePinIsKeptAsAHashAndCanBeRemoved)
{
    TempSettings temp;
    saveKioskPin(temp.settings, QStringLiteral("2468"));
    const QString hash = savedKioskPinHash(temp.settings);
    EXPECT_FALSE(hash.contains(QStringLiteral("2468")));
    EXPECT_TRUE(KioskPin::verify(QStringLiteral("2468"), hash));
    EXPECT_FALSE(KioskPin::verify(QStringLiteral("1357"), hash));
    saveKioskPin(temp.settings, QString());
    EXPECT_TRUE(savedKioskPinHash(temp.settings).isEmpty());
}

TEST(SavedKiosk, AScreenLayoutComesFromTheTextOrAFile)
{
    QTemporaryDir dir;
    QString error;
    EXPECT_EQ(loadScreenLayout(QString(), &error)->assign({QStringLiteral("HDMI-1")}).front().size(), 4);
    EXPECT_EQ(loadScreenLayout(QStringLiteral("*=alerts"), &error)->assign({QStringLiteral("HDMI-1")}).front(),
              QStringList{QStringLiteral("alerts")});
    const QString path = dir.filePath(QStringLiteral("layout.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"screens":[{"screen":"#0","pages":["metrics","map"]}]})");
    file.close();
    const auto fromFile = loadScreenLayout(QLatin1Char('@') + path, &error);
    ASSERT_TRUE(fromFile) << error.toStdString();
    EXPECT_EQ(fromFile->assign({QStringLiteral("DP-2")}).front(), (QStringList{QStringLiteral("metrics"), QStringLiteral("map")}));

    AppOptions options;
    options.screens = QStringLiteral("@") + dir.filePath(QStringLiteral("missing.json"));
    EXPECT_TRUE(checkKioskSettings(options).startsWith(QStringLiteral("--screens: cannot read the layout file")));
}
