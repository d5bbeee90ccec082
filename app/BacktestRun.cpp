#include "app/BacktestRun.h"

#include "app/BacktestReportJson.h"
#include "app/JsonFile.h"
#include "models/AlertBacktest.h"
#include "models/AlertRuleSetJson.h"
#include "models/BacktestReportText.h"
#include "models/BacktestTotals.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>

namespace vantage {

namespace {

QString plural(qint64 count, const char *singular, const char *pluralForm)
{
    return QString::number(count) + QLatin1Char(' ') + QLatin1String(count == 1 ? singular : pluralForm);
}

const BacktestReport::Rule *findRule(const BacktestReport::Set &set, const QString &id)
{
    const auto it = std::find_if(set.rules.cbegin(), set.rules.cend(),
                                 [&id](const BacktestReport::Rule &rule) { return rule.id == id; });
    return it == set.rules.cend() ? nullptr : &*it;
}

// One row per rule, five columns per set under the set's name; a rule a set lacks shows "-",
// and "+" marks a firing still open at the end of the log.
QString table(const BacktestReport &report)
{
    const QStringList columns = {QStringLiteral("fired"), QStringLiteral("flaps"),
                                 QStringLiteral("suppressed"), QStringLiteral("firing"),
                                 QStringLiteral("longest")};
    std::vector<QStringList> rows;
    QStringList headRow = {QStringLiteral("rule")};
    for (std::size_t i = 0; i < report.sets.size(); ++i)
        headRow << columns;
    rows.push_back(headRow);
    bool openAtEnd = false;
    for (const QString &id : BacktestReportText::ruleIds(report)) {
        QStringList row = {id};
        for (const BacktestReport::Set &set : report.sets) {
            if (const BacktestReport::Rule *rule = findRule(set, id)) {
                row << QString::number(rule->stats.fired) << QString::number(rule->stats.flaps)
                    << QString::number(rule->stats.suppressed) << BacktestReportText::duration(rule->stats.firingMs)
                    << BacktestReportText::duration(rule->longestFiringMs) +
                           (rule->firingAtEnd ? QStringLiteral("+") : QString());
                openAtEnd = openAtEnd || rule->firingAtEnd;
            } else {
                for (qsizetype i = 0; i < columns.size(); ++i)
                    row << QStringLiteral("-");
            }
        }
        rows.push_back(row);
    }

    std::vector<qsizetype> widths(std::size_t(headRow.size()), 0);
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[std::size_t(i)] = std::max(widths[std::size_t(i)], row[i].size() + 2);
    }
    // The set names stand over their groups of columns.
    QString names;
    for (std::size_t set = 0; set < report.sets.size(); ++set) {
        qsizetype groupWidth = 0;
        for (std::size_t i = 0; i < std::size_t(columns.size()); ++i)
            groupWidth += widths[1 + set * std::size_t(columns.size()) + i];
        names += report.sets[set].name.leftJustified(groupWidth);
    }
    QString text = QString().leftJustified(widths[0]) + names.trimmed() + QLatin1Char('\n');
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += row[i].leftJustified(widths[std::size_t(i)]);
        text += line.trimmed() + QLatin1Char('\n');
    }
    if (openAtEnd)
        text += QStringLiteral("(+: still firing at the end of the log)\n");
    return text;
}

QString summary(const BacktestReport::Set &set)
{
    const BacktestTotals totals = BacktestTotals::of(set);
    return set.name + QStringLiteral(": ") + plural(qint64(totals.fired), "alert", "alerts") + QStringLiteral(", ") +
           plural(qint64(totals.flaps), "flap", "flaps") + QStringLiteral(", ") +
           BacktestReportText::duration(totals.firingMs) + QStringLiteral(" firing");
}

} // namespace

int runBacktestCommand(const AppOptions &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    std::vector<NamedRuleSet> sets = {{QStringLiteral("defaults"), AlertRule::defaults()}};
    if (!options.rulesPath.isEmpty()) {
        QFile file(options.rulesPath);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "vantage: cannot read rules file " << options.rulesPath << ": " << file.errorString()
                << Qt::endl;
            return 2;
        }
        QString error;
        std::optional<std::vector<AlertRule>> rules = AlertRuleSetJson::load(file.readAll(), &error);
        if (!rules) {
            err << "vantage: rules file " << options.rulesPath << ": " << error << Qt::endl;
            return 2;
        }
        sets.push_back({QFileInfo(options.rulesPath).fileName(), std::move(*rules)});
    }

    QString error;
    const std::optional<BacktestReport> report = runBacktest(options.backtestPath, std::move(sets), &error);
    if (!report) {
        err << "vantage: " << error << Qt::endl;
        return 1;
    }
    out << BacktestReportText::logLine(options.backtestPath, *report) << "\n\n" << table(*report) << '\n';
    for (const BacktestReport::Set &set : report->sets)
        out << summary(set) << '\n';
    out.flush();

    if (!options.statsJsonPath.isEmpty()) {
        QJsonObject json = backtestReportJson(*report);
        json.insert(QStringLiteral("log"), options.backtestPath);
        if (!options.rulesPath.isEmpty())
            json.insert(QStringLiteral("rules"), options.rulesPath);
        if (!writeJsonFile(options.statsJsonPath, json, &error)) {
            err << "vantage: cannot write " << options.statsJsonPath << ": " << error << Qt::endl;
            return 1;
        }
    }
    return 0;
}

} // namespace vantage
