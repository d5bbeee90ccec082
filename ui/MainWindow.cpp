#include "ui/MainWindow.h"

#include "models/ActivityFeedModel.h"
#include "models/AlertModel.h"
#include "models/DashboardModels.h"
#include "models/FeedFilterProxy.h"
#include "models/MetricSeriesStore.h"
#include "models/TodayCounters.h"
#include "ui/AlertPanel.h"
#include "ui/CriticalTakeover.h"
#include "ui/FeedPanel.h"
#include "ui/FramePacer.h"
#include "ui/HealthCards.h"
#include "ui/LogFiles.h"
#include "ui/MapPanel.h"
#include "ui/MetricsPage.h"
#include "ui/PlainLabel.h"
#include "ui/PlaybackBar.h"
#include "ui/StaleBanner.h"
#include "widgets/ConnectionBadge.h"
#include "widgets/ConnectionBadgeText.h"
#include "widgets/CounterTile.h"
#include "widgets/Pill.h"
#include "widgets/TypeScale.h"
#include "widgets/ValueFormat.h"
#include "widgets/VantageStyle.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QButtonGroup>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextDocument> // Qt::convertFromPlainText
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace vantage {

namespace {

constexpr int outerMargin = 16;
constexpr int rowSpacing = 12;
// Health-card sparklines on the overview: three minutes at one sample a second, about one sample
// per pixel; the metrics page shows all the series keep (MetricSeries, 15 minutes).
constexpr qsizetype kCardHistorySamples = 180;
constexpr qsizetype kMetricsPageHistorySamples = 900;
constexpr int kPageCount = 4;

struct TileSpec
{
    const char *key;
    const char *title;
    Counter counter;
};

// Counters in the order the operator reads them.
constexpr TileSpec tileSpecs[] = {
    {"active_users", QT_TRANSLATE_NOOP("MainWindow", "Active now"), Counter::ActiveUsers},
    {"signups", QT_TRANSLATE_NOOP("MainWindow", "Signups today"), Counter::Signups},
    {"payments", QT_TRANSLATE_NOOP("MainWindow", "Payments today"), Counter::Payments},
    {"revenue", QT_TRANSLATE_NOOP("MainWindow", "Revenue today"), Counter::Revenue},
    {"forms", QT_TRANSLATE_NOOP("MainWindow", "Forms today"), Counter::FormSubmissions},
    {"invitations", QT_TRANSLATE_NOOP("MainWindow", "Invitations today"), Counter::Invitations},
};

Counter counterForKey(const QString &key)
{
    for (const TileSpec &spec : tileSpecs) {
        if (key == QLatin1String(spec.key))
            return spec.counter;
    }
    return Counter::Signups;
}

} // namespace

MainWindow::MainWindow(DashboardModels *models, Theme::Mode theme, QWidget *parent)
    : QMainWindow(parent)
    , m_models(models)
    , m_tick(new QTimer(this))
{
    // The chrome is drawn by the style, from the theme's palette, before any widget is polished.
    if (!qobject_cast<VantageStyle *>(QApplication::style()))
        QApplication::setStyle(new VantageStyle);
    setWindowTitle(tr("Vantage"));
    setMinimumSize(1024, 680);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("overview"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(outerMargin, 10, outerMargin, outerMargin);
    layout->setSpacing(rowSpacing);
    layout->addWidget(buildTopBar());
    m_staleBanner = new StaleBanner(central);
    layout->addWidget(m_staleBanner);
    // The stack's order is Page's; the takeover, built when a wall first needs it, comes last and is
    // shown over whichever page is due.
    m_pages = new QStackedWidget(central);
    m_pages->addWidget(buildOverviewPage());
    m_mapPanel = new MapPanel(models, QStringLiteral("map.page"), m_pages);
    m_pages->addWidget(m_mapPanel);
    m_alertsPage = new AlertPanel(
        models->alerts(), m_pages, [models] { return models->shownNowMs(); }, QStringLiteral("alertsPage"));
    m_alertsPage->setObjectName(QStringLiteral("page.alerts"));
    m_pages->addWidget(m_alertsPage);
    m_pages->addWidget(buildMetricsPage());
    // The metrics page's cards follow the data only while shown (refresh()): whenever the page
    // comes into view, from a page button or the end of a critical takeover, they catch up at once.
    connect(m_pages, &QStackedWidget::currentChanged, this, [this] {
        if (m_pages->currentWidget() == m_metricsPage)
            m_metricsCards->refreshAll(m_models->series());
    });
    layout->addWidget(m_pages, 1);
    m_playbackBar = new PlaybackBar(central);
    m_playbackBar->hide();
    layout->addWidget(m_playbackBar);
    setCentralWidget(central);
    setAcceptDrops(true);

    buildMenus();
    buildStatusBar();

    connect(models, &DashboardModels::batchApplied, this, &MainWindow::refresh);
    connect(models, &DashboardModels::batchApplied, new FramePacer(this), &FramePacer::batchApplied);
    connect(models, &DashboardModels::cleared, this, &MainWindow::refreshAll);
    connect(models, &DashboardModels::restored, this, &MainWindow::refreshAll);
    connect(models->feed(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { followPaymentCurrency(first, last); });
    connect(models, &DashboardModels::connectionStatusChanged, this, &MainWindow::tick);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        tick();
        if (m_tileHistoriesDue)
            refreshTileHistories();
    });
    m_tick->start();

    setTheme(theme);
    refreshAll();
}

QWidget *MainWindow::buildOverviewPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("page.overview"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(rowSpacing);
    layout->addWidget(buildTiles());
    m_healthCards = new HealthCards(7, kCardHistorySamples, QStringLiteral("card."), page);
    layout->addWidget(m_healthCards);

    m_feedPanel = new FeedPanel(m_models->feed(), m_models->filteredFeed(), page);
    m_alertPanel =
        new AlertPanel(m_models->alerts(), page, [models = m_models] { return models->shownNowMs(); });
    m_overviewMap = new MapPanel(m_models, QStringLiteral("map.overview"), page);
    auto *side = new QVBoxLayout;
    side->setSpacing(rowSpacing);
    // The alerts are what operators read first: they get more room than the map.
    side->addWidget(m_alertPanel, 3);
    side->addWidget(m_overviewMap, 2);
    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(rowSpacing);
    bottom->addWidget(m_feedPanel, 3);
    bottom->addLayout(side, 2);
    layout->addLayout(bottom, 1);
    return page;
}

QWidget *MainWindow::buildMetricsPage()
{
    m_metricsPage = new MetricsPage(m_models, kMetricsPageHistorySamples, this);
    m_metricsPage->setObjectName(QStringLiteral("page.metrics"));
    m_metricsCards = m_metricsPage->cards();
    return m_metricsPage;
}

void MainWindow::showPage(Page page)
{
    m_page = page;
    m_pageButtons[int(page)]->setChecked(true);
    if (!takeoverShown())
        m_pages->setCurrentIndex(int(page));
}

bool MainWindow::takeoverShown() const
{
    return m_takeover && m_pages->currentWidget() == m_takeover;
}

void MainWindow::setStaleThresholdMs(qint64 thresholdMs)
{
    m_staleBanner->setThresholdMs(thresholdMs);
    tick();
}

QString MainWindow::staleBannerText() const
{
    return m_staleBanner->text();
}

void MainWindow::refreshAlerts()
{
    m_alertPanel->refresh();
    m_alertsPage->refresh();
    refreshTakeover();
}

void MainWindow::refreshTakeover()
{
    const AlertModel *alerts = m_models->alerts();
    const AlertRow *critical = m_kiosk ? alerts->firstUnhandledCritical() : nullptr;
    if (critical) {
        if (!m_takeover) {
            // Sized from the window's font, which a wall's type scale sets.
            m_takeover = new CriticalTakeover(m_pages);
            m_takeover->setTheme(m_theme);
            m_pages->addWidget(m_takeover);
        }
        m_takeover->setAlert(*critical, alerts->unhandledCriticalCount() - 1, m_models->shownNowMs());
        m_pages->setCurrentWidget(m_takeover);
    } else if (takeoverShown()) {
        m_pages->setCurrentIndex(int(m_page));
    }
}

void MainWindow::setKioskMode(bool on)
{
    m_kiosk = on;
    // The status bar stays: its rates and loss counts are data, and nothing is lost silently.
    menuBar()->setVisible(!on);
    for (QToolButton *button : m_pageButtons)
        button->setVisible(!on);
    setAcceptDrops(!on);
    m_alertPanel->setReadOnly(on);
    m_alertsPage->setReadOnly(on);
    m_metricsPage->setReadOnly(on);
    setWindowFlag(Qt::FramelessWindowHint, on);
    setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    refreshTakeover();
}

QWidget *MainWindow::buildTopBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("topBar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(2, 0, 2, 0);
    layout->setSpacing(10);

    auto *product = plainLabel(bar, QStringLiteral("productName"));
    product->setText(tr("Vantage"));
    auto *subtitle = plainLabel(bar, QStringLiteral("productSubtitle"));
    subtitle->setText(tr("Live operations"));
    subtitle->setProperty("muted", true);

    m_badge = new ConnectionBadge(bar);
    m_badge->setObjectName(QStringLiteral("badge.connection"));
    m_demoPill = new Pill(tr("DEMO"), bar);
    m_demoPill->setObjectName(QStringLiteral("pill.demo"));
    m_demoPill->setToolTip(Qt::convertFromPlainText(tr("Showing generated demo data, not a live backend.")));
    m_demoPill->hide();
    m_clock = plainLabel(bar, QStringLiteral("clock"));
    m_source = plainLabel(bar, QStringLiteral("sourceLabel"));
    m_source->setProperty("muted", true);
    m_source->hide();

    auto *pages = new QButtonGroup(bar);
    const QString pageNames[kPageCount] = {tr("Overview"), tr("Map"), tr("Alerts"), tr("Metrics")};
    const char *buttonNames[kPageCount] = {"page.overviewButton", "page.mapButton", "page.alertsButton",
                                           "page.metricsButton"};
    for (int i = 0; i < kPageCount; ++i) {
        auto *button = new QToolButton(bar);
        button->setObjectName(QLatin1String(buttonNames[i]));
        button->setText(pageNames[i]);
        button->setCheckable(true);
        button->setChecked(i == 0);
        button->setToolTip(tr("Ctrl+%1").arg(i + 1));
        button->setFocusPolicy(Qt::TabFocus);
        pages->addButton(button, i);
        m_pageButtons[i] = button;
    }
    connect(pages, &QButtonGroup::idClicked, this, [this](int id) { showPage(Page(id)); });

    layout->addWidget(product);
    layout->addWidget(subtitle);
    layout->addSpacing(16);
    for (QToolButton *button : m_pageButtons)
        layout->addWidget(button);
    layout->addStretch(1);
    layout->addWidget(m_source);
    layout->addWidget(m_demoPill);
    layout->addWidget(m_badge);
    layout->addSpacing(8);
    layout->addWidget(m_clock);
    return bar;
}

QWidget *MainWindow::buildTiles()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(rowSpacing);
    for (const TileSpec &spec : tileSpecs) {
        auto *tile = new CounterTile(tr(spec.title), row);
        const QString key = QLatin1String(spec.key);
        tile->setObjectName(QStringLiteral("tile.") + key);
        if (spec.counter == Counter::ActiveUsers)
            tile->setSparklineFromZero(false);
        if (spec.counter == Counter::Revenue) {
            tile->setFormat(CounterTile::Format::Currency);
            tile->setCurrency(QStringLiteral("GBP"));
        }
        layout->addWidget(tile, 1);
        m_tiles.push_back({key, tile});
    }
    return row;
}

