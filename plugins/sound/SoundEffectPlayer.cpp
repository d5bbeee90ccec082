#include "plugins/sound/SoundEffectPlayer.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QUrl>

namespace vantage {

SoundEffectPlayer::SoundEffectPlayer() = default;

SoundEffectPlayer::~SoundEffectPlayer() = default;

void SoundEffectPlayer::play(const QUrl &tone)
{
    if (QMediaDevices::defaultAudioOutput().isNull())
        return;
    std::unique_ptr<QSoundEffect> &effect = m_effects[tone.toString()];
    if (!effect) {
        // Loading is asynchronous; a play() before it ends starts the tone once loaded. A tone
        // that fails to load leaves the effect in its Error status, and play() does nothing.
        effect = std::make_unique<QSoundEffect>();
        effect->setSource(tone);
    }
    effect->play();
}

} // namespace vantage
