#pragma once

#include <QByteArrayView>

#include <memory>

namespace vantage {

// Checks a replayed line in full: is it complete, valid JSON (of any type)? For the few lines
// that need it (a last line without '\n', a recorded line found corrupt), not for every line.
class ReplayJsonCheck final
{
public:
    ReplayJsonCheck();
    ~ReplayJsonCheck();
    ReplayJsonCheck(const ReplayJsonCheck &) = delete;
    ReplayJsonCheck &operator=(const ReplayJsonCheck &) = delete;

    bool isCompleteJson(QByteArrayView line);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vantage
