#include "ui/AlertSounds.h"

#include "ui/PluginLoad.h"
#include "ui/TonePlayerPlugin.h"

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
    if (auto *plugin = loadPlugin<TonePlayerPlugin>(m_loader, m_pluginPath, QStringLiteral("tone"), &m_problem))
        m_player = plugin->createPlayer();
    else
        QTextStream(stderr) << "vantage: no alert tones: " << m_problem << Qt::endl;
    return m_player.get();
}

QUrl AlertSounds::sourceFor(Severity severity)
{
    return QUrl(u"qrc:/sounds/"_s + severityName(severity) + u".wav"_s);
}

QString AlertSounds::installedPluginPath()
{
    return vantage::installedPluginPath(QStringLiteral(VANTAGE_SOUND_PLUGIN));
}

} // namespace vantage
