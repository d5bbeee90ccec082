#pragma once

#include "feed/Clock.h"
#include "models/FeedItem.h"
#include "models/NotificationPolicy.h"
#include "widgets/Theme.h"

#include <QDBusConnection>
#include <QObject>

#include <vector>

class QWidget;

namespace vantage {

class AlertSounds;
class DesktopNotifier;
class ToastStack;

// The window's notifications (docs/notifications.md): turns applied events and newly raised
// alerts into requests, lets the policy decide, and shows the shown ones as toasts over the
// window, desktop notifications and tones. "Silence 1 h" on a desktop notification silences
// that alert here as well as being passed on.
class NotificationCenter final : public QObject
{
    Q_OBJECT
public:
    // Toasts over `window`'s bottom-right corner; desktop notifications on the session bus,
    // joined after the window's first frame, or at the first desktop notification if sooner. A
    // window never shown (a wall's) that sends none never joins it.
    explicit NotificationCenter(QWidget *window, NowFn now = systemNowMs);
    // The same with desktop notifications on `bus` (tests pass a private or an unconnected one).
    NotificationCenter(QWidget *window, NowFn now, const QDBusConnection &bus);

    // Called once per applied batch.
    void onEvents(const std::vector<FeedItem> &items);
    void onAlertsRaised(const std::vector<AlertInfo> &alerts);

    // Holds back every notification of the alert for forMs from now (0 lifts it): the alert
    // panel's Silence.
    void silence(const QString &alertId, qint64 forMs);
    void setDoNotDisturb(bool on);
    bool doNotDisturb() const { return m_policy.settings().doNotDisturb; }
    void setMuted(bool muted);
    bool muted() const { return m_policy.settings().muted; }
    void setSettings(const NotificationPolicy::Settings &settings);
    const NotificationPolicy::Settings &settings() const { return m_policy.settings(); }
    const NotificationPolicy::Counts &counts() const { return m_policy.counts(); }

    void setTheme(const Theme &theme);
    // "Do not disturb · Sounds muted · Desktop notifications: on", for the status bar.
    QString statusText() const;

    ToastStack *toasts() const { return m_toasts; }
    DesktopNotifier *desktop() const { return m_desktop; }

Q_SIGNALS:
    void acknowledgeRequested(const QString &alertId);
    void silenceRequested(const QString &alertId, qint64 forMs);
    // Do-not-disturb, mute, settings, counts or the desktop status changed.
    void stateChanged();

private:
    NotificationCenter(QWidget *window, NowFn now, DesktopNotifier *desktop);
    void joinSessionBus();
    void handle(const std::vector<NotificationRequest> &requests);

    NowFn m_now;
    NotificationPolicy m_policy;
    ToastStack *m_toasts;
    DesktopNotifier *m_desktop;
    AlertSounds *m_sounds;
    bool m_joinSessionBus = false; // the session bus is still to be joined
};

} // namespace vantage
