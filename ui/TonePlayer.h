#pragma once

class QUrl;

namespace vantage {

// Plays the alert tones (AlertSounds); made by the tone plugin (TonePlayerPlugin), so that the
// window starts without Qt Multimedia.
class TonePlayer
{
public:
    virtual ~TonePlayer() = default;

    // Starts the tone, restarting it if it is still playing; does nothing without an audio output.
    virtual void play(const QUrl &tone) = 0;
};

} // namespace vantage
