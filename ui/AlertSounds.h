#pragma once

#include "feed/Message.h"

#include <QObject>
#include <QPluginLoader>
#include <QUrl>

#include <memory>

namespace vantage {

class TonePlayer;

// One short tone per severity (resources/sounds, made by scripts/make-sounds.py), played by the
// tone plugin (plugins/sound), loaded at the first tone. Headless machines and workstations
// without an audio output stay silent without complaint; a plugin that cannot be loaded is
// named once on stderr, and the window carries on without tones.
class AlertSounds final : public QObject
{
    Q_OBJECT
public:
    // The plugin installed beside the program: <bin>/../lib/vantage/vantage-sound.so
    explicit AlertSounds(QObject *parent = nullptr);
    AlertSounds(const QString &pluginPath, QObject *parent);
    ~AlertSounds() override;

    // Starts the severity's tone, restarting it if it is still playing; does nothing without an audio output.
    void play(Severity severity);

    // Why there are no tones: the plugin could not be loaded. Empty until a load was tried and failed.
    QString problem() const { return m_problem; }
    bool playerLoaded() const { return m_player != nullptr; }

    // "qrc:/sounds/critical.wav"
    static QUrl sourceFor(Severity severity);
    static QString installedPluginPath();

private:
    // The player, loaded on the first call; null if the plugin cannot be loaded.
    TonePlayer *player();

    QString m_pluginPath;
    QPluginLoader m_loader;
    std::unique_ptr<TonePlayer> m_player;
    bool m_loadTried = false;
    QString m_problem;
};

} // namespace vantage
