#include "BenchFormat.h"

#include <QFile>
#include <QLocale>

namespace vantage {

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

QString thousands(double value)
{
    return QLocale(QLocale::English).toString(qRound64(value));
}

QString fixed(double value, int decimals)
{
    return value < 0 ? QStringLiteral("-") : QString::number(value, 'f', decimals);
}

QString tableRow(const QStringList &cells, std::span<const int> widths)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i)
        line += widths[i] < 0 ? cells[i].leftJustified(-widths[i]) : cells[i].rightJustified(widths[i]);
    return line;
}

} // namespace vantage
