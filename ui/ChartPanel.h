#pragma once

#include "models/DashboardFile.h"
#include "ui/ChartLine.h"
#include "widgets/Theme.h"

#include <QFrame>

#include <vector>

class QChart;
class QDateTimeAxis;
class QLabel;
class QToolButton;
class QValueAxis;

namespace vantage {

class ChartView;

// One panel of the metrics page (Qt Charts): its title, the trend against the previous period,
// the lines or areas of its series over the page's range with the thresholds across them, and
// the error of its source in its own words when the source fails, while the others carry on.
// Its menu exports the panel as PNG and its data as CSV.
class ChartPanel final : public QFrame
{
    Q_OBJECT
public:
    ChartPanel(const DashboardPanel &spec, QWidget *parent = nullptr);

    const DashboardPanel &spec() const { return m_spec; }
    // Shows these lines over [fromMs, toMs], handed to the chart with replace(); the error goes.
    void setLines(std::vector<ChartLine> lines, qint64 fromMs, qint64 toMs);
    const std::vector<ChartLine> &lines() const { return m_lines; }
    // Shows why the source gave nothing, as plain text; the lines shown before stay.
    void setError(const QString &message);
    QString errorText() const;
    // The change of the first line's mean against the previous period, in percent; NaN hides it.
    void setTrend(double percent);
    QString trendText() const;
    void setTheme(const Theme &theme);
    // A wall: no export menu, and the chart takes no zoom or pan.
    void setReadOnly(bool readOnly);
    // The plot's width in pixels: the columns the lines are decimated to.
    int plotWidth() const;
    ChartView *view() const { return m_view; }

    bool exportPng(const QString &path);
    bool exportCsv(const QString &path, QString *error) const;

Q_SIGNALS:
    void rangeRequested(qint64 fromMs, qint64 toMs);
    void resetRequested();

private:
    void rebuildSeries();
    void applyAxisRanges(qint64 fromMs, qint64 toMs);
    void chooseExport(bool png);
    // The chart's fonts follow the panel's (a wall's large type reaches it as the window's font).
    void applyFonts();

protected:
    void changeEvent(QEvent *event) override;

private:

    DashboardPanel m_spec;
    Theme m_theme = Theme::dark();
    std::vector<ChartLine> m_lines;
    QLabel *m_title;
    QLabel *m_trend;
    QLabel *m_error;
    QToolButton *m_menuButton = nullptr;
    QChart *m_chart;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    ChartView *m_view;
};

} // namespace vantage
