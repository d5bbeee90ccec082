#pragma once

#include "ui/ChartPanel.h"

#include <QFrame>

class QChart;
class QDateTimeAxis;
class QLabel;
class QToolButton;
class QValueAxis;

namespace vantage {

class ChartView;

// The chart panel (ui/ChartPanel) with Qt Charts: a QChart of line or area series over a time
// axis and a value axis, in a ChartView.
class QtChartPanel final : public QFrame, public ChartPanel
{
    Q_OBJECT
public:
    QtChartPanel(const DashboardPanel &spec, QWidget *parent = nullptr);

    QWidget *widget() override { return this; }
    const DashboardPanel &spec() const override { return m_spec; }
    void setLines(std::vector<ChartLine> lines, qint64 fromMs, qint64 toMs) override;
    const std::vector<ChartLine> &lines() const override { return m_lines; }
    void setError(const QString &message) override;
    QString errorText() const override;
    void setTrend(double percent) override;
    QString trendText() const override;
    void setTheme(const Theme &theme) override;
    void setReadOnly(bool readOnly) override;
    int plotWidth() const override;
    QChartView *view() const override;
    QString crosshairText(qint64 timeMs) const override;
    bool exportPng(const QString &path) override;
    bool exportCsv(const QString &path, QString *error) const override;
    void onRangeRequested(std::function<void(qint64 fromMs, qint64 toMs)> handler) override;
    void onResetRequested(std::function<void()> handler) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildSeries();
    void applyAxisRanges(qint64 fromMs, qint64 toMs);
    void chooseExport(bool png);
    void requestReset();
    // The chart's fonts follow the panel's (a wall's large type reaches it as the window's font).
    void applyFonts();

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
    std::function<void(qint64, qint64)> m_onRange;
    std::function<void()> m_onReset;
};

} // namespace vantage
