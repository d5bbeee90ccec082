#pragma once

#include "models/LoadForecast.h"
#include "widgets/ForecastChartLayout.h"
#include "widgets/Theme.h"

#include <QWidget>

#include <optional>

namespace vantage {

// A small bar chart of a load forecast (ForecastChartLayout): the expected load of each upcoming
// hour with its low–high range, the peak hours in the warning colour, the peak threshold as a
// dashed line, and a "?" where the history is too short.
class ForecastChart final : public QWidget
{
    Q_OBJECT
public:
    explicit ForecastChart(QWidget *parent = nullptr);

    void setForecast(const LoadForecast &forecast);
    // Nothing to show (the history is being read, or could not be).
    void clear();
    void setTheme(const Theme &theme);

    // Where paintEvent puts everything at the current size; nullopt without a forecast.
    std::optional<ForecastChartLayout> chartLayout() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintColumns(QPainter &painter, const ForecastChartLayout &layout) const;

    std::optional<LoadForecast> m_forecast;
    Theme m_theme = Theme::dark();
};

} // namespace vantage
