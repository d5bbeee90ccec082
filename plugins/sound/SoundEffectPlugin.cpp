#include "plugins/sound/SoundEffectPlugin.h"

#include "plugins/sound/SoundEffectPlayer.h"

namespace vantage {

std::unique_ptr<TonePlayer> SoundEffectPlugin::createPlayer()
{
    return std::make_unique<SoundEffectPlayer>();
}

} // namespace vantage
