#include "models/AlertRuleSetJson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

constexpr std::array kSeverities{Severity::Info, Severity::Warning, Severity::Error, Severity::Critical};

// A JSON number with no fraction, within ±10^15 (what a double holds exactly); nullopt otherwise.
std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (d != std::trunc(d) || std::abs(d) > 1e15)
        return std::nullopt;
    return static_cast<qint64>(d);
}

QLatin1String directionName(AlertRule::Direction direction)
{
    return direction == AlertRule::Direction::Above ? "above"_L1 : "below"_L1;
}

// Reads one rule object; an empty error means success. Unknown fields are errors, so a typo in
// an optional field ("forms") is reported instead of silently taking the default.
class RuleReader
{
public:
    RuleReader(const QJsonObject &object, QString prefix)
        : m_object(object)
        , m_prefix(std::move(prefix))
    {}

    std::optional<AlertRule> read(QString *error)
    {
        static const QStringList known{u"id"_s,        u"metric"_s, u"direction"_s,     u"fireAt"_s,
                                       u"resolveAt"_s, u"forMs"_s,  u"repeatAfterMs"_s, u"severity"_s,
                                       u"message"_s,   u"unit"_s,   u"enabled"_s};
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!known.contains(it.key()))
                return fail(error, m_prefix + u": unknown field \""_s + it.key() + u'"');
        }
        AlertRule rule;
        if (!string(u"id"_s, true, &rule.id) || !string(u"metric"_s, true, &rule.metric) ||
            !direction(&rule.direction) || !number(u"fireAt"_s, &rule.fireAt) ||
            !number(u"resolveAt"_s, &rule.resolveAt) || !integer(u"forMs"_s, &rule.forMs) ||
            !integer(u"repeatAfterMs"_s, &rule.repeatAfterMs) || !severity(&rule.severity) ||
            !string(u"message"_s, true, &rule.message) || !string(u"unit"_s, false, &rule.unit) ||
            !boolean(u"enabled"_s, &rule.enabled))
            return fail(error, m_error);
        const QString invalid = rule.validate();
        if (!invalid.isEmpty())
            return fail(error, m_prefix + u": "_s + invalid);
        return rule;
    }

private:
    static std::optional<AlertRule> fail(QString *error, const QString &message)
    {
        if (error)
            *error = message;
        return std::nullopt;
    }

    bool problem(const QString &field, const QString &what)
    {
        m_error = m_prefix + u'.' + field + u": "_s + what;
        return false;
    }

    bool string(const QString &field, bool required, QString *out)
    {
        const QJsonValue value = m_object.value(field);
        if (value.isUndefined())
            return !required || problem(field, u"missing"_s);
        if (!value.isString())
            return problem(field, u"not a string"_s);
        *out = value.toString();
        return true;
    }

    bool number(const QString &field, double *out)
    {
        const QJsonValue value = m_object.value(field);
        if (value.isUndefined())
            return problem(field, u"missing"_s);
        if (!value.isDouble())
            return problem(field, u"not a number"_s);
        *out = value.toDouble();
        return true;
    }

    bool integer(const QString &field, qint64 *out)
    {
        const QJsonValue value = m_object.value(field);
        if (value.isUndefined())
            return true;
        const std::optional<qint64> parsed = integerValue(value);
        if (!parsed)
            return problem(field, u"not an integer number of milliseconds"_s);
        *out = *parsed;
        return true;
    }

    bool boolean(const QString &field, bool *out)
    {
        const QJsonValue value = m_object.value(field);
        if (value.isUndefined())
            return true;
        if (!value.isBool())
            return problem(field, u"not true or false"_s);
        *out = value.toBool();
        return true;
    }

    bool direction(AlertRule::Direction *out)
    {
        QString name;
        if (!string(u"direction"_s, true, &name))
            return false;
        for (const AlertRule::Direction d : {AlertRule::Direction::Above, AlertRule::Direction::Below}) {
            if (name == directionName(d)) {
                *out = d;
                return true;
            }
        }
        return problem(u"direction"_s, u"\"%1\" is not \"above\" or \"below\""_s.arg(name));
    }

    bool severity(Severity *out)
    {
        QString name;
        if (!string(u"severity"_s, true, &name))
            return false;
        for (const Severity s : kSeverities) {
            if (name == severityName(s)) {
                *out = s;
                return true;
            }
        }
        return problem(u"severity"_s, u"\"%1\" is not one of info, warning, error, critical"_s.arg(name));
    }

    const QJsonObject &m_object;
    QString m_prefix;
    QString m_error;
};

} // namespace

QByteArray AlertRuleSetJson::save(const std::vector<AlertRule> &rules)
{
    QJsonArray list;
    for (const AlertRule &rule : rules) {
        QJsonObject object;
        object.insert("id"_L1, rule.id);
        object.insert("metric"_L1, rule.metric);
        object.insert("direction"_L1, directionName(rule.direction));
        object.insert("fireAt"_L1, rule.fireAt);
        object.insert("resolveAt"_L1, rule.resolveAt);
        object.insert("forMs"_L1, rule.forMs);
        object.insert("repeatAfterMs"_L1, rule.repeatAfterMs);
        object.insert("severity"_L1, severityName(rule.severity));
        object.insert("message"_L1, rule.message);
        object.insert("unit"_L1, rule.unit);
        object.insert("enabled"_L1, rule.enabled);
        list.append(object);
    }
    QJsonObject root;
    root.insert("version"_L1, formatVersion);
    root.insert("rules"_L1, list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<std::vector<AlertRule>> AlertRuleSetJson::load(QByteArrayView json, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::optional<std::vector<AlertRule>>();
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"not JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(u"the root is not an object"_s);
    const QJsonObject root = document.object();
    const std::optional<qint64> version = integerValue(root.value("version"_L1));
    if (version != formatVersion)
        return fail(u"version: missing or not %1"_s.arg(formatVersion));
    const QJsonValue list = root.value("rules"_L1);
    if (!list.isArray())
        return fail(u"rules: missing or not an array"_s);

    std::vector<AlertRule> rules;
    QHash<QString, int> firstIndexById;
    const QJsonArray array = list.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString prefix = u"rules[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return fail(prefix + u": not an object"_s);
        const QJsonObject object = array.at(i).toObject();
        std::optional<AlertRule> rule = RuleReader(object, prefix).read(error);
        if (!rule)
            return std::nullopt;
        if (firstIndexById.contains(rule->id))
            return fail(u"%1.id: \"%2\" repeats rules[%3]"_s.arg(prefix, rule->id)
                            .arg(firstIndexById.value(rule->id)));
        firstIndexById.insert(rule->id, i);
        rules.push_back(std::move(*rule));
    }
    return rules;
}

} // namespace vantage
