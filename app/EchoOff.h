#pragma once

#include <termios.h>

namespace vantage {

// Turns terminal echo off while it lives, so that a secret typed on standard input (a token, a
// PIN) does not appear on screen. Does nothing when standard input is no terminal.
class EchoOff
{
public:
    EchoOff();
    ~EchoOff();
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;
    bool active() const { return m_active; }

private:
    termios m_saved{};
    bool m_active = false;
};

} // namespace vantage
