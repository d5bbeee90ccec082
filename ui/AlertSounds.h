#pragma once

#include "feed/Message.h"

#include <QObject>
#include <QUrl>

#include <array>

class QSoundEffect;

namespace vantage {

// One short tone per severity (resources/sounds, made by scripts/make-sounds.py). Headless
// machines and workstations without an audio output stay silent without complaint.
class AlertSounds final : public QObject
{
    Q_OBJECT
public:
    explicit AlertSounds(QObject *parent = nullptr);

    // Starts the severity's tone, restarting it if it is still playing; does nothing without an audio output.
    void play(Severity severity);

    // "qrc:/sounds/critical.wav"
    static QUrl sourceFor(Severity severity);

private:
    std::array<QSoundEffect *, 4> m_effects{}; // indexed by Severity, loaded on first play
};

} // namespace vantage
