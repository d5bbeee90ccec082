#pragma once

#include <thread>

namespace vantage {

// Loads fontconfig's configuration and font cache on a thread of its own while the GUI thread
// starts Qt. The first text a window measures would otherwise do it on the GUI thread: about a
// fifth of the time to the first painted frame (docs/performance.md, "Startup").
//
// wait() must come before any text is measured: fontconfig does not wait for a load under way,
// it starts a second one. The destructor waits too.
class FontconfigPreload
{
public:
    FontconfigPreload();
    ~FontconfigPreload();
    FontconfigPreload(const FontconfigPreload &) = delete;
    FontconfigPreload &operator=(const FontconfigPreload &) = delete;

    void wait();

private:
    std::thread m_thread;
};

} // namespace vantage
