#include "feed/ReplayJsonCheck.h"

#include <simdjson.h>

namespace vantage {

struct ReplayJsonCheck::Impl
{
    simdjson::dom::parser parser; // DOM, not On Demand: it validates the whole line
};

ReplayJsonCheck::ReplayJsonCheck()
    : m_impl(std::make_unique<Impl>())
{}

ReplayJsonCheck::~ReplayJsonCheck() = default;

bool ReplayJsonCheck::isCompleteJson(QByteArrayView line)
{
    simdjson::dom::element element;
    return !m_impl->parser.parse(line.data(), std::size_t(line.size())).get(element);
}

} // namespace vantage
