#include "models/AlertRule.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

// Fixed, like widgets/ValueFormat: alert texts must read the same on every workstation.
const QLocale &textLocale()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

// Full precision without grouping: a validation message must show the numbers that differ.
QString exact(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString withUnit(const QString &number, const QString &unit)
{
    if (unit.isEmpty())
        return number;
    if (unit.startsWith(u'%'))
        return number + unit;
    return number + u' ' + unit;
}

constexpr qint64 kDefaultForMs = 60'000;
constexpr qint64 kDefaultRepeatAfterMs = 600'000;

AlertRule seedRule(const char *id, const char *metric, double fireAt, double resolveAt, Severity severity,
                   const char *message, const char *unit)
{
    AlertRule rule;
    rule.id = QLatin1String(id);
    rule.metric = QLatin1String(metric);
    rule.direction = AlertRule::Direction::Above;
    rule.fireAt = fireAt;
    rule.resolveAt = resolveAt;
    rule.forMs = kDefaultForMs;
    rule.repeatAfterMs = kDefaultRepeatAfterMs;
    rule.severity = severity;
    rule.message = QLatin1String(message);
    rule.unit = QLatin1String(unit);
    return rule;
}

} // namespace

std::vector<AlertRule> AlertRule::defaults()
{
    // Seed 000's LoadMonitor scales out at these values: capacity signals, hence warnings. The
    // error rate is the exception: past 2 % requests are failing now, so it is critical. Each
    // resolves 10 % below its threshold, so a value hovering at the threshold does not flap.
    return {
        seedRule("avg_response_ms.high", "avg_response_ms", 2000.0, 1800.0, Severity::Warning,
                 "Average response time {value} ms is above {threshold} ms", "ms"),
        seedRule("error_rate.high", "error_rate", 2.0, 1.8, Severity::Critical,
                 "Error rate {value}% is above {threshold}%", "%"),
        seedRule("cpu_percent.high", "cpu_percent", 70.0, 63.0, Severity::Warning,
                 "CPU {value}% is above {threshold}%", "%"),
        seedRule("memory_percent.high", "memory_percent", 80.0, 72.0, Severity::Warning,
                 "Memory {value}% is above {threshold}%", "%"),
    };
}

QString AlertRule::validate() const
{
    if (id.isEmpty())
        return u"id is empty"_s;
    if (metric.isEmpty())
        return u"metric is empty"_s;
    if (!std::isfinite(fireAt))
        return u"fireAt is not a finite number"_s;
    if (!std::isfinite(resolveAt))
        return u"resolveAt is not a finite number"_s;
    if (direction == Direction::Above && resolveAt > fireAt)
        return u"resolveAt (%1) is above fireAt (%2): an \"above\" rule must resolve at or below where it fires"_s
            .arg(exact(resolveAt), exact(fireAt));
    if (direction == Direction::Below && resolveAt < fireAt)
        return u"resolveAt (%1) is below fireAt (%2): a \"below\" rule must resolve at or above where it fires"_s
            .arg(exact(resolveAt), exact(fireAt));
    if (forMs < 0)
        return u"forMs is negative (%1)"_s.arg(forMs);
    if (repeatAfterMs < 0)
        return u"repeatAfterMs is negative (%1)"_s.arg(repeatAfterMs);
    if (message.isEmpty())
        return u"message is empty"_s;
    return {};
}

bool AlertRule::breaches(double value) const
{
    return direction == Direction::Above ? value >= fireAt : value <= fireAt;
}

bool AlertRule::clears(double value) const
{
    return direction == Direction::Above ? value < resolveAt : value > resolveAt;
}

QString AlertRule::messageFor(double value) const
{
    QString text = message;
    text.replace("{value}"_L1, formatNumber(value));
    text.replace("{threshold}"_L1, formatNumber(fireAt));
    return text;
}

QString AlertRule::resolveReason() const
{
    const QString threshold = withUnit(formatNumber(resolveAt), unit);
    return direction == Direction::Above ? u"back below "_s + threshold : u"back above "_s + threshold;
}

QString AlertRule::formatNumber(double value)
{
    if (!std::isfinite(value))
        return u"\u2014"_s;
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100.0 ? 0 : magnitude >= 10.0 ? 1 : 2;
    QString text = textLocale().toString(value, 'f', decimals);
    if (decimals > 0) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text;
}

} // namespace vantage
