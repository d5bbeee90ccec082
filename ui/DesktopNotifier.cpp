#include "ui/DesktopNotifier.h"

#include <QApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QStyle>
#include <QSystemTrayIcon>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;
const QString kInterface = u"org.freedesktop.Notifications"_s;
const QString kAcknowledgeAction = u"acknowledge"_s;
const QString kSilenceAction = u"silence"_s;

// A service that never answers must not hold notifications back for D-Bus's default 25 s.
constexpr int kCallTimeoutMs = 5'000;
// Notifications whose closing we never heard of are forgotten beyond this many.
constexpr size_t kMaxOpen = 32;
constexpr int kTrayMessageMs = 10'000;

// Icon names from the freedesktop icon naming specification.
QString iconName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return u"dialog-information"_s;
    case Severity::Warning: return u"dialog-warning"_s;
    case Severity::Error:
    case Severity::Critical: return u"dialog-error"_s;
    }
    return {};
}

// The specification's urgency levels: 0 low, 1 normal, 2 critical (stays until dismissed).
uchar urgency(Severity severity)
{
    return severity == Severity::Critical ? 2 : 1;
}

QSystemTrayIcon::MessageIcon trayIcon(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QSystemTrayIcon::Information;
    case Severity::Warning: return QSystemTrayIcon::Warning;
    case Severity::Error:
    case Severity::Critical: return QSystemTrayIcon::Critical;
    }
    return QSystemTrayIcon::Information;
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
{
    connectTo(bus);
}

void DesktopNotifier::connectTo(const QDBusConnection &bus)
{
    m_bus = bus;
    if (!m_bus.isConnected()) {
        fallBack(tr("no session bus"));
        return;
    }
    // Any sender: naming the service would make Qt look its owner up with a blocking call.
    // Our own notification ids are what the handlers go by.
    m_bus.connect(QString(), kPath, kInterface, u"ActionInvoked"_s, this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(QString(), kPath, kInterface, u"NotificationClosed"_s, this,
                  SLOT(onNotificationClosed(uint, uint)));
    probe();
}

void DesktopNotifier::notify(const NotificationRequest &request)
{
    if (m_status == Status::Probing)
        m_waiting.push_back(request);
    else
        deliver(request);
}

QString DesktopNotifier::statusText() const
{
    switch (m_status) {
    case Status::Probing: return tr("Desktop notifications: connecting");
    case Status::Service: return tr("Desktop notifications: on");
    case Status::Tray: return tr("Desktop notifications: system tray, without actions; %1").arg(m_reason);
    case Status::Unavailable: return tr("Desktop notifications unavailable: %1").arg(m_reason);
    }
    return {};
}

void DesktopNotifier::onActionInvoked(uint notificationId, const QString &actionKey)
{
    const auto it = std::find_if(m_open.begin(), m_open.end(),
                                 [notificationId](const auto &open) { return open.first == notificationId; });
    if (it == m_open.end())
        return;
    if (actionKey == kAcknowledgeAction)
        Q_EMIT acknowledgeRequested(it->second);
    else if (actionKey == kSilenceAction)
        Q_EMIT silenceRequested(it->second, silenceForMs);
}

void DesktopNotifier::onNotificationClosed(uint notificationId, uint reason)
{
    Q_UNUSED(reason)
    std::erase_if(m_open, [notificationId](const auto &open) { return open.first == notificationId; });
}

void DesktopNotifier::probe()
{
    const QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, u"GetCapabilities"_s);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        const QDBusPendingReply<QStringList> reply = *finished;
        if (reply.isError()) {
            fallBack(tr("no notification service: %1").arg(reply.error().name()));
        } else {
            m_capabilities = reply.value();
            m_status = Status::Service;
            Q_EMIT statusChanged();
        }
        const std::vector<NotificationRequest> waiting = std::exchange(m_waiting, {});
        for (const NotificationRequest &request : waiting)
            deliver(request);
    });
}

void DesktopNotifier::fallBack(const QString &reason)
{
    m_reason = reason;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_status = Status::Tray;
    } else {
        m_status = Status::Unavailable;
        m_reason += tr("; no system tray");
    }
    Q_EMIT statusChanged();
}

void DesktopNotifier::deliver(const NotificationRequest &request)
{
    switch (m_status) {
    case Status::Service: send(request); break;
    case Status::Tray: showInTray(request); break;
    case Status::Probing:
    case Status::Unavailable: break;
    }
}

void DesktopNotifier::send(const NotificationRequest &request)
{
    QStringList actions;
    if (!request.alertId.isEmpty() && m_capabilities.contains(u"actions"_s))
        actions = {kAcknowledgeAction, tr("Acknowledge"), kSilenceAction, tr("Silence 1 h")};
    QVariantMap hints;
    hints.insert(u"urgency"_s, QVariant::fromValue(urgency(request.severity)));
    hints.insert(u"desktop-entry"_s, u"vantage"_s);
    // Where the service reads the body as markup, untrusted text must not become markup.
    const QString body =
        m_capabilities.contains(u"body-markup"_s) ? request.body.toHtmlEscaped() : request.body;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"Notify"_s);
    call << QApplication::applicationDisplayName() << replacedId(request.alertId)
         << iconName(request.severity) << request.title << body << actions << hints << -1;

    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, request](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    // The service went away: later requests take the fallback, and so does this one.
                    fallBack(tr("the notification service failed: %1").arg(reply.error().name()));
                    deliver(request);
                    return;
                }
                if (request.alertId.isEmpty())
                    return;
                m_open.emplace_back(reply.value(), request.alertId);
                if (m_open.size() > kMaxOpen)
                    m_open.pop_front();
            });
}

void DesktopNotifier::showInTray(const NotificationRequest &request)
{
    if (!m_tray) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        m_tray->show();
    }
    m_tray->showMessage(request.title, request.body, trayIcon(request.severity), kTrayMessageMs);
}

// A notification still open for the same alert is replaced rather than stacked beside it.
uint DesktopNotifier::replacedId(const QString &alertId)
{
    if (alertId.isEmpty())
        return 0;
    const auto it = std::find_if(m_open.begin(), m_open.end(),
                                 [&alertId](const auto &open) { return open.second == alertId; });
    if (it == m_open.end())
        return 0;
    const uint id = it->first;
    m_open.erase(it);
    return id;
}

} // namespace vantage
