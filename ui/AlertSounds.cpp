#include "ui/AlertSounds.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>

using namespace Qt::StringLiterals;

namespace vantage {

AlertSounds::AlertSounds(QObject *parent)
    : QObject(parent)
{}

void AlertSounds::play(Severity severity)
{
    if (QMediaDevices::defaultAudioOutput().isNull())
        return;
    QSoundEffect *&effect = m_effects[size_t(severity)];
    if (!effect) {
        // Loading is asynchronous; a play() before it ends starts the tone once loaded. A tone
        // that fails to load leaves the effect in its Error status, and play() does nothing.
        effect = new QSoundEffect(this);
        effect->setSource(sourceFor(severity));
    }
    effect->play();
}

QUrl AlertSounds::sourceFor(Severity severity)
{
    return QUrl(u"qrc:/sounds/"_s + severityName(severity) + u".wav"_s);
}

} // namespace vantage
