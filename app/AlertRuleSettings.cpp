#include "app/AlertRuleSettings.h"

#include "models/AlertRuleSetJson.h"

#include <QSettings>

namespace vantage {

namespace {

const QString kRulesKey = QStringLiteral("alerts/rules");

} // namespace

std::vector<AlertRule> loadAlertRules(QSettings &settings, QString *error)
{
    if (!settings.contains(kRulesKey))
        return AlertRule::defaults();
    QString why;
    std::optional<std::vector<AlertRule>> rules =
        AlertRuleSetJson::load(settings.value(kRulesKey).toString().toUtf8(), &why);
    if (rules)
        return std::move(*rules);
    if (error)
        *error = kRulesKey + QStringLiteral(" in ") + settings.fileName() + QStringLiteral(": ") + why +
                 QStringLiteral("; using the default rules");
    return AlertRule::defaults();
}

void saveAlertRules(QSettings &settings, const std::vector<AlertRule> &rules)
{
    // As text, not bytes: the ini file stays readable and editable by hand.
    settings.setValue(kRulesKey, QString::fromUtf8(AlertRuleSetJson::save(rules)));
}

} // namespace vantage
