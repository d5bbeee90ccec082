#include "widgets/ForecastChartLayout.h"

#include <algorithm>
#include <cmath>

namespace vantage {

namespace {
constexpr double kHeadroom = 1.1; // the tallest whisker stays clear of the top
constexpr double kBarShare = 0.6; // of a column's width
} // namespace

ForecastChartLayout ForecastChartLayout::fit(const LoadForecast &forecast, const QRectF &rect,
                                             qreal labelHeight)
{
    ForecastChartLayout layout;
    layout.plot = rect.adjusted(0, 0, 0, -labelHeight);
    bool anyBasis = false;
    double top = 0.0;
    for (const LoadForecast::Hour &hour : forecast.hours) {
        if (hour.basis == LoadForecast::Basis::TooShort)
            continue;
        anyBasis = true;
        top = std::max({top, hour.expected, double(hour.high)});
    }
    const double threshold = forecast.peakThreshold();
    const bool showThreshold = anyBasis && std::isfinite(threshold);
    if (showThreshold)
        top = std::max(top, threshold);
    layout.maxValue = top > 0.0 ? top * kHeadroom : 1.0;

    const qsizetype count = qsizetype(forecast.hours.size());
    const double width = count > 0 ? layout.plot.width() / double(count) : 0.0;
    for (qsizetype i = 0; i < count; ++i) {
        const LoadForecast::Hour &hour = forecast.hours[std::size_t(i)];
        Column column;
        column.area =
            QRectF(layout.plot.left() + double(i) * width, layout.plot.top(), width, layout.plot.height());
        column.label = QRectF(column.area.left(), layout.plot.bottom(), width, labelHeight);
        if (hour.basis != LoadForecast::Basis::TooShort) {
            const double barWidth = width * kBarShare;
            const double x = column.area.center().x();
            column.bar = QRectF(QPointF(x - barWidth / 2, layout.yFor(hour.expected)),
                                QPointF(x + barWidth / 2, layout.plot.bottom()));
            column.range = QLineF(x, layout.yFor(double(hour.low)), x, layout.yFor(double(hour.high)));
        }
        layout.columns.push_back(column);
    }
    if (showThreshold)
        layout.thresholdY = layout.yFor(threshold);
    return layout;
}

double ForecastChartLayout::yFor(double value) const
{
    return plot.bottom() - std::clamp(value / maxValue, 0.0, 1.0) * plot.height();
}

} // namespace vantage
