#include "plugins/charts/ChartCsv.h"

#include <QDateTime>

namespace vantage {

namespace {

QByteArray csvField(const QString &text)
{
    QString field = text;
    if (!field.isEmpty() && QStringLiteral("=+-@").contains(field.front()))
        field.prepend(QLatin1Char('\''));
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
        field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))) {
        field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        field = QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field.toUtf8();
}

} // namespace

QByteArray chartCsv(const std::vector<ChartLine> &lines)
{
    QByteArray csv = "time,series,value\r\n";
    for (const ChartLine &line : lines) {
        const QByteArray name = csvField(line.name);
        for (const QPointF &point : line.points) {
            csv += QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC)
                       .toString(Qt::ISODateWithMs)
                       .toLatin1();
            csv += ',';
            csv += name;
            csv += ',';
            csv += QByteArray::number(point.y(), 'g', 15);
            csv += "\r\n";
        }
    }
    return csv;
}

} // namespace vantage
