#pragma once

#include "models/DashboardFile.h"
#include "prometheus/PromAnswer.h"
#include "prometheus/PrometheusServer.h"
#include "ui/ChartPanels.h"
#include "widgets/Theme.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QButtonGroup;
class QLabel;
class QTimer;
class QToolButton;

namespace vantage {

class ChartPanel;
class DashboardModels;
class HealthCards;
class PrometheusClient;
class StatPanel;

// The metrics page (docs/metrics.md): the health cards with their fifteen minutes, then a
// dashboard's stat cards (one value at the range's end) and chart panels over one time range for all (5 min,
// 1 h, 24 h, 7 d or custom), which a drag, the wheel or the arrow keys on any chart zoom and pan, and Reset
// returns to the preset. Stream panels draw the live stream's own history (DashboardModels'
// MetricSeriesStore), once a second; Prometheus panels ask their server every refresh interval, off the GUI
// thread, a newer request cancelling the older, and each panel shows its own error. Nothing is asked while
// the page is hidden.
class MetricsPage final : public QWidget
{
    Q_OBJECT
public:
    // The charts come from the plugin at `chartsPlugin` (ui/ChartPanels), loaded when they are first built.
    MetricsPage(DashboardModels *models, qsizetype cardHistorySamples, QWidget *parent = nullptr,
                const QString &chartsPlugin = ChartPanels::installedPluginPath());
    ~MetricsPage() override;

    // Shows `dashboard`'s panels, from the page's first showing on; its Prometheus panels ask
    // `server` (none: they say so).
    void setDashboard(const Dashboard &dashboard, std::optional<PrometheusServer> server);
    HealthCards *cards() const { return m_cards; }
    std::vector<ChartPanel *> panels() const { return m_panels; }
    std::vector<StatPanel *> stats() const { return m_stats; }
    void setTheme(const Theme &theme);
    // A wall: no range buttons and no export menus, nothing to press; the preset range runs on.
    void setReadOnly(bool readOnly);

    // The range every panel shows, [from, to] in ms since the epoch.
    std::pair<qint64, qint64> range() const;
    // A preset ("5m", "1h", "24h", "7d") ending now, or a fixed range (custom, zoomed, panned).
    void setPresetRange(const QString &name);
    void setFixedRange(qint64 fromMs, qint64 toMs);
    bool zoomed() const { return m_fixed.has_value(); }
    // Asks every panel's source again now (the timers do it on their own while shown).
    void refreshCharts();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Trend
    {
        double current = qQNaN();
        double previous = qQNaN();
    };

    // Charts are made when the page is first shown, not at startup.
    void buildPanels();
    void refreshStreamPanels();
    void refreshStreamStats(qint64 toMs);
    void askPrometheus();
    void onAnswer(const QString &key, const PromAnswer &answer);
    void onChartAnswer(size_t index, bool previous, const PromAnswer &answer);
    void onStatAnswer(size_t index, const PromAnswer &answer);
    void showTrend(size_t index);
    void syncRangeButtons();

    DashboardModels *m_models;
    ChartPanels m_charts;
    HealthCards *m_cards;
    QWidget *m_grid;
    QWidget *m_statRow;
    QButtonGroup *m_rangeButtons;
    QToolButton *m_resetZoom;
    QWidget *m_toolbar;
    bool m_readOnly = false;
    QLabel *m_sourceLabel;
    // Why the charts are missing: their plugin could not be loaded.
    QLabel *m_chartsProblem;
    Dashboard m_dashboard;
    bool m_built = false;
    std::vector<ChartPanel *> m_panels;
    std::vector<StatPanel *> m_stats;
    std::vector<Trend> m_trends;
    std::unique_ptr<PrometheusClient> m_prometheus;
    QTimer *m_streamTimer;
    QTimer *m_prometheusTimer;
    Theme m_theme = Theme::dark();
    QString m_preset = QStringLiteral("5m");
    std::optional<std::pair<qint64, qint64>> m_fixed;
    // The range the Prometheus panels were last asked for: answers are drawn over it.
    std::pair<qint64, qint64> m_askedRange{0, 0};
};

} // namespace vantage
