#pragma once

#include "models/NotificationRequest.h"

#include <QDBusConnection>
#include <QObject>
#include <QStringList>

#include <deque>
#include <utility>
#include <vector>

class QSystemTrayIcon;

namespace vantage {

// Desktop notifications through org.freedesktop.Notifications (docs/notifications.md), with
// "Acknowledge" and "Silence 1 h" on alerts when the service supports actions. Without a
// service it falls back to the system tray's balloon (no actions), and without a tray it says
// so in statusText(). Every D-Bus call is asynchronous: the GUI thread never waits on it.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Probing,     // asked the service for its capabilities; requests wait for the answer
        Service,     // org.freedesktop.Notifications answered
        Tray,        // no service: the tray's balloon, without actions
        Unavailable, // neither
    };

    static constexpr qint64 silenceForMs = 3'600'000; // 1 h

    // On no bus yet: requests wait, as while probing, until connectTo().
    explicit DesktopNotifier(QObject *parent = nullptr);
    // On `bus` (tests pass a private one): the same as connectTo(bus) at once.
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    // Once. Probes the service on `bus`; a bus that is not connected goes straight to the fallback.
    void connectTo(const QDBusConnection &bus);

    void notify(const NotificationRequest &request);

    Status status() const { return m_status; }
    // "Desktop notifications: on", "... unavailable: no system tray", for the status bar.
    QString statusText() const;
    const QStringList &capabilities() const { return m_capabilities; }
    // Notifications sent for alerts and not yet closed: their actions still act.
    int openCount() const { return int(m_open.size()); }

Q_SIGNALS:
    void acknowledgeRequested(const QString &alertId);
    void silenceRequested(const QString &alertId, qint64 forMs);
    void statusChanged();

private Q_SLOTS:
    // Slots, not lambdas: QDBusConnection::connect only takes a receiver and a slot signature.
    void onActionInvoked(uint notificationId, const QString &actionKey);
    void onNotificationClosed(uint notificationId, uint reason);

private:
    void probe();
    void fallBack(const QString &reason);
    void send(const NotificationRequest &request);
    void showInTray(const NotificationRequest &request);
    void deliver(const NotificationRequest &request);
    uint replacedId(const QString &alertId);

    QDBusConnection m_bus{QString()}; // not connected until connectTo()
    Status m_status = Status::Probing;
    QString m_reason; // why the service is not used
    QStringList m_capabilities;
    std::vector<NotificationRequest> m_waiting;  // while probing
    std::deque<std::pair<uint, QString>> m_open; // our open notifications and their alert ids
    QSystemTrayIcon *m_tray = nullptr;           // created on first use
};

} // namespace vantage