void MainWindow::buildMenus()
{
    buildFileMenu();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_themeActions = new QActionGroup(this);
    QAction *light = view->addAction(tr("&Light theme"));
    QAction *dark = view->addAction(tr("&Dark theme"));
    for (QAction *action : {light, dark}) {
        action->setCheckable(true);
        m_themeActions->addAction(action);
    }
    light->setObjectName(QStringLiteral("action.themeLight"));
    dark->setObjectName(QStringLiteral("action.themeDark"));
    dark->setChecked(true);
    connect(light, &QAction::triggered, this, [this] { setTheme(Theme::Mode::Light); });
    connect(dark, &QAction::triggered, this, [this] { setTheme(Theme::Mode::Dark); });
    view->addSeparator();
    QAction *find = view->addAction(tr("&Find in feed"));
    find->setObjectName(QStringLiteral("action.find"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_feedPanel->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_feedPanel->searchEdit()->selectAll();
    });
    view->addSeparator();
    struct PageAction
    {
        const char *name;
        const char *text;
        Page page;
    };
    const PageAction pageActions[kPageCount] = {
        {"action.pageOverview", QT_TR_NOOP("&Overview"), Page::Overview},
        {"action.pageMap", QT_TR_NOOP("&Map"), Page::Map},
        {"action.pageAlerts", QT_TR_NOOP("&Alerts"), Page::Alerts},
        {"action.pageMetrics", QT_TR_NOOP("M&etrics"), Page::Metrics},
    };
    for (const PageAction &spec : pageActions) {
        QAction *action = view->addAction(tr(spec.text));
        action->setObjectName(QLatin1String(spec.name));
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + int(spec.page))));
        connect(action, &QAction::triggered, this, [this, page = spec.page] { showPage(page); });
    }
    QAction *fullScreen = view->addAction(tr("F&ull screen"));
    fullScreen->setObjectName(QStringLiteral("action.fullScreen"));
    fullScreen->setShortcut(QKeySequence::FullScreen);
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });

    m_alertsMenu = menuBar()->addMenu(tr("&Alerts"));
    m_alertsMenu->setObjectName(QStringLiteral("menu.alerts"));

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    QAction *reconnect = connection->addAction(tr("&Reconnect now"));
    reconnect->setObjectName(QStringLiteral("action.reconnect"));
    reconnect->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(reconnect, &QAction::triggered, this, &MainWindow::reconnectRequested);
    m_lookBackAction = connection->addAction(tr("&Look back in the journal"));
    m_lookBackAction->setObjectName(QStringLiteral("action.lookBack"));
    m_lookBackAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_lookBackAction->setToolTip(tr("Shows the journal of this live stream here, with its timeline, while "
                                    "the stream goes on underneath; Follow live returns"));
    m_lookBackAction->setEnabled(false);
    connect(m_lookBackAction, &QAction::triggered, this,
            [this] { Q_EMIT lookBackRequested(m_models->stats().journalDir); });
    m_lookBackWindowAction = connection->addAction(tr("Look back in a new &window\u2026"));
    m_lookBackWindowAction->setObjectName(QStringLiteral("action.lookBackWindow"));
    m_lookBackWindowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    m_lookBackWindowAction->setToolTip(tr("Opens the journal of this live stream in a second window, with "
                                          "its timeline; this window stays live"));
    m_lookBackWindowAction->setEnabled(false);
    connect(m_lookBackWindowAction, &QAction::triggered, this,
            [this] { Q_EMIT lookBackWindowRequested(m_models->stats().journalDir); });

    buildPlaybackMenu();
}

