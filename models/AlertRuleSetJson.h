#pragma once

#include "models/AlertRule.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace vantage {

// Alert rules as a JSON document for settings files (format in docs/alert-rules.md):
// {"version": 1, "rules": [{"id": ..., "metric": ..., "direction": "above", ...}]}.
class AlertRuleSetJson
{
public:
    static constexpr int formatVersion = 1;

    static QByteArray save(const std::vector<AlertRule> &rules);
    // The rules, each valid and with a distinct id; else nullopt with `*error` naming the rule
    // and field, as in `rules[2].fireAt: missing`.
    static std::optional<std::vector<AlertRule>> load(QByteArrayView json, QString *error);
};

} // namespace vantage
