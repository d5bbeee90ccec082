#include "widgets/SparklineScale.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace vantage {

SparklineScale SparklineScale::fit(std::span<const double> values, const QRectF &rect, bool includeZero)
{
    SparklineScale scale;
    scale.rect = rect;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        if (!scale.valid) {
            scale.minValue = scale.maxValue = v;
            scale.valid = true;
        } else {
            scale.minValue = std::min(scale.minValue, v);
            scale.maxValue = std::max(scale.maxValue, v);
        }
    }
    if (scale.valid && includeZero) {
        scale.minValue = std::min(scale.minValue, 0.0);
        scale.maxValue = std::max(scale.maxValue, 0.0);
    }
    return scale;
}

double SparklineScale::yFor(double value) const
{
    const double span = maxValue - minValue;
    if (span <= 0.0)
        return rect.center().y();
    const double t = std::clamp((value - minValue) / span, 0.0, 1.0);
    return rect.bottom() - t * rect.height();
}

double SparklineScale::xFor(qsizetype index, qsizetype count) const
{
    if (count <= 1)
        return rect.right();
    return rect.left() + rect.width() * double(index) / double(count - 1);
}

std::vector<QPolygonF> SparklineScale::polylines(std::span<const double> values) const
{
    std::vector<QPolygonF> lines;
    if (!valid || values.empty() || rect.isEmpty())
        return lines;

    QPolygonF current;
    const auto flush = [&] {
        if (!current.isEmpty())
            lines.push_back(std::exchange(current, QPolygonF()));
    };

    const auto n = qsizetype(values.size());
    const auto columns = std::max<qsizetype>(1, qsizetype(std::floor(rect.width())));
    if (n <= columns) {
        for (qsizetype i = 0; i < n; ++i) {
            const double v = values[size_t(i)];
            if (!std::isfinite(v)) {
                flush();
                continue;
            }
            current << QPointF(xFor(i, n), yFor(v));
        }
        flush();
        return lines;
    }

    for (qsizetype c = 0; c < columns; ++c) {
        const qsizetype begin = c * n / columns;
        const qsizetype end = (c + 1) * n / columns;
        qsizetype minIndex = -1;
        qsizetype maxIndex = -1;
        for (qsizetype i = begin; i < end; ++i) {
            const double v = values[size_t(i)];
            if (!std::isfinite(v))
                continue;
            if (minIndex < 0 || v < values[size_t(minIndex)])
                minIndex = i;
            if (maxIndex < 0 || v > values[size_t(maxIndex)])
                maxIndex = i;
        }
        if (minIndex < 0) {
            flush();
            continue;
        }
        const double x = xFor(c, columns);
        // Keep the order in which min and max occurred so the line does not zigzag backwards.
        const qsizetype first = std::min(minIndex, maxIndex);
        const qsizetype second = std::max(minIndex, maxIndex);
        current << QPointF(x, yFor(values[size_t(first)]));
        if (second != first)
            current << QPointF(x, yFor(values[size_t(second)]));
    }
    flush();
    return lines;
}

} // namespace vantage
