#include "app/AlertTools.h"

#include "app/AlertActions.h"
#include "app/AlertRuleSettings.h"
#include "app/LiveInBackground.h"
#include "app/LoadHistoryJob.h"
#include "app/SessionController.h"
#include "models/DashboardModels.h"
#include "models/LoadForecast.h"
#include "ui/AlertPanel.h"
#include "ui/AlertRulesDialog.h"
#include "ui/ForecastDialog.h"
#include "ui/MainWindow.h"
#include "ui/NotificationCenter.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>

namespace vantage {

namespace {
const QString kDoNotDisturbKey = QStringLiteral("notifications/doNotDisturb");
const QString kMutedKey = QStringLiteral("notifications/muted");
} // namespace

AlertTools::AlertTools(DashboardModels *models, MainWindow *window, SessionController *sessions,
                       QSettings *settings, AlertActions *actions, NotificationCenter *notifications, QObject *parent)
    : QObject(parent)
    , m_models(models)
    , m_window(window)
    , m_sessions(sessions)
    , m_settings(settings)
    , m_notifications(notifications)
    , m_status(new QLabel)
{
    // The actions are this object's: they leave the menu with it.
    const auto addAction = [this, menu = window->alertsMenu()](const QString &text, const char *name) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        menu->addAction(action);
        return action;
    };
    m_rules = addAction(tr("&Rules and backtest\u2026"), "action.alertRules");
    connect(m_rules, &QAction::triggered, this, &AlertTools::openRules);
    m_forecast = addAction(tr("Load &forecast\u2026"), "action.forecast");
    connect(m_forecast, &QAction::triggered, this, &AlertTools::openForecast);
    m_separator = window->alertsMenu()->addSeparator();
    m_doNotDisturb = addAction(tr("&Do not disturb"), "action.doNotDisturb");
    m_doNotDisturb->setCheckable(true);
    m_doNotDisturb->setToolTip(tr("Only critical alerts, as silent toasts"));
    m_mute = addAction(tr("&Mute sounds"), "action.mute");
    m_mute->setCheckable(true);
    m_mute->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));

    m_status->setObjectName(QStringLiteral("status.notifications"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setProperty("muted", true);
    window->statusBar()->addPermanentWidget(m_status);

    m_doNotDisturb->setChecked(settings->value(kDoNotDisturbKey, false).toBool());
    m_mute->setChecked(settings->value(kMutedKey, false).toBool());
    notifications->setDoNotDisturb(m_doNotDisturb->isChecked());
    notifications->setMuted(m_mute->isChecked());
    connect(m_doNotDisturb, &QAction::toggled, this, [this](bool on) {
        m_settings->setValue(kDoNotDisturbKey, on);
        m_notifications->setDoNotDisturb(on);
    });
    connect(m_mute, &QAction::toggled, this, [this](bool on) {
        m_settings->setValue(kMutedKey, on);
        m_notifications->setMuted(on);
    });
    connect(notifications, &NotificationCenter::stateChanged, this, &AlertTools::refreshStatus);
    notifications->setTheme(window->theme());
    connect(window, &MainWindow::themeChanged, notifications, &NotificationCenter::setTheme);

    connect(models, &DashboardModels::alertsRaised, this, [this](const std::vector<AlertInfo> &alerts) {
        if (notifying())
            m_notifications->onAlertsRaised(alerts);
    });
    connect(models, &DashboardModels::eventsAdded, this, [this](const std::vector<FeedItem> &events) {
        if (notifying())
            m_notifications->onEvents(events);
    });
    // While the window looks back in the journal, the live stream goes on underneath: its news
    // is still news.
    connect(sessions, &SessionController::liveInBackground, this, [this](LiveInBackground *live) {
        if (m_window->kioskMode())
            return;
        connect(live, &LiveInBackground::alertsRaised, m_notifications, &NotificationCenter::onAlertsRaised);
        connect(live, &LiveInBackground::eventsAdded, m_notifications, &NotificationCenter::onEvents);
    });
    connect(notifications, &NotificationCenter::acknowledgeRequested, actions,
            [actions](const QString &alertId) { actions->acknowledge(alertId, actions->operatorName(), QString()); });
    connect(notifications, &NotificationCenter::silenceRequested, actions, &AlertActions::silence);
    for (AlertPanel *panel : {window->alertPanel(), window->alertsPage()})
        connect(panel, &AlertPanel::silenceRequested, notifications, &NotificationCenter::silence);
    // A wall tells of alerts on its pages and by the critical takeover, to whoever is in the room.
    m_status->setVisible(!window->kioskMode());

    applyRules(loadAlertRules(*settings, &m_rulesError));
    refreshStatus();
}

AlertTools::~AlertTools()
{
    delete m_status;
    delete m_separator;
}

void AlertTools::applyRules(const std::vector<AlertRule> &rules)
{
    m_sessions->setAlertRules(rules);
}

bool AlertTools::notifying() const
{
    // A replay shows the past: its alerts and payments are not news. A wall has no one at its
    // desktop to read a toast or a desktop notification.
    if (m_window->kioskMode())
        return false;
    return m_window->demoMode() || m_models->connectionStatus().transport != QLatin1String("replay");
}

void AlertTools::refreshStatus()
{
    m_status->setText(m_notifications->statusText());
}

void AlertTools::openRules()
{
    auto *dialog = new AlertRulesDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTheme(m_window->theme());
    dialog->setRules(m_models->alertRules());
    dialog->setLogPath(m_models->stats().replay.file);
    connect(dialog, &AlertRulesDialog::rulesSaved, this, [this](const std::vector<AlertRule> &rules) {
        saveAlertRules(*m_settings, rules);
        applyRules(rules);
    });
    dialog->open();
}

void AlertTools::openForecast()
{
    const QString replayed = m_models->stats().replay.file;
    const QString source = replayed.isEmpty() ? m_models->stats().journalDir : replayed;
    auto *dialog = new ForecastDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTheme(m_window->theme());
    dialog->show();
    if (source.isEmpty()) {
        dialog->setError(tr("No history to forecast from: open a recorded log, or follow a live stream with its "
                            "journal on (--journal-hours)."));
        return;
    }
    // Refresh reads the history again, up to the moment the dashboard shows then.
    const auto load = [this, dialog, source] {
        dialog->setLoading(source);
        auto *job = new LoadHistoryJob(source, dialog);
        const qint64 now = m_models->shownNowMs();
        connect(job, &LoadHistoryJob::progress, dialog, &ForecastDialog::setProgress);
        connect(job, &LoadHistoryJob::failed, dialog, [dialog, job](const QString &error) {
            dialog->setError(error);
            job->deleteLater();
        });
        connect(job, &LoadHistoryJob::finished, dialog, [dialog, job, now](const HourlyLoad &history) {
            dialog->setForecast(LoadForecast::compute(history, now));
            job->deleteLater();
        });
        job->start();
    };
    connect(dialog, &ForecastDialog::refreshRequested, this, load);
    load();
}

} // namespace vantage
