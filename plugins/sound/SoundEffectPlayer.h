#pragma once

#include "ui/TonePlayer.h"

#include <QString>

#include <map>
#include <memory>

class QSoundEffect;

namespace vantage {

// Alert tones through QSoundEffect, one effect per tone, loaded on its first play.
class SoundEffectPlayer final : public TonePlayer
{
public:
    SoundEffectPlayer();
    ~SoundEffectPlayer() override;

    void play(const QUrl &tone) override;

private:
    std::map<QString, std::unique_ptr<QSoundEffect>> m_effects; // by the tone's URL
};

} // namespace vantage
