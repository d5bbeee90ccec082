#include "prometheus/SeriesName.h"

#include <QRegularExpression>

namespace vantage {

QString seriesName(const PromSeries &series, const QString &legendTemplate)
{
    if (!legendTemplate.isEmpty()) {
        static const QRegularExpression placeholder(
            QStringLiteral("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}"));
        QString name;
        qsizetype from = 0;
        for (const QRegularExpressionMatch &match : placeholder.globalMatch(legendTemplate)) {
            name += legendTemplate.sliced(from, match.capturedStart() - from);
            name += series.label(match.captured(1));
            from = match.capturedEnd();
        }
        return name + legendTemplate.sliced(from);
    }
    QStringList labels;
    for (const auto &[key, value] : series.labels) {
        if (key != QLatin1String("__name__"))
            labels.append(key + QStringLiteral("=\"") + value + QLatin1Char('"'));
    }
    const QString metric = series.label(QStringLiteral("__name__"));
    if (labels.isEmpty())
        return metric.isEmpty() ? QStringLiteral("{}") : metric;
    return metric + QLatin1Char('{') + labels.join(QStringLiteral(", ")) + QLatin1Char('}');
}

} // namespace vantage