void MainWindow::buildFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open log\u2026"));
    open->setObjectName(QStringLiteral("action.openLog"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this] {
        if (const QString path = chooseLogToOpen(this); !path.isEmpty())
            Q_EMIT openLogRequested(path);
    });
    file->addSeparator();
    m_recordAction = file->addAction(tr("&Record\u2026"));
    m_recordAction->setObjectName(QStringLiteral("action.record"));
    connect(m_recordAction, &QAction::triggered, this, [this] {
        if (const QString path = chooseRecordingPath(this); !path.isEmpty())
            Q_EMIT recordRequested(path);
    });
    m_stopRecordAction = file->addAction(tr("&Stop recording"));
    m_stopRecordAction->setObjectName(QStringLiteral("action.stopRecording"));
    connect(m_stopRecordAction, &QAction::triggered, this, &MainWindow::stopRecordingRequested);
    setRecordingActive(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("action.quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    addAction(quit); // Ctrl+Q works in kiosk mode too, with the menu bar out of sight
}

void MainWindow::buildPlaybackMenu()
{
    m_playbackMenu = menuBar()->addMenu(tr("&Playback"));
    struct Key
    {
        const char *name;
        const char *text;
        QKeySequence key;
        void (PlaybackBar::*run)();
    };
    const Key keys[] = {
        {"action.playPause", QT_TR_NOOP("&Play / pause"), QKeySequence(Qt::Key_Space),
         &PlaybackBar::togglePause},
        {"action.step", QT_TR_NOOP("&Step"), QKeySequence(Qt::Key_Right), &PlaybackBar::step},
        {"action.faster", QT_TR_NOOP("&Faster"), QKeySequence(Qt::Key_Plus), &PlaybackBar::faster},
        {"action.slower", QT_TR_NOOP("S&lower"), QKeySequence(Qt::Key_Minus), &PlaybackBar::slower},
    };
    for (const Key &key : keys) {
        QAction *action = m_playbackMenu->addAction(tr(key.text));
        action->setObjectName(QLatin1String(key.name));
        action->setShortcut(key.key);
        connect(action, &QAction::triggered, m_playbackBar, key.run);
        addAction(action); // the keys work in full screen too, with the menu bar out of sight
    }
    setPlaybackVisible(false);
}

void MainWindow::buildStatusBar()
{
    m_rateLabel = plainLabel(this, QStringLiteral("status.rate"));
    m_receivedLabel = plainLabel(this, QStringLiteral("status.received"));
    m_errorsLabel = plainLabel(this, QStringLiteral("status.errors"));
    m_lossLabel = plainLabel(this, QStringLiteral("status.loss"));
    m_recordLabel = plainLabel(this, QStringLiteral("status.recording"));
    m_skippedLabel = plainLabel(this, QStringLiteral("status.skipped"));
    m_journalLabel = plainLabel(this, QStringLiteral("status.journal"));
    for (QLabel *label : {m_rateLabel, m_receivedLabel, m_errorsLabel, m_lossLabel, m_recordLabel,
                          m_skippedLabel, m_journalLabel})
        statusBar()->addWidget(label);
    m_recordLabel->hide();
    m_skippedLabel->hide();
    m_journalLabel->hide();
    statusBar()->setSizeGripEnabled(false);
}

void MainWindow::setTheme(Theme::Mode mode)
{
    // Styling every widget again costs several milliseconds of startup, for nothing.
    if (m_themeApplied && mode == m_theme.mode)
        return;
    m_themeApplied = true;
    m_theme = Theme::forMode(mode);
    // The application's too, for the menus, tooltips and lists that open as windows of their own.
    QApplication::setPalette(m_theme.palette());
    setPalette(m_theme.palette());
    for (const TileBinding &binding : m_tiles)
        binding.tile->setTheme(m_theme);
    m_healthCards->setTheme(m_theme);
    m_metricsPage->setTheme(m_theme);
    m_staleBanner->setTheme(m_theme);
    if (m_takeover)
        m_takeover->setTheme(m_theme);
    m_badge->setTheme(m_theme);
    m_demoPill->setColor(m_theme.warning);
    m_feedPanel->setTheme(m_theme);
    m_alertPanel->setTheme(m_theme);
    m_alertsPage->setTheme(m_theme);
    m_overviewMap->setTheme(m_theme);
    m_mapPanel->setTheme(m_theme);
    m_playbackBar->setTheme(m_theme);
    for (QAction *action : m_themeActions->actions()) {
        const bool isLight = action->objectName() == QLatin1String("action.themeLight");
        action->setChecked(isLight == (mode == Theme::Mode::Light));
    }
    Q_EMIT themeChanged(m_theme);
}

void MainWindow::setTypeScale(double scale)
{
    // A wall's large type is the window's font, which every widget without a type of its own
    // inherits; the painted widgets scale with it (widgets/TypeScale). The desk keeps the
    // application's font. Labels with a type of their own take it again at the new scale.
    setFont(scale == 1.0 ? QFont() : TypeScale::windowFont(QApplication::font(), scale));
    for (QLabel *label : findChildren<QLabel *>())
        style()->polish(label);
    if (m_takeover)
        m_takeover->setTheme(m_theme);
}

void MainWindow::setPlaybackVisible(bool visible)
{
    m_playbackBar->setVisible(visible);
    m_playbackMenu->menuAction()->setVisible(visible);
    // Without a replay the keys are off, so Space and the arrows stay with the widgets.
    for (QAction *action : m_playbackMenu->actions())
        action->setEnabled(visible);
}

void MainWindow::setRecordingActive(bool active)
{
    m_recordAction->setEnabled(!active);
    m_stopRecordAction->setEnabled(active);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_WindowPropagation); // a wall's type
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedLogFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedLogFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT openLogRequested(path);
}

