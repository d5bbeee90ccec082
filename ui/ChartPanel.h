#pragma once

#include "models/DashboardFile.h"
#include "ui/ChartLine.h"
#include "widgets/Theme.h"

#include <functional>
#include <vector>

class QChartView;
class QWidget;

namespace vantage {

// One chart panel of the metrics page: its title, the trend against the previous period, the
// lines or areas of its series over the page's range with the thresholds across them, and the
// error of its source in its own words when the source fails, while the others carry on. Its
// menu exports the panel as PNG and its data as CSV.
//
// Made by the charts plugin (plugins/charts, ui/ChartPanels), the only code that uses Qt Charts:
// so an interface with callbacks rather than a QObject with signals. A QObject class compiled into
// both the program and the plugin has two metaobjects, and qobject_cast across them fails; the
// plugin's own copies (PlainLabel, in the panel's labels) are only ever cast inside it.
class ChartPanel
{
public:
    virtual ~ChartPanel() = default;

    // The panel's widget, owned by its parent.
    virtual QWidget *widget() = 0;
    virtual const DashboardPanel &spec() const = 0;
    // Shows these lines over [fromMs, toMs], handed to the chart with replace(); the error goes.
    virtual void setLines(std::vector<ChartLine> lines, qint64 fromMs, qint64 toMs) = 0;
    virtual const std::vector<ChartLine> &lines() const = 0;
    // Shows why the source gave nothing, as plain text; the lines shown before stay.
    virtual void setError(const QString &message) = 0;
    virtual QString errorText() const = 0;
    // The change of the first line's mean against the previous period, in percent; NaN hides it.
    virtual void setTrend(double percent) = 0;
    virtual QString trendText() const = 0;
    virtual void setTheme(const Theme &theme) = 0;
    // A wall: no export menu, and the chart takes no zoom or pan.
    virtual void setReadOnly(bool readOnly) = 0;
    // The plot's width in pixels: the columns the lines are decimated to.
    virtual int plotWidth() const = 0;
    // The chart's view, where a drag selects a range, the wheel zooms, Shift+wheel and the arrow
    // keys pan, and a double click or Escape asks for the page's range back.
    virtual QChartView *view() const = 0;
    // The crosshair's words at a time: "14:03:05  p95 380 ms  avg 164 ms"; empty without lines.
    virtual QString crosshairText(qint64 timeMs) const = 0;

    virtual bool exportPng(const QString &path) = 0;
    virtual bool exportCsv(const QString &path, QString *error) const = 0;

    // What the view or the menu asks of the page: a range to show, or the page's own back.
    virtual void onRangeRequested(std::function<void(qint64 fromMs, qint64 toMs)> handler) = 0;
    virtual void onResetRequested(std::function<void()> handler) = 0;
};

} // namespace vantage
