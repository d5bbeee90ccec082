#include "prometheus/PromResult.h"

namespace vantage {

QString PromSeries::label(const QString &name) const
{
    for (const auto &[key, value] : labels) {
        if (key == name)
            return value;
    }
    return {};
}

} // namespace vantage
