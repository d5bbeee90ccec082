#include "prometheus/PromQuery.h"

#include <algorithm>
#include <array>

namespace vantage {

namespace {

// Seconds since the epoch with milliseconds, as the API takes times.
QString apiTime(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

} // namespace

QUrl PromQuery::url(const QUrl &server) const
{
    QUrl url = server;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(
        path + (kind == Kind::Range ? QLatin1String("/api/v1/query_range") : QLatin1String("/api/v1/query")));
    // Encoded here, every reserved character included: the server reads '+' as a space, '&' and
    // ';' as separators, and PromQL uses all three.
    QByteArray query = "query=" + QUrl::toPercentEncoding(expr);
    const auto add = [&query](const char *name, qint64 ms) {
        query += '&';
        query += name;
        query += '=';
        query += apiTime(ms).toLatin1();
    };
    if (kind == Kind::Range) {
        add("start", startMs);
        add("end", endMs);
        add("step", stepMs);
    } else if (timeMs != 0) {
        add("time", timeMs);
    }
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

qint64 rangeStepMs(qint64 rangeMs, int pixelWidth)
{
    static constexpr qint64 kSecond = 1000;
    static constexpr qint64 kMinute = 60 * kSecond;
    static constexpr qint64 kHour = 60 * kMinute;
    static constexpr std::array<qint64, 20> kSteps{
        kSecond,     2 * kSecond, 5 * kSecond,  10 * kSecond, 15 * kSecond,   30 * kSecond,  kMinute,
        2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,   kHour,         2 * kHour,
        3 * kHour,   6 * kHour,   12 * kHour,   24 * kHour,   2 * 24 * kHour, 7 * 24 * kHour};
    const qint64 range = std::max<qint64>(rangeMs, 0);
    const qint64 perPixel = (range + std::max(pixelWidth, 1) - 1) / std::max(pixelWidth, 1);
    const qint64 perPoint = (range + kPrometheusMaxPoints - 2) / (kPrometheusMaxPoints - 1);
    const qint64 wanted = std::max({perPixel, perPoint, kSecond});
    const auto nice = std::lower_bound(kSteps.begin(), kSteps.end(), wanted);
    return nice != kSteps.end() ? *nice : wanted;
}

} // namespace vantage
