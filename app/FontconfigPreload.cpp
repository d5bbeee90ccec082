#include "app/FontconfigPreload.h"

#include <fontconfig/fontconfig.h>

namespace vantage {

FontconfigPreload::FontconfigPreload()
    : m_thread([] { FcInit(); })
{}

FontconfigPreload::~FontconfigPreload()
{
    wait();
}

void FontconfigPreload::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace vantage