void MainWindow::setDemoMode(bool demo)
{
    m_demo = demo;
    m_demoPill->setVisible(demo);
    setWindowTitle(demo ? tr("Vantage \u2014 demo") : tr("Vantage"));
    Q_EMIT sourceChanged();
}

void MainWindow::setSourceLabel(const QString &label)
{
    m_source->setText(label);
    m_source->setToolTip(Qt::convertFromPlainText(label));
    m_source->setVisible(!label.isEmpty());
    Q_EMIT sourceChanged();
}

QString MainWindow::sourceLabel() const
{
    return m_source->text();
}

void MainWindow::setRevenueCurrency(const QString &currencyCode)
{
    m_currencyFixed = true;
    if (CounterTile *revenue = tile(QStringLiteral("revenue")))
        revenue->setCurrency(currencyCode);
}

CounterTile *MainWindow::tile(const QString &key) const
{
    const auto it =
        std::find_if(m_tiles.begin(), m_tiles.end(), [&](const TileBinding &b) { return b.key == key; });
    return it == m_tiles.end() ? nullptr : it->tile;
}

MetricCard *MainWindow::card(const QString &gaugeName) const
{
    return m_healthCards->card(gaugeName);
}

QString MainWindow::statusText() const
{
    QStringList parts{m_rateLabel->text(), m_receivedLabel->text(), m_errorsLabel->text(),
                      m_lossLabel->text()};
    for (const QLabel *label : {m_recordLabel, m_skippedLabel, m_journalLabel}) {
        if (!label->isHidden())
            parts << label->text();
    }
    return parts.join(QStringLiteral(" | "));
}

