#pragma once

#include "widgets/Theme.h"

#include <QMainWindow>

#include <array>
#include <vector>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace vantage {

class AlertPanel;
class ConnectionBadge;
class CounterTile;
class CriticalTakeover;
class DashboardModels;
class FeedPanel;
class HealthCards;
class MapPanel;
class MetricCard;
class MetricsPage;
class Pill;
class PlaybackBar;
class StaleBanner;

// The operator's window: the overview page with counters, health cards, feed and alerts, and for
// a replay the playback bar. It repaints once per applied batch and once a second (clock, ages),
// never per event. What it is asked to do with sources (open a log, record, play) it signals;
// the app carries it out.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // Styled once, in `theme`: a saved light theme set after construction would style every widget twice.
    explicit MainWindow(DashboardModels *models, Theme::Mode theme = Theme::Mode::Dark,
                        QWidget *parent = nullptr);

    // The pages under the top bar (View > Overview, Map, Alerts, Metrics: Ctrl+1 to Ctrl+4).
    enum class Page { Overview, Map, Alerts, Metrics };
    void showPage(Page page);
    // The page chosen, even while a critical alert takes a wall over.
    Page page() const { return m_page; }

    // A wall display (--kiosk): frameless and full screen (set before show), without the menu
    // bar, the page buttons or log files dropped onto it. ui/KioskController adds the behaviour.
    // A wall also gives itself over to an open critical alert nobody has acknowledged or
    // silenced (ui/CriticalTakeover), until it is.
    void setKioskMode(bool on);
    bool kioskMode() const { return m_kiosk; }
    bool takeoverShown() const;
    // How old the data may get before the full-width stale banner says so (StaleBanner).
    void setStaleThresholdMs(qint64 thresholdMs);
    // The banner's words; empty while it is hidden.
    QString staleBannerText() const;

    void setTheme(Theme::Mode mode);
    // Large type for a wall read from across the room (widgets/TypeScale): the window's font, and
    // with it every label, card and row, at `scale` times the desk's 13 px.
    void setTypeScale(double scale);
    Theme::Mode themeMode() const { return m_theme.mode; }
    const Theme &theme() const { return m_theme; }
    void setDemoMode(bool demo);
    bool demoMode() const { return m_demo; }
    // Where the data comes from ("demo", "ws://relay:8080", a log file), shown beside the
    // product name as plain text. The caller strips credentials.
    void setSourceLabel(const QString &label);
    QString sourceLabel() const;
    // The currency of the revenue tile (ISO code, e.g. "GBP"). Until it is set, the tile
    // follows the currency of the newest payment in the feed.
    void setRevenueCurrency(const QString &currencyCode);
    // Shows the playback bar and enables its keys (Space, Right, +, -) for a replay.
    void setPlaybackVisible(bool visible);
    // Whether File > Stop recording (rather than Record...) applies.
    void setRecordingActive(bool active);
    // Brings the clock, the ages and the stale banner up to the models' clock; a one-second timer
    // calls it, tests call it after moving their clock.
    void tick();
    // Shows what operators did to the alerts (acknowledged, silenced) at once, not at the next batch.
    void refreshAlerts();
    // Tells the operator what went wrong, as plain text, without blocking the window.
    void showError(const QString &title, const QString &message);

    // For tests and kiosk shells: children are also findable by objectName
    // ("tile.revenue", "card.avg_response_ms", "feed.view", "alerts.view", ...).
    CounterTile *tile(const QString &key) const;
    MetricCard *card(const QString &gaugeName) const;
    FeedPanel *feedPanel() const { return m_feedPanel; }
    AlertPanel *alertPanel() const { return m_alertPanel; }
    AlertPanel *alertsPage() const { return m_alertsPage; }
    CriticalTakeover *takeover() const { return m_takeover; }
    MapPanel *overviewMap() const { return m_overviewMap; }
    MapPanel *mapPage() const { return m_mapPanel; }
    // The metrics page, whose dashboard the application sets (app/DashboardSetup).
    MetricsPage *metricsPage() const { return m_metricsPage; }
    ConnectionBadge *connectionBadge() const { return m_badge; }
    PlaybackBar *playbackBar() const { return m_playbackBar; }
    // The Alerts menu, filled by the application (app/AlertTools) with rules, the forecast and
    // notification settings.
    QMenu *alertsMenu() const { return m_alertsMenu; }
    QString statusText() const;

