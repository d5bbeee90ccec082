#include "app/AlertRuleSettings.h"

#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

struct TempSettings
{
    QString path() const { return dir.filePath(QStringLiteral("vantage.ini")); }

    QTemporaryDir dir;
    QSettings settings{path(), QSettings::IniFormat};
};

// Every field away from its default, and texts an ini file must escape.
std::vector<AlertRule> editedRules()
{
    std::vector<AlertRule> rules = AlertRule::defaults();
    rules[2].fireAt = 85.5;
    rules[2].resolveAt = 80.25;
    rules[2].forMs = 1'500;
    rules[2].repeatAfterMs = 0;
    rules[2].enabled = false;
    AlertRule low;
    low.id = QStringLiteral("requests_per_second.low");
    low.metric = QStringLiteral("requests_per_second");
    low.direction = AlertRule::Direction::Below;
    low.fireAt = 5;
    low.resolveAt = 10;
    low.severity = Severity::Info;
    low.message = QStringLiteral("Traffic \"{value}\" req/s; below {threshold}, = quiet\nsecond line \u00e9");
    low.unit = QStringLiteral("req/s");
    rules.push_back(low);
    return rules;
}

} // namespace

TEST(AlertRuleSettings, NothingSavedGivesTheDefaultsWithoutAnError)
{
    TempSettings temp;
    QString error;
    EXPECT_EQ(loadAlertRules(temp.settings, &error), AlertRule::defaults());
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
}

TEST(AlertRuleSettings, SavedRulesComeBackFromTheIniFile)
{
    const std::vector<AlertRule> rules = editedRules();
    TempSettings temp;
    saveAlertRules(temp.settings, rules);
    temp.settings.sync();
    ASSERT_EQ(temp.settings.status(), QSettings::NoError);

    // A fresh QSettings reads what is on disk, not what the first one cached.
    QSettings reopened(temp.path(), QSettings::IniFormat);
    QString error;
    EXPECT_EQ(loadAlertRules(reopened, &error), rules);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
}

TEST(AlertRuleSettings, AnEmptySetStaysEmpty)
{
    TempSettings temp;
    saveAlertRules(temp.settings, {});
    temp.settings.sync();
    QSettings reopened(temp.path(), QSettings::IniFormat);
    QString error;
    EXPECT_TRUE(loadAlertRules(reopened, &error).empty());
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
}

TEST(AlertRuleSettings, ASaveReplacesTheRulesSavedBefore)
{
    TempSettings temp;
    saveAlertRules(temp.settings, editedRules());
    saveAlertRules(temp.settings, AlertRule::defaults());
    EXPECT_EQ(loadAlertRules(temp.settings, nullptr), AlertRule::defaults());
}

TEST(AlertRuleSettings, ARuleWithAMissingFieldGivesTheDefaultsAndNamesTheField)
{
    TempSettings temp;
    temp.settings.setValue(QStringLiteral("alerts/rules"),
                           QStringLiteral(R"({"version":1,"rules":[{"id":"cpu","metric":"cpu_percent",)"
                                          R"("direction":"above","resolveAt":60,"severity":"warning",)"
                                          R"("message":"CPU"}]})"));
    QString error;
    EXPECT_EQ(loadAlertRules(temp.settings, &error), AlertRule::defaults());
    EXPECT_TRUE(error.contains(QStringLiteral("rules[0].fireAt: missing"))) << error.toStdString();
    EXPECT_TRUE(error.contains(temp.path())) << error.toStdString();
}

TEST(AlertRuleSettings, TextThatIsNotJsonGivesTheDefaultsAndSaysSo)
{
    TempSettings temp;
    temp.settings.setValue(QStringLiteral("alerts/rules"), QStringLiteral("cpu above 70"));
    QString error;
    EXPECT_EQ(loadAlertRules(temp.settings, &error), AlertRule::defaults());
    EXPECT_TRUE(error.contains(QStringLiteral("not JSON"))) << error.toStdString();
    // Reading leaves the bad value for the operator to repair.
    EXPECT_EQ(temp.settings.value(QStringLiteral("alerts/rules")).toString(), QStringLiteral("cpu above 70"));
}

TEST(AlertRuleSettings, AnUnreadableValueWithoutAnErrorPointerStillGivesTheDefaults)
{
    TempSettings temp;
    temp.settings.setValue(QStringLiteral("alerts/rules"), QStringLiteral(R"({"version":2,"rules":[]})"));
    EXPECT_EQ(loadAlertRules(temp.settings, nullptr), AlertRule::defaults());
}