void MainWindow::followPaymentCurrency(int firstRow, int lastRow)
{
    if (m_currencyFixed)
        return;
    const ActivityFeedModel *feed = m_models->feed();
    // Row 0 is the newest, so the first payment found in the inserted range is the newest.
    for (int row = firstRow; row <= lastRow; ++row) {
        const LiveEvent &event = feed->itemAt(row).event;
        if (event.type == QLatin1String("payment") && !event.currency.isEmpty()) {
            if (CounterTile *revenue = tile(QStringLiteral("revenue")))
                revenue->setCurrency(event.currency);
            return;
        }
    }
}

void MainWindow::refresh()
{
    refreshTiles();
    m_healthCards->refresh(m_models->series());
    refreshStatusBar();
    m_feedPanel->refresh();
    refreshAlerts();
    // Fifteen minutes of seven series is copied per refresh: only for the page on show
    // (after the alerts, which may have just handed the screen back from a takeover).
    if (m_pages->currentWidget() == m_metricsPage)
        m_metricsCards->refresh(m_models->series());
    tick();
}

void MainWindow::refreshTiles()
{
    const TodayCounters *counters = m_models->counters();
    for (const TileBinding &binding : m_tiles) {
        const Counter counter = counterForKey(binding.key);
        binding.tile->setValue(counters->value(counter));
        binding.tile->setTrendPercent(counters->trendPercent(counter));
    }
    m_tileHistoriesDue = true;
    if (CounterTile *signups = tile(QStringLiteral("signups"))) {
        signups->setSubtitle(tr("%1 supplier \u00b7 %2 couple")
                                 .arg(ValueFormat::count(counters->value(Counter::SupplierSignups)),
                                      ValueFormat::count(counters->value(Counter::CoupleSignups))));
    }
}

