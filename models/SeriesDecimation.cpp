#include "models/SeriesDecimation.h"

#include <algorithm>
#include <cmath>

namespace vantage {

QList<QPointF> decimateMinMax(std::span<const QPointF> points, double xMin, double xMax, int columns)
{
    QList<QPointF> out;
    const auto byX = [](const QPointF &point, double x) { return point.x() < x; };
    const auto first = std::lower_bound(points.begin(), points.end(), xMin, byX);
    const auto last = std::upper_bound(points.begin(), points.end(), xMax,
                                       [](double x, const QPointF &point) { return x < point.x(); });
    const auto keepIfNumber = [&out](const QPointF &point) {
        if (!std::isnan(point.y()))
            out.append(point);
    };
    if (first != points.begin())
        keepIfNumber(*(first - 1));
    const qsizetype inside = last - first;
    if (columns <= 0 || inside <= 2 * qsizetype(columns) || !(xMax > xMin)) {
        std::for_each(first, last, keepIfNumber);
    } else {
        out.reserve(2 * columns + 2);
        const double perColumn = (xMax - xMin) / columns;
        auto it = first;
        while (it != last) {
            const int column = std::min(columns - 1, int((it->x() - xMin) / perColumn));
            const double columnEnd = xMin + (column + 1) * perColumn;
            const QPointF *low = nullptr;
            const QPointF *high = nullptr;
            for (; it != last && (it->x() < columnEnd || column == columns - 1); ++it) {
                if (std::isnan(it->y()))
                    continue;
                if (!low || it->y() < low->y())
                    low = &*it;
                if (!high || it->y() > high->y())
                    high = &*it;
            }
            if (!low)
                continue;
            const QPointF *earlier = low->x() <= high->x() ? low : high;
            const QPointF *later = earlier == low ? high : low;
            out.append(*earlier);
            if (later != earlier)
                out.append(*later);
        }
    }
    if (last != points.end())
        keepIfNumber(*last);
    return out;
}

} // namespace vantage
