#include "support/MappedLibraries.h"
#include "support/TestFiles.h"
#include "ui/AlertSounds.h"

#include <QFile>
#include <QLibraryInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// The alert tones: each severity's own short WAV, and the plugin that plays them, loaded at the
// first tone so that no start of the window pays for Qt Multimedia (docs/performance.md). Each
// test runs in a process of its own (gtest_discover_tests), so the first sees a fresh process.

using vantage::AlertSounds;
using vantage::Severity;
using vantage::test::libraryMapped;
using vantage::test::writeLines;

TEST(AlertSounds, QtMultimediaIsLoadedAtTheFirstToneAndNotBefore)
{
    AlertSounds sounds;
    EXPECT_FALSE(libraryMapped("libQt6Multimedia"));
    EXPECT_FALSE(sounds.playerLoaded());

    // Headless: no audio output, and playing passes quietly, but the player is there.
    sounds.play(Severity::Critical);
    EXPECT_TRUE(sounds.problem().isEmpty()) << sounds.problem().toStdString();
    EXPECT_TRUE(sounds.playerLoaded());
    EXPECT_TRUE(libraryMapped("libQt6Multimedia"));
    sounds.play(Severity::Critical);
    EXPECT_TRUE(sounds.playerLoaded());
}

TEST(AlertSounds, AMissingPluginIsNamedOnceAndTheTonesStaySilent)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("vantage-sound.so"));
    AlertSounds sounds(path, nullptr);
    sounds.play(Severity::Warning);
    EXPECT_FALSE(sounds.playerLoaded());
    const QString problem = sounds.problem();
    EXPECT_TRUE(problem.contains(path)) << problem.toStdString();
    sounds.play(Severity::Error);
    EXPECT_EQ(sounds.problem(), problem);
}

TEST(AlertSounds, AFileThatIsNotAPluginIsNamed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("vantage-sound.so"));
    ASSERT_TRUE(writeLines(path, {"not a shared object"}));
    AlertSounds sounds(path, nullptr);
    sounds.play(Severity::Warning);
    EXPECT_FALSE(sounds.playerLoaded());
    EXPECT_TRUE(sounds.problem().contains(path)) << sounds.problem().toStdString();
}

TEST(AlertSounds, AnotherQtPluginIsNotTakenForTheTonePlugin)
{
    const QString offscreen =
        QLibraryInfo::path(QLibraryInfo::PluginsPath) + QStringLiteral("/platforms/libqoffscreen.so");
    ASSERT_TRUE(QFile::exists(offscreen)) << offscreen.toStdString();
    AlertSounds sounds(offscreen, nullptr);
    sounds.play(Severity::Info);
    EXPECT_FALSE(sounds.playerLoaded());
    EXPECT_EQ(sounds.problem(), offscreen + QStringLiteral(" is not Vantage's tone plugin"));
}

TEST(AlertSoundsResources, EverySeverityHasItsOwnShortWav)
{
    QList<QByteArray> tones;
    for (Severity severity : {Severity::Info, Severity::Warning, Severity::Error, Severity::Critical}) {
        const QUrl url = AlertSounds::sourceFor(severity);
        ASSERT_EQ(url.scheme(), QStringLiteral("qrc"));
        QFile file(u':' + url.path());
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << url.toString().toStdString();
        const QByteArray wav = file.readAll();
        EXPECT_TRUE(wav.startsWith("RIFF")) << url.toString().toStdString();
        EXPECT_EQ(wav.mid(8, 4), QByteArray("WAVE"));
        EXPECT_LT(wav.size(), 40 * 1024);
        EXPECT_FALSE(tones.contains(wav));
        tones << wav;
    }
}