void MainWindow::refreshAll()
{
    refresh();
    refreshTileHistories();
    m_healthCards->refreshAll(m_models->series());
    if (m_pages->currentWidget() == m_metricsPage)
        m_metricsCards->refreshAll(m_models->series());
}

void MainWindow::refreshTileHistories()
{
    const TodayCounters *counters = m_models->counters();
    for (const TileBinding &binding : m_tiles)
        binding.tile->setHistory(counters->lastHourPerMinute(counterForKey(binding.key)));
    m_tileHistoriesDue = false;
}

void MainWindow::refreshStatusBar()
{
    const FeedStats &stats = m_models->stats();
    m_rateLabel->setText(tr("%1 events/s").arg(ValueFormat::count(m_models->eventsPerSecond(), 1)));
    m_receivedLabel->setText(tr("%1 received").arg(ValueFormat::count(double(stats.messagesDecoded))));
    m_errorsLabel->setText(tr("%1 decode errors").arg(ValueFormat::count(double(stats.decodeErrors))));
    QStringList reasons;
    for (auto it = stats.errorsByReason.cbegin(); it != stats.errorsByReason.cend(); ++it)
        reasons << tr("%1: %2").arg(it.key(), ValueFormat::count(double(it.value())));
    reasons.sort();
    m_errorsLabel->setToolTip(reasons.isEmpty() ? QString()
                                                : Qt::convertFromPlainText(reasons.join(QLatin1Char('\n'))));
    m_lossLabel->setText(tr("%1 duplicates \u00b7 %2 gaps (%3 missed)")
                             .arg(ValueFormat::count(double(stats.duplicatesDropped)),
                                  ValueFormat::count(double(stats.gapsDetected)),
                                  ValueFormat::count(double(stats.messagesMissed))));
    refreshRecordLabel();
    refreshJournalLabel();
    refreshSkippedLines();
    const ReplayPlayback &playback = stats.replay.playback;
    m_playbackBar->setPosition(playback.logTimeMs, playback.line);
}

