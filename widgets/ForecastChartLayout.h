#pragma once

#include "models/LoadForecast.h"

#include <QLineF>
#include <QRectF>

#include <optional>
#include <vector>

namespace vantage {

// Where ForecastChart paints a load forecast: one column per upcoming hour, split evenly over
// the plot's width, with a bar from the baseline to the expected load, a whisker over the
// samples' low–high range and the hour's label underneath; and the peak threshold as a line.
// The value scale runs from 0 at the plot's bottom to maxValue at its top.
struct ForecastChartLayout
{
    struct Column
    {
        QRectF area;  // the column's share of the plot: a too-short hour is marked in it
        QRectF bar;   // baseline to expected; empty when too short
        QLineF range; // low to high, at the bar's centre; null when too short
        QRectF label; // under the plot
    };

    QRectF plot;
    double maxValue = 1.0;
    std::vector<Column> columns;      // as forecast.hours
    std::optional<double> thresholdY; // when some hour has a basis and the history a median

    // Fits the forecast in `rect`, keeping `labelHeight` under the plot for the hour labels.
    static ForecastChartLayout fit(const LoadForecast &forecast, const QRectF &rect, qreal labelHeight);

    double yFor(double value) const;
};

} // namespace vantage
