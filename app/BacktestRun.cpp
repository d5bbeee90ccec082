#include "app/BacktestRun.h"

#include "app/BacktestReportJson.h"
#include "app/JsonFile.h"
#include "feed/Rfc3339.h"
#include "models/AlertBacktest.h"
#include "models/AlertRuleSetJson.h"

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

// Rule ids of every set, in the order they first appear.
QStringList ruleIds(const BacktestReport &report)
{
    QStringList ids;
    for (const BacktestReport::Set &set : report.sets) {
        for (const BacktestReport::Rule &rule : set.rules) {
            if (!ids.contains(rule.id))
                ids << rule.id;
        }
    }
    return ids;
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
    for (const QString &id : ruleIds(report)) {
        QStringList row = {id};
        for (const BacktestReport::Set &set : report.sets) {
            if (const BacktestReport::Rule *rule = findRule(set, id)) {
                row << QString::number(rule->stats.fired) << QString::number(rule->stats.flaps)
                    << QString::number(rule->stats.suppressed) << formatBacktestDuration(rule->stats.firingMs)
                    << formatBacktestDuration(rule->longestFiringMs) +
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
    qint64 fired = 0;
    qint64 flaps = 0;
    qint64 firingMs = 0;
    for (const BacktestReport::Rule &rule : set.rules) {
        fired += qint64(rule.stats.fired);
        flaps += qint64(rule.stats.flaps);
        firingMs += rule.stats.firingMs;
    }
    return set.name + QStringLiteral(": ") + plural(fired, "alert", "alerts") + QStringLiteral(", ") +
           plural(flaps, "flap", "flaps") + QStringLiteral(", ") + formatBacktestDuration(firingMs) +
           QStringLiteral(" firing");
}

QString logLine(const QString &path, const BacktestReport &report)
{
    QString span = QStringLiteral("no metrics samples");
    if (report.firstSampleMs && report.lastSampleMs) {
        span = QString::fromLatin1(formatRfc3339Ms(*report.firstSampleMs)) + QStringLiteral(" to ") +
               QString::fromLatin1(formatRfc3339Ms(*report.lastSampleMs)) + QStringLiteral(" (") +
               formatBacktestDuration(*report.lastSampleMs - *report.firstSampleMs) + QStringLiteral("), ") +
               plural(qint64(report.samples), "sample", "samples");
    }
    return path + QStringLiteral(": ") + span + QStringLiteral(", ") +
           plural(qint64(report.framesRejected), "frame rejected", "frames rejected") + QStringLiteral(", ") +
           plural(report.badLines, "bad line", "bad lines");
}

} // namespace

QString formatBacktestDuration(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    QStringList parts;
    if (seconds >= 3600)
        parts << QString::number(seconds / 3600) + QStringLiteral(" h");
    if (seconds % 3600 >= 60)
        parts << QString::number(seconds % 3600 / 60) + QStringLiteral(" min");
    if (seconds % 60 != 0 || parts.isEmpty())
        parts << QString::number(seconds % 60) + QStringLiteral(" s");
    return parts.join(QLatin1Char(' '));
}

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
    out << logLine(options.backtestPath, *report) << "\n\n" << table(*report) << '\n';
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
