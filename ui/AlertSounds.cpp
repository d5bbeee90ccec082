#include "ui/AlertSounds.h"

#include "ui/TonePlayerPlugin.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace vantage {

AlertSounds::AlertSounds(QObject *parent)
    : AlertSounds(installedPluginPath(), parent)
{}

AlertSounds::AlertSounds(const QString &pluginPath, QObject *parent)
    : QObject(parent)
    , m_pluginPath(pluginPath)
{}

AlertSounds::~AlertSounds() = default;

void AlertSounds::play(Severity severity)
{
    if (TonePlayer *tones = player())
        tones->play(sourceFor(severity));
}

TonePlayer *AlertSounds::player()
{
    if (m_loadTried)
        return m_player.get();
    m_loadTried = true;
    // Named only now: naming the file already reads the plugin's metadata from disk.
    m_loader.setFileName(m_pluginPath);
    auto *plugin = qobject_cast<TonePlayerPlugin *>(m_loader.instance());
    if (plugin) {
        m_player = plugin->createPlayer();
    } else {
        m_problem = m_loader.isLoaded()
                        ? QStringLiteral("%1 is not Vantage's tone plugin").arg(m_pluginPath)
                        : QStringLiteral("cannot load %1 (%2)").arg(m_pluginPath, m_loader.errorString());
        QTextStream(stderr) << "vantage: no alert tones: " << m_problem << Qt::endl;
    }
    return m_player.get();
}

QUrl AlertSounds::sourceFor(Severity severity)
{
    return QUrl(u"qrc:/sounds/"_s + severityName(severity) + u".wav"_s);
}

QString AlertSounds::installedPluginPath()
{
    return QDir(QCoreApplication::applicationDirPath())
        .filePath(QStringLiteral("../lib/vantage/" VANTAGE_SOUND_PLUGIN));
}

} // namespace vantage
