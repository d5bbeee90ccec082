#include "feed/StringPool.h"

namespace vantage {

QString StringPool::intern(std::string_view utf8)
{
    if (utf8.size() > kMaxBytes)
        return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    if (const auto found = m_names.find(utf8); found != m_names.end())
        return found->second;
    if (m_names.size() >= kMaxEntries)
        m_names.clear();
    QString name = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    m_names.emplace(std::string(utf8), name);
    return name;
}

} // namespace vantage
