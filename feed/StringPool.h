#pragma once

#include <QString>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vantage {

// Interns the short names a stream repeats in every message (wire types, event types, roles,
// currencies, countries, cities, gauge names): each distinct name is converted from UTF-8 and
// allocated once, and every message that carries it shares that QString. It is bounded: text
// longer than kMaxBytes is converted each time, and past kMaxEntries distinct names the pool
// starts over, so a stream of ever-new names costs what it did without the pool, never more
// memory. Not thread-safe: one per Decoder.
class StringPool final
{
public:
    static constexpr size_t kMaxEntries = 1024;
    static constexpr size_t kMaxBytes = 64;

    QString intern(std::string_view utf8);
    size_t size() const { return m_names.size(); }

private:
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view text) const noexcept
        {
            return std::hash<std::string_view>{}(text);
        }
    };

    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_names;
};

} // namespace vantage
