#pragma once

#include "models/AlertRule.h"

#include <QString>

#include <vector>

class QSettings;

namespace vantage {

// The operator's alert rules in the settings file: AlertRuleSetJson text under "alerts/rules"
// (docs/alert-rules-dialog.md). Nothing saved yet means the defaults (AlertRule::defaults()).
// A value that cannot be used also gives the defaults, and `*error` (when given) says why,
// naming the settings file and the rule and field, as in "rules[2].fireAt: missing"; the bad
// value is left in the file until the next save, so the operator can still repair it by hand.
std::vector<AlertRule> loadAlertRules(QSettings &settings, QString *error);
// Replaces the saved rules.
void saveAlertRules(QSettings &settings, const std::vector<AlertRule> &rules);

} // namespace vantage
