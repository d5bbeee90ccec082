#pragma once

#include "models/AlertRule.h"

#include <QString>

#include <vector>

namespace vantage {

// A rule set under the name a backtest reports it by ("defaults", a file's name).
struct NamedRuleSet
{
    QString name;
    std::vector<AlertRule> rules;
};

} // namespace vantage
