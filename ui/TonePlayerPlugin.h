#pragma once

#include "ui/TonePlayer.h"

#include <QtPlugin>

#include <memory>

namespace vantage {

// The root object of plugins/sound, which AlertSounds loads at the first tone: Qt Multimedia
// and the sound server's libraries cost several milliseconds of every start (docs/performance.md).
class TonePlayerPlugin
{
public:
    virtual ~TonePlayerPlugin() = default;

    virtual std::unique_ptr<TonePlayer> createPlayer() = 0;
};

} // namespace vantage

#define VANTAGE_TONE_PLAYER_PLUGIN_IID "org.vantage.TonePlayerPlugin/1"
Q_DECLARE_INTERFACE(vantage::TonePlayerPlugin, VANTAGE_TONE_PLAYER_PLUGIN_IID)
