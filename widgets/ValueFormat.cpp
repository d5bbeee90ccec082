#include "widgets/ValueFormat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace vantage::ValueFormat {

namespace {

const QLocale &displayLocale()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

QString dash()
{
    return QStringLiteral("\u2014");
}

QString currencySymbol(const QString &code)
{
    const QString upper = code.toUpper();
    if (upper == QLatin1String("GBP"))
        return QStringLiteral("\u00a3");
    if (upper == QLatin1String("USD"))
        return QStringLiteral("$");
    if (upper == QLatin1String("EUR"))
        return QStringLiteral("\u20ac");
    if (upper.isEmpty())
        return {};
    return upper + QLatin1Char(' ');
}

} // namespace

QString count(double value, int decimals)
{
    if (!std::isfinite(value))
        return dash();
    const double magnitude = std::abs(value);
    if (magnitude >= 1e9)
        return displayLocale().toString(value / 1e9, 'f', 2) + QLatin1Char('B');
    if (magnitude >= 1e6)
        return displayLocale().toString(value / 1e6, 'f', 2) + QLatin1Char('M');
    return displayLocale().toString(value, 'f', decimals);
}

QString currency(double value, const QString &currencyCode)
{
    if (!std::isfinite(value))
        return dash();
    // Pence stop mattering on a wall display once the amount reaches the thousands.
    const bool whole = std::abs(value - std::round(value)) < 0.005 || std::abs(value) >= 1000.0;
    const QString sign = value < 0 ? QStringLiteral("\u2212") : QString();
    return sign + currencySymbol(currencyCode) + count(std::abs(value), whole ? 0 : 2);
}

QString trend(double percent, const QString &versus)
{
    if (!std::isfinite(percent))
        return dash();
    const double magnitude = std::abs(percent);
    const int decimals = magnitude < 10 ? 1 : 0;
    QString number = displayLocale().toString(magnitude, 'f', decimals);
    if (number.endsWith(QLatin1String(".0")))
        number.chop(2);
    const QString suffix = versus.isEmpty() ? QCoreApplication::translate("ValueFormat", "% vs prev. hour")
                                            : QStringLiteral("% vs ") + versus;
    if (number == QLatin1String("0"))
        return number + suffix;
    const QString arrow = percent > 0 ? QStringLiteral("\u25b2 ") : QStringLiteral("\u25bc ");
    return arrow + number + suffix;
}

QString duration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    if (seconds < 60)
        return QCoreApplication::translate("ValueFormat", "%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QCoreApplication::translate("ValueFormat", "%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24) {
        if (minutes % 60 == 0)
            return QCoreApplication::translate("ValueFormat", "%1 h").arg(hours);
        return QCoreApplication::translate("ValueFormat", "%1 h %2 min").arg(hours).arg(minutes % 60);
    }
    return QCoreApplication::translate("ValueFormat", "%1 d").arg(hours / 24);
}

} // namespace vantage::ValueFormat
