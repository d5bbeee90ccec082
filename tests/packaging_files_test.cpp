#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMultiMap>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

#include <gtest/gtest.h>

namespace {

// packaging/ beside this test's source folder; the compiler gives __FILE__ as an absolute path.
QString packagingFile(const char *name)
{
    return QFileInfo(QString::fromUtf8(__FILE__)).absoluteDir().filePath(QStringLiteral("../packaging/")) +
           QLatin1String(name);
}

// The key=value lines of a systemd unit or desktop entry as "Section/Key" -> value, in file
// order per key (a unit may repeat Environment=). Comments and blank lines are skipped.
QMultiMap<QString, QString> readEntries(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QMultiMap<QString, QString> entries;
    QString section;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2);
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0)
            entries.insert(section + u'/' + line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return entries;
}

QMultiMap<QString, QString> unitEntries()
{
    return readEntries(packagingFile("vantage-kiosk.service"));
}

QMultiMap<QString, QString> desktopEntries()
{
    return readEntries(packagingFile("vantage-kiosk.desktop"));
}

} // namespace

TEST(PackagingFilesTest, UnitRunsVantageAsAKiosk)
{
    const QMultiMap<QString, QString> unit = unitEntries();
    ASSERT_FALSE(unit.isEmpty()) << "cannot read " << packagingFile("vantage-kiosk.service").toStdString();
    ASSERT_EQ(unit.count(QStringLiteral("Service/ExecStart")), 1);
    const QStringList command =
        unit.value(QStringLiteral("Service/ExecStart")).split(u' ', Qt::SkipEmptyParts);
    ASSERT_FALSE(command.isEmpty());
    EXPECT_EQ(QFileInfo(command.first()).fileName(), QStringLiteral("vantage"));
    EXPECT_TRUE(command.contains(QStringLiteral("--kiosk")));
}

TEST(PackagingFilesTest, UnitRestartsAlwaysAndNeverGivesUp)
{
    const QMultiMap<QString, QString> unit = unitEntries();
    EXPECT_EQ(unit.value(QStringLiteral("Service/Restart")), QStringLiteral("always"));
    EXPECT_EQ(unit.value(QStringLiteral("Service/RestartSec")), QStringLiteral("5"));
    // 0 turns the start limit off; any other interval lets a crash loop stop the unit for good.
    EXPECT_EQ(unit.value(QStringLiteral("Unit/StartLimitIntervalSec")), QStringLiteral("0"));
}

TEST(PackagingFilesTest, UnitIsBoundToTheGraphicalSession)
{
    const QMultiMap<QString, QString> unit = unitEntries();
    const QString session = QStringLiteral("graphical-session.target");
    EXPECT_EQ(unit.value(QStringLiteral("Unit/PartOf")), session);
    EXPECT_EQ(unit.value(QStringLiteral("Unit/After")), session);
    EXPECT_EQ(unit.value(QStringLiteral("Install/WantedBy")), session);
}

TEST(PackagingFilesTest, UnitHoldsNoCredentials)
{
    const QMultiMap<QString, QString> unit = unitEntries();
    ASSERT_FALSE(unit.isEmpty());
    for (auto it = unit.cbegin(); it != unit.cend(); ++it) {
        const bool environment = it.key().startsWith(QStringLiteral("Service/Environment"));
        if (!environment && it.key() != QStringLiteral("Service/ExecStart"))
            continue;
        for (const char *secret : {"TOKEN", "PASSWORD", "SECRET"})
            EXPECT_FALSE(it.value().contains(QLatin1String(secret), Qt::CaseInsensitive))
                << it.key().toStdString() << '=' << it.value().toStdString();
    }
}

TEST(PackagingFilesTest, AutostartEntryStartsWhatTheUnitStarts)
{
    const QMultiMap<QString, QString> desktop = desktopEntries();
    ASSERT_FALSE(desktop.isEmpty()) << "cannot read " << packagingFile("vantage-kiosk.desktop").toStdString();
    EXPECT_EQ(desktop.value(QStringLiteral("Desktop Entry/Exec")),
              unitEntries().value(QStringLiteral("Service/ExecStart")));
    EXPECT_EQ(desktop.value(QStringLiteral("Desktop Entry/Type")), QStringLiteral("Application"));
    EXPECT_EQ(desktop.value(QStringLiteral("Desktop Entry/NoDisplay")), QStringLiteral("true"));
    EXPECT_EQ(desktop.value(QStringLiteral("Desktop Entry/X-GNOME-Autostart-enabled")),
              QStringLiteral("true"));
}

TEST(PackagingFilesTest, AutostartEntryPassesDesktopFileValidate)
{
    const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (validator.isEmpty())
        GTEST_SKIP() << "desktop-file-validate is not installed (package desktop-file-utils)";
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(validator, {packagingFile("vantage-kiosk.desktop")});
    ASSERT_TRUE(process.waitForFinished(30'000)) << process.errorString().toStdString();
    const QByteArray output = process.readAll();
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0) << output.toStdString();
    EXPECT_FALSE(output.contains("error")) << output.toStdString();
}
