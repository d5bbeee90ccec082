#include "models/AlertRuleSetJson.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

using vantage::AlertRule;
using vantage::AlertRuleSetJson;
using vantage::Severity;

namespace {

QJsonObject validRule(const char *id = "cpu.high")
{
    return QJsonObject{
        {QStringLiteral("id"), QLatin1String(id)},
        {QStringLiteral("metric"), QStringLiteral("cpu_percent")},
        {QStringLiteral("direction"), QStringLiteral("above")},
        {QStringLiteral("fireAt"), 70},
        {QStringLiteral("resolveAt"), 63},
        {QStringLiteral("severity"), QStringLiteral("warning")},
        {QStringLiteral("message"), QStringLiteral("CPU {value}%")},
    };
}

QByteArray document(const QJsonArray &rules)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("rules"), rules}})
        .toJson();
}

// The error for a document holding validRule() changed by `change`, after one valid rule.
QString errorFor(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject rule = validRule("second");
    change(rule);
    QString error;
    EXPECT_FALSE(AlertRuleSetJson::load(document({validRule(), rule}), &error).has_value());
    return error;
}

QString errorForDocument(const QByteArray &json)
{
    QString error;
    EXPECT_FALSE(AlertRuleSetJson::load(json, &error).has_value());
    return error;
}

} // namespace

TEST(AlertRuleSetJson, DefaultsRoundTrip)
{
    const std::vector<AlertRule> rules = AlertRule::defaults();
    QString error;
    const auto loaded = AlertRuleSetJson::load(AlertRuleSetJson::save(rules), &error);
    ASSERT_TRUE(loaded.has_value()) << qPrintable(error);
    EXPECT_EQ(*loaded, rules);
}

TEST(AlertRuleSetJson, EveryFieldRoundTrips)
{
    AlertRule rule;
    rule.id = QStringLiteral("rps.low");
    rule.metric = QStringLiteral("requests_per_second");
    rule.direction = AlertRule::Direction::Below;
    rule.fireAt = 0.1 + 0.2;
    rule.resolveAt = 12.5;
    rule.forMs = 1;
    rule.repeatAfterMs = 86'400'000;
    rule.severity = Severity::Info;
    rule.message = QStringLiteral("Traffic <low>: {value} \u2264 {threshold} \"req\"");
    rule.unit = QStringLiteral("/s");
    rule.enabled = false;
    QString error;
    const auto loaded = AlertRuleSetJson::load(AlertRuleSetJson::save({rule}), &error);
    ASSERT_TRUE(loaded.has_value()) << qPrintable(error);
    ASSERT_EQ(loaded->size(), 1u);
    EXPECT_EQ(loaded->front(), rule);
}

TEST(AlertRuleSetJson, SavesAVersionedDocument)
{
    const QJsonDocument saved = QJsonDocument::fromJson(AlertRuleSetJson::save(AlertRule::defaults()));
    ASSERT_TRUE(saved.isObject());
    EXPECT_EQ(saved.object().value(QStringLiteral("version")).toInt(), 1);
    const QJsonObject first = saved.object().value(QStringLiteral("rules")).toArray().at(0).toObject();
    EXPECT_EQ(first.value(QStringLiteral("direction")).toString(), QStringLiteral("above"));
    EXPECT_EQ(first.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
    EXPECT_EQ(first.value(QStringLiteral("forMs")).toInteger(), 60'000);
}

TEST(AlertRuleSetJson, OptionalFieldsTakeDefaults)
{
    QString error;
    const auto loaded = AlertRuleSetJson::load(document({validRule()}), &error);
    ASSERT_TRUE(loaded.has_value()) << qPrintable(error);
    ASSERT_EQ(loaded->size(), 1u);
    const AlertRule &rule = loaded->front();
    EXPECT_EQ(rule.forMs, 0);
    EXPECT_EQ(rule.repeatAfterMs, 0);
    EXPECT_EQ(rule.unit, QString());
    EXPECT_TRUE(rule.enabled);
    EXPECT_EQ(rule.severity, Severity::Warning);
}

TEST(AlertRuleSetJson, EmptyRuleListIsValid)
{
    QString error;
    const auto loaded = AlertRuleSetJson::load(document({}), &error);
    ASSERT_TRUE(loaded.has_value()) << qPrintable(error);
    EXPECT_TRUE(loaded->empty());
}

TEST(AlertRuleSetJson, BadDocumentsAreNamed)
{
    EXPECT_TRUE(errorForDocument("{\"version\":1,").startsWith(QStringLiteral("not JSON: ")));
    EXPECT_EQ(errorForDocument("[]"), QStringLiteral("the root is not an object"));
    EXPECT_EQ(errorForDocument("{\"rules\":[]}"), QStringLiteral("version: missing or not 1"));
    EXPECT_EQ(errorForDocument("{\"version\":2,\"rules\":[]}"), QStringLiteral("version: missing or not 1"));
    EXPECT_EQ(errorForDocument("{\"version\":1,\"rules\":{}}"),
              QStringLiteral("rules: missing or not an array"));
    EXPECT_EQ(errorForDocument("{\"version\":1,\"rules\":[7]}"), QStringLiteral("rules[0]: not an object"));
}

TEST(AlertRuleSetJson, BadFieldsNameTheRuleAndField)
{
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.remove(QStringLiteral("fireAt")); }),
              QStringLiteral("rules[1].fireAt: missing"));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("fireAt"), QStringLiteral("70")); }),
              QStringLiteral("rules[1].fireAt: not a number"));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.remove(QStringLiteral("id")); }),
              QStringLiteral("rules[1].id: missing"));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("metric"), 5); }),
              QStringLiteral("rules[1].metric: not a string"));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("forMs"), 1.5); }),
              QStringLiteral("rules[1].forMs: not an integer number of milliseconds"));
    EXPECT_EQ(
        errorFor([](QJsonObject &r) { r.insert(QStringLiteral("repeatAfterMs"), QStringLiteral("10m")); }),
        QStringLiteral("rules[1].repeatAfterMs: not an integer number of milliseconds"));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("enabled"), QStringLiteral("yes")); }),
              QStringLiteral("rules[1].enabled: not true or false"));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("direction"), QStringLiteral("up")); }),
              QStringLiteral("rules[1].direction: \"up\" is not \"above\" or \"below\""));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("severity"), QStringLiteral("fatal")); }),
              QStringLiteral("rules[1].severity: \"fatal\" is not one of info, warning, error, critical"));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("forms"), 60000); }),
              QStringLiteral("rules[1]: unknown field \"forms\""));
}

TEST(AlertRuleSetJson, InvalidRulesAndRepeatedIdsAreNamed)
{
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("forMs"), -5); }),
              QStringLiteral("rules[1]: forMs is negative (-5)"));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("metric"), QString()); }),
              QStringLiteral("rules[1]: metric is empty"));
    EXPECT_EQ(
        errorFor([](QJsonObject &r) { r.insert(QStringLiteral("resolveAt"), 71); }),
        QStringLiteral("rules[1]: resolveAt (71) is above fireAt (70): an \"above\" rule must resolve at or "
                       "below where it fires"));
    EXPECT_EQ(errorFor([](QJsonObject &r) { r.insert(QStringLiteral("id"), QStringLiteral("cpu.high")); }),
              QStringLiteral("rules[1].id: \"cpu.high\" repeats rules[0]"));
}