void MainWindow::refreshRecordLabel()
{
    const FeedStats &stats = m_models->stats();
    m_recordLabel->setVisible(!stats.recordPath.isEmpty());
    const QString recorded = ValueFormat::count(double(stats.framesRecorded));
    if (!stats.recordError.isEmpty())
        m_recordLabel->setText(stats.recordError);
    else
        m_recordLabel->setText(stats.recordStopped ? tr("Recorded: %1 frames").arg(recorded)
                                                   : tr("Recording: %1 frames").arg(recorded));
    m_recordLabel->setToolTip(stats.recordPath.isEmpty() ? QString()
                                                         : Qt::convertFromPlainText(stats.recordPath));
}

void MainWindow::refreshJournalLabel()
{
    const FeedStats &stats = m_models->stats();
    m_journalLabel->setVisible(!stats.journalDir.isEmpty());
    m_lookBackAction->setEnabled(!stats.journalDir.isEmpty());
    m_lookBackWindowAction->setEnabled(!stats.journalDir.isEmpty());
    m_journalLabel->setText(
        stats.journalError.isEmpty()
            ? tr("Journal: %1 frames").arg(ValueFormat::count(double(stats.framesJournaled)))
            : stats.journalError);
    m_journalLabel->setToolTip(
        stats.journalDir.isEmpty()
            ? QString()
            : Qt::convertFromPlainText(tr("The live stream is kept on disk in %1").arg(stats.journalDir)));
}

void MainWindow::refreshSkippedLines()
{
    const ReplayStats &replay = m_models->stats().replay;
    m_skippedLabel->setVisible(replay.skippedLines > 0);
    if (replay.skippedLines == 0)
        return;
    const QString count = ValueFormat::count(double(replay.skippedLines));
    m_skippedLabel->setText(replay.skippedLines == 1 ? tr("1 line skipped")
                                                     : tr("%1 lines skipped").arg(count));
    QStringList messages;
    for (const ReplaySkippedLine &skipped : replay.skippedExamples)
        messages << skipped.message;
    if (replay.skippedLines > quint64(replay.skippedExamples.size()))
        messages << tr("... and %1 more")
                        .arg(ValueFormat::count(double(replay.skippedLines) -
                                                double(replay.skippedExamples.size())));
    // File names and lines are untrusted text: shown as plain text, never as rich text.
    m_skippedLabel->setToolTip(Qt::convertFromPlainText(messages.join(QLatin1Char('\n'))));
}

void MainWindow::tick()
{
    // One clock for the whole window, the models' own, so ages and the clock agree.
    const qint64 now = m_models->nowMs();
    const qint64 dataAge = m_models->dataAgeMs();
    m_badge->setStatus(m_models->connectionStatus(), now, dataAge);
    m_clock->setText(QDateTime::fromMSecsSinceEpoch(now).toString(QStringLiteral("HH:mm:ss")));
    m_staleBanner->setStatus(m_models->connectionStatus(), now, dataAge);
    const qint64 staleAge = dataAge > ConnectionBadgeText::staleAfterMs ? dataAge : -1;
    for (const TileBinding &binding : m_tiles)
        binding.tile->setStaleAge(staleAge);
    m_healthCards->setStaleAge(staleAge);
    m_metricsCards->setStaleAge(staleAge);
    m_alertPanel->tick();
    m_alertsPage->tick();
    if (takeoverShown())
        refreshTakeover(); // its age
    m_overviewMap->tick();
    m_mapPanel->tick();
}

} // namespace vantage
