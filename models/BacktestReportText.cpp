#include "models/BacktestReportText.h"

#include "feed/Rfc3339.h"

namespace vantage::BacktestReportText {

namespace {

QString plural(qint64 count, const char *singular, const char *pluralForm)
{
    return QString::number(count) + QLatin1Char(' ') + QLatin1String(count == 1 ? singular : pluralForm);
}

} // namespace

QString duration(qint64 ms)
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

QString logLine(const QString &path, const BacktestReport &report)
{
    QString span = QStringLiteral("no metrics samples");
    if (report.firstSampleMs && report.lastSampleMs) {
        span = QString::fromLatin1(formatRfc3339Ms(*report.firstSampleMs)) + QStringLiteral(" to ") +
               QString::fromLatin1(formatRfc3339Ms(*report.lastSampleMs)) + QStringLiteral(" (") +
               duration(*report.lastSampleMs - *report.firstSampleMs) + QStringLiteral("), ") +
               plural(qint64(report.samples), "sample", "samples");
    }
    return path + QStringLiteral(": ") + span + QStringLiteral(", ") +
           plural(qint64(report.framesRejected), "frame rejected", "frames rejected") + QStringLiteral(", ") +
           plural(report.badLines, "bad line", "bad lines");
}

} // namespace vantage::BacktestReportText
