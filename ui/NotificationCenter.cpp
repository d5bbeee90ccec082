#include "ui/NotificationCenter.h"

#include "ui/AlertSounds.h"
#include "ui/DesktopNotifier.h"
#include "widgets/AfterFirstPaint.h"
#include "widgets/ToastStack.h"
#include "widgets/ValueFormat.h"

#include <QStringList>
#include <QWidget>

#include <utility>

namespace vantage {

NotificationCenter::NotificationCenter(QWidget *window, NowFn now)
    : NotificationCenter(window, std::move(now), new DesktopNotifier)
{
    // Joining the session bus waits on the bus's answer, 1 to 4 ms (docs/performance.md,
    // "Startup"), which the first frame does not need to wait for.
    m_joinSessionBus = true;
    afterFirstPaint(window, this, [this] { joinSessionBus(); });
}

NotificationCenter::NotificationCenter(QWidget *window, NowFn now, const QDBusConnection &bus)
    : NotificationCenter(window, std::move(now), new DesktopNotifier(bus))
{}

NotificationCenter::NotificationCenter(QWidget *window, NowFn now, DesktopNotifier *desktop)
    : QObject(window)
    , m_now(std::move(now))
    , m_toasts(new ToastStack(window, m_now))
    , m_desktop(desktop)
    , m_sounds(new AlertSounds(this))
{
    m_desktop->setParent(this);
    connect(m_desktop, &DesktopNotifier::acknowledgeRequested, this,
            &NotificationCenter::acknowledgeRequested);
    connect(m_desktop, &DesktopNotifier::silenceRequested, this,
            [this](const QString &alertId, qint64 forMs) {
                m_policy.silence(alertId, m_now() + forMs);
                Q_EMIT silenceRequested(alertId, forMs);
            });
    connect(m_desktop, &DesktopNotifier::statusChanged, this, &NotificationCenter::stateChanged);
}

void NotificationCenter::onEvents(const std::vector<FeedItem> &items)
{
    handle(m_policy.requestsFor(items, ValueFormat::currency));
}

void NotificationCenter::onAlertsRaised(const std::vector<AlertInfo> &alerts)
{
    handle(NotificationPolicy::requestsFor(alerts, m_now()));
}

void NotificationCenter::silence(const QString &alertId, qint64 forMs)
{
    m_policy.silence(alertId, forMs > 0 ? m_now() + forMs : 0);
}

void NotificationCenter::setDoNotDisturb(bool on)
{
    NotificationPolicy::Settings settings = m_policy.settings();
    settings.doNotDisturb = on;
    setSettings(settings);
}

void NotificationCenter::setMuted(bool muted)
{
    NotificationPolicy::Settings settings = m_policy.settings();
    settings.muted = muted;
    setSettings(settings);
}

void NotificationCenter::setSettings(const NotificationPolicy::Settings &settings)
{
    if (settings == m_policy.settings())
        return;
    m_policy.setSettings(settings);
    Q_EMIT stateChanged();
}

void NotificationCenter::setTheme(const Theme &theme)
{
    m_toasts->setTheme(theme);
}

QString NotificationCenter::statusText() const
{
    QStringList parts;
    if (doNotDisturb())
        parts << tr("Do not disturb");
    if (muted())
        parts << tr("Sounds muted");
    parts << m_desktop->statusText();
    return parts.join(QStringLiteral(" \u00b7 "));
}

void NotificationCenter::joinSessionBus()
{
    if (std::exchange(m_joinSessionBus, false))
        m_desktop->connectTo(QDBusConnection::sessionBus());
}

void NotificationCenter::handle(const std::vector<NotificationRequest> &requests)
{
    if (requests.empty())
        return;
    const qint64 now = m_now();
    for (const NotificationRequest &request : requests) {
        const NotificationPolicy::Decision decision = m_policy.decide(request, now);
        if (decision.channels.toast)
            m_toasts->push(request);
        if (decision.channels.desktop) {
            joinSessionBus();
            m_desktop->notify(request);
        }
        if (decision.channels.sound)
            m_sounds->play(request.severity);
    }
    Q_EMIT stateChanged();
}

} // namespace vantage