Q_SIGNALS:
    void reconnectRequested();
    // File > Open log... or a file dropped onto the window.
    void openLogRequested(const QString &path);
    // File > Record... and File > Stop recording.
    void recordRequested(const QString &path);
    void stopRecordingRequested();
    // Connection > Look back in the journal, here or in a new window: the live journal's folder
    // (docs/journal.md).
    void lookBackRequested(const QString &journalDir);
    void lookBackWindowRequested(const QString &journalDir);
    void themeChanged(const vantage::Theme &theme);
    // The source label or the demo mode changed (a kiosk's other screens follow it).
    void sourceChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct TileBinding
    {
        QString key;
        CounterTile *tile = nullptr;
    };

    QWidget *buildTopBar();
    QWidget *buildOverviewPage();
    QWidget *buildTiles();
    QWidget *buildMetricsPage();
    void buildMenus();
    void buildFileMenu();
    void buildPlaybackMenu();
    void buildStatusBar();

    void refresh();
    // refresh() and the sparklines that otherwise follow at their own pace: the tiles' per-minute
    // ones once a second (m_tick), which at frame cadence would be drawn again every frame for a
    // change in their last minute, and the health cards' at most four times a second (HealthCards).
    void refreshAll();
    void refreshTiles();
    void refreshTileHistories();
    // Shows the takeover while a wall has an unhandled critical alert, the chosen page otherwise.
    void refreshTakeover();
    void refreshStatusBar();
    void refreshSkippedLines();
    void refreshRecordLabel();
    void refreshJournalLabel();
    void followPaymentCurrency(int firstRow, int lastRow);

    DashboardModels *m_models;
    Theme m_theme = Theme::dark();
    bool m_themeApplied = false;
    bool m_demo = false;
    bool m_currencyFixed = false;
    bool m_tileHistoriesDue = false;
    std::vector<TileBinding> m_tiles;
    HealthCards *m_healthCards = nullptr;
    HealthCards *m_metricsCards = nullptr; // the metrics page's
    MetricsPage *m_metricsPage = nullptr;
    StaleBanner *m_staleBanner = nullptr;
    CriticalTakeover *m_takeover = nullptr;
    AlertPanel *m_alertsPage = nullptr;
    Page m_page = Page::Overview;
    bool m_kiosk = false;
    ConnectionBadge *m_badge = nullptr;
    Pill *m_demoPill = nullptr;
    QLabel *m_clock = nullptr;
    QLabel *m_source = nullptr;
    FeedPanel *m_feedPanel = nullptr;
    AlertPanel *m_alertPanel = nullptr;
    MapPanel *m_overviewMap = nullptr;
    MapPanel *m_mapPanel = nullptr;
    QStackedWidget *m_pages = nullptr;
    std::array<QToolButton *, 4> m_pageButtons{};
    QLabel *m_rateLabel = nullptr;
    QLabel *m_receivedLabel = nullptr;
    QLabel *m_errorsLabel = nullptr;
    QLabel *m_lossLabel = nullptr;
    QLabel *m_recordLabel = nullptr;  // shown with --record: frames recorded, or why recording stopped
    QLabel *m_skippedLabel = nullptr; // shown when a replay skipped lines: how many, and the first ones
    QLabel *m_journalLabel = nullptr; // shown while the live stream is journaled: frames, or why it stopped
    QMenu *m_alertsMenu = nullptr;
    PlaybackBar *m_playbackBar = nullptr;
    QMenu *m_playbackMenu = nullptr;
    QAction *m_recordAction = nullptr;
    QAction *m_stopRecordAction = nullptr;
    QAction *m_lookBackAction = nullptr; // these two are enabled while the live stream is journaled
    QAction *m_lookBackWindowAction = nullptr;
    QActionGroup *m_themeActions = nullptr;
    QTimer *m_tick = nullptr;
};

} // namespace vantage
