#pragma once

#include "models/AlertRule.h"

#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QSettings;

namespace vantage {

class AlertActions;
class DashboardModels;
class MainWindow;
class NotificationCenter;
class SessionController;

// The window's Alerts menu and what hangs off it: the client-side rules (loaded from and saved to
// the settings, edited and backtested in AlertRulesDialog), the load forecast, and notifications
// (do not disturb, mute with Ctrl+M; both remembered). Notifications come from the dashboard's
// newly raised alerts and added events while it shows a live stream or the demo, not a replay.
class AlertTools final : public QObject
{
    Q_OBJECT
public:
    AlertTools(DashboardModels *models, MainWindow *window, SessionController *sessions, QSettings *settings,
               AlertActions *actions, NotificationCenter *notifications, QObject *parent = nullptr);
    ~AlertTools() override;

    QAction *rulesAction() const { return m_rules; }
    QAction *doNotDisturbAction() const { return m_doNotDisturb; }
    QAction *muteAction() const { return m_mute; }
    // Why the saved rules could not be used (the defaults apply then); empty when they could.
    QString rulesError() const { return m_rulesError; }

    // Opens the rules dialog on the rules in force, with the replayed log (if any) for the backtest.
    void openRules();
    // Opens the forecast from the journal of the live stream or the replayed log.
    void openForecast();

private:
    void applyRules(const std::vector<AlertRule> &rules);
    bool notifying() const;
    void refreshStatus();

    DashboardModels *m_models;
    MainWindow *m_window;
    SessionController *m_sessions;
    QSettings *m_settings;
    NotificationCenter *m_notifications;
    QAction *m_rules;
    QAction *m_forecast;
    QAction *m_doNotDisturb;
    QAction *m_mute;
    QPointer<QAction> m_separator; // the menu's; may go first
    QPointer<QLabel> m_status; // in the window's status bar, which may go first

    QString m_rulesError;
};

} // namespace vantage
