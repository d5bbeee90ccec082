#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QSettings;

namespace vantage {

class DashboardModels;
class FeedSession;
class MainWindow;

// What operators do about alerts, from the alert panel or a notification: acknowledge (in this
// window at once, and shared through the server when the stream takes it: docs/protocol.md,
// "alert_ack") and silence. The operator's name is remembered in the settings, never a secret.
class AlertActions final : public QObject
{
    Q_OBJECT
public:
    // The session acknowledgements are sent on: the live one, also while looking back.
    using SessionFn = std::function<FeedSession *()>;

    AlertActions(DashboardModels *models, MainWindow *window, QSettings *settings, SessionFn session,
                 QObject *parent = nullptr);

    // Asks for the name and a comment, then acknowledges (the dialog is not modal to the feed).
    void requestAcknowledge(const QString &alertId);
    // Acknowledges an open alert now, at the dashboard's shown time. False when it is not open.
    bool acknowledge(const QString &alertId, const QString &by, const QString &comment);
    // Silences an open alert for forMs from the dashboard's shown time; 0 lifts it.
    bool silence(const QString &alertId, qint64 forMs);

    // The name the acknowledge dialog offers: the last one used, else the login name, else "operator".
    QString operatorName() const;
    // The latest outcome, as the status bar showed it.
    QString lastOutcome() const { return m_lastOutcome; }

Q_SIGNALS:
    void outcome(const QString &text);

private:
    void report(const QString &text);
    void onAckSent(const QString &alertId, bool sent);

    DashboardModels *m_models;
    MainWindow *m_window;
    QSettings *m_settings;
    SessionFn m_session;
    FeedSession *m_connected = nullptr; // the session whose ackSent is connected
    QString m_lastOutcome;
};

} // namespace vantage
