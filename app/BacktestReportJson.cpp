#include "app/BacktestReportJson.h"

#include "models/BacktestTotals.h"

#include "feed/Rfc3339.h"

#include <QJsonArray>

namespace vantage {

namespace {

QJsonObject ruleJson(const BacktestReport::Rule &rule)
{
    return {
        {QStringLiteral("id"), rule.id},
        {QStringLiteral("fired"), qint64(rule.stats.fired)},
        {QStringLiteral("resolved"), qint64(rule.stats.resolved)},
        {QStringLiteral("suppressed"), qint64(rule.stats.suppressed)},
        {QStringLiteral("flaps"), qint64(rule.stats.flaps)},
        {QStringLiteral("out_of_order"), qint64(rule.stats.outOfOrder)},
        {QStringLiteral("firing_ms"), rule.stats.firingMs},
        {QStringLiteral("longest_firing_ms"), rule.longestFiringMs},
        {QStringLiteral("firing_at_end"), rule.firingAtEnd},
    };
}

QJsonObject setJson(const BacktestReport::Set &set)
{
    QJsonArray rules;
    for (const BacktestReport::Rule &rule : set.rules)
        rules.append(ruleJson(rule));
    const BacktestTotals totals = BacktestTotals::of(set);
    return {
        {QStringLiteral("name"), set.name},
        {QStringLiteral("fired"), qint64(totals.fired)},
        {QStringLiteral("flaps"), qint64(totals.flaps)},
        {QStringLiteral("suppressed"), qint64(totals.suppressed)},
        {QStringLiteral("firing_ms"), totals.firingMs},
        {QStringLiteral("rules"), rules},
    };
}

} // namespace

QJsonObject backtestReportJson(const BacktestReport &report)
{
    QJsonArray sets;
    for (const BacktestReport::Set &set : report.sets)
        sets.append(setJson(set));
    QJsonObject json{
        {QStringLiteral("samples"), qint64(report.samples)},
        {QStringLiteral("frames_rejected"), qint64(report.framesRejected)},
        {QStringLiteral("bad_lines"), report.badLines},
        {QStringLiteral("sets"), sets},
    };
    if (report.firstSampleMs && report.lastSampleMs) {
        json.insert(QStringLiteral("first_sample"),
                    QString::fromLatin1(formatRfc3339Ms(*report.firstSampleMs)));
        json.insert(QStringLiteral("last_sample"),
                    QString::fromLatin1(formatRfc3339Ms(*report.lastSampleMs)));
        json.insert(QStringLiteral("span_ms"), *report.lastSampleMs - *report.firstSampleMs);
    }
    return json;
}

} // namespace vantage
