#pragma once

#include <vector>

namespace vantage {

// The median of the values; -1 ("not measured") when there are none.
double median(std::vector<double> values);

} // namespace vantage
