#include "app/EchoOff.h"

#include <unistd.h>

namespace vantage {

EchoOff::EchoOff()
{
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &m_saved) == 0) {
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
}

EchoOff::~EchoOff()
{
    if (m_active)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
}

} // namespace vantage
