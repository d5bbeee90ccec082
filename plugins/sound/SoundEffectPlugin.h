#pragma once

#include "ui/TonePlayerPlugin.h"

#include <QObject>

namespace vantage {

// The tone plugin's root object: makes SoundEffectPlayers.
class SoundEffectPlugin final : public QObject, public TonePlayerPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VANTAGE_TONE_PLAYER_PLUGIN_IID)
    Q_INTERFACES(vantage::TonePlayerPlugin)
public:
    std::unique_ptr<TonePlayer> createPlayer() override;
};

} // namespace vantage
