#include "ui/DesktopNotifier.h"
#include "ui/NotificationCenter.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <gtest/gtest.h>

// Desktop notifications over a real private D-Bus bus: the test plays the notification
// service (org.freedesktop.Notifications) on it, checks the Notify calls it receives, and
// sends back the ActionInvoked and NotificationClosed signals a desktop would send.

using vantage::DesktopNotifier;
using vantage::NotificationRequest;
using vantage::Severity;
using Status = DesktopNotifier::Status;

namespace {

constexpr int kWaitMs = 10'000;
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

// A bus of its own, with no service activation, so no real notification daemon can answer.
class PrivateBus
{
public:
    PrivateBus() { m_error = start(); }
    ~PrivateBus()
    {
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            if (!m_daemon.waitForFinished(kWaitMs))
                m_daemon.kill();
        }
    }
    PrivateBus(const PrivateBus &) = delete;
    PrivateBus &operator=(const PrivateBus &) = delete;

    const QString &error() const { return m_error; }
    const QString &address() const { return m_address; }

private:
    QString start()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        QFile config(m_dir.filePath(QStringLiteral("bus.conf")));
        if (!config.open(QIODevice::WriteOnly))
            return config.errorString();
        config.write(QStringLiteral(
                         "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
                         " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">"
                         "<busconfig><type>session</type><listen>unix:dir=%1</listen><auth>EXTERNAL</auth>"
                         "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                         "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>")
                         .arg(m_dir.path())
                         .toUtf8());
        config.close();
        // The daemon prints its address on the first line once it listens.
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                        QStringLiteral("--nopidfile"), QStringLiteral("--print-address=1")});
        if (!m_daemon.waitForStarted(kWaitMs))
            return QStringLiteral("dbus-daemon did not start: ") + m_daemon.errorString();
        while (!m_daemon.canReadLine()) {
            if (!m_daemon.waitForReadyRead(kWaitMs))
                return QStringLiteral("dbus-daemon printed no address");
        }
        m_address = QString::fromUtf8(m_daemon.readLine().trimmed());
        return {};
    }

    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    QString m_error;
};

struct NotifyCall
{
    uint id = 0; // the service's answer
    QString appName;
    uint replacesId = 0;
    QString icon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int expireTimeout = 0;
};

// The test's side of org.freedesktop.Notifications: records each Notify and answers with a new id.
class FakeNotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    explicit FakeNotificationService(QStringList capabilities)
        : m_capabilities(std::move(capabilities))
    {}

    std::vector<NotifyCall> calls;

    int capabilityQueries = 0;

public Q_SLOTS:
    QStringList GetCapabilities()
    {
        ++capabilityQueries;
        return m_capabilities;
    }
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        const uint id = replacesId != 0 ? replacesId : ++m_lastId;
        calls.push_back({id, appName, replacesId, icon, summary, body, actions, hints, expireTimeout});
        return id;
    }

private:
    QStringList m_capabilities;
    uint m_lastId = 100;
};

NotificationRequest criticalAlert(const char *alertId)
{
    NotificationRequest request;
    request.kind = NotificationRequest::Kind::Alert;
    request.key = QStringLiteral("alert:") + QLatin1String(alertId) + QStringLiteral(":critical");
    request.severity = Severity::Critical;
    request.title = QStringLiteral("Critical alert");
    request.body = QStringLiteral("Payments failing <for> 5 min & counting");
    request.alertId = QLatin1String(alertId);
    return request;
}

class DesktopNotifierTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty())
            GTEST_SKIP() << "dbus-daemon is not installed";
        m_bus = std::make_unique<PrivateBus>();
        ASSERT_TRUE(m_bus->error().isEmpty()) << m_bus->error().toStdString();
    }

    void TearDown() override
    {
        m_notifier.reset();
        QDBusConnection::disconnectFromBus(QStringLiteral("notifier"));
        QDBusConnection::disconnectFromBus(QStringLiteral("desktop"));
    }

    // Puts the service on the bus, as a desktop would.
    void startService(const QStringList &capabilities)
    {
        m_service = std::make_unique<FakeNotificationService>(capabilities);
        QDBusConnection desktop = QDBusConnection::connectToBus(m_bus->address(), QStringLiteral("desktop"));
        ASSERT_TRUE(desktop.isConnected()) << desktop.lastError().message().toStdString();
        ASSERT_TRUE(desktop.registerService(kService));
        ASSERT_TRUE(desktop.registerObject(kPath, m_service.get(), QDBusConnection::ExportAllSlots));
    }

    void startNotifier()
    {
        const QDBusConnection bus =
            QDBusConnection::connectToBus(m_bus->address(), QStringLiteral("notifier"));
        ASSERT_TRUE(bus.isConnected());
        m_notifier = std::make_unique<DesktopNotifier>(bus);
    }

    // Notifies about a new alert and waits until the notifier knows the id the service gave it.
    uint notified(const NotificationRequest &request)
    {
        const size_t calls = m_service->calls.size();
        const int open = m_notifier->openCount();
        m_notifier->notify(request);
        if (!QTest::qWaitFor(
                [&] { return m_service->calls.size() > calls && m_notifier->openCount() > open; }, kWaitMs))
            return 0;
        return m_service->calls.back().id;
    }

    void sendSignal(const QString &name, const QVariantList &arguments)
    {
        QDBusMessage signal = QDBusMessage::createSignal(kPath, kService, name);
        signal.setArguments(arguments);
        ASSERT_TRUE(QDBusConnection(QStringLiteral("desktop")).send(signal));
    }

    bool waitForStatus(Status status)
    {
        return QTest::qWaitFor([&] { return m_notifier->status() == status; }, kWaitMs);
    }

    std::unique_ptr<PrivateBus> m_bus;
    std::unique_ptr<FakeNotificationService> m_service;
    std::unique_ptr<DesktopNotifier> m_notifier;
};

} // namespace

TEST_F(DesktopNotifierTest, SendsNotifyWithTheAlertsActions)
{
    startService({QStringLiteral("actions"), QStringLiteral("body")});
    startNotifier();
    ASSERT_TRUE(waitForStatus(Status::Service));
    EXPECT_EQ(m_notifier->capabilities(), (QStringList{QStringLiteral("actions"), QStringLiteral("body")}));
    EXPECT_EQ(m_notifier->statusText(), QStringLiteral("Desktop notifications: on"));

    ASSERT_NE(notified(criticalAlert("a1")), 0u);
    ASSERT_EQ(m_service->calls.size(), 1u);
    const NotifyCall &call = m_service->calls[0];
    EXPECT_EQ(call.replacesId, 0u);
    EXPECT_EQ(call.icon, QStringLiteral("dialog-error"));
    EXPECT_EQ(call.summary, QStringLiteral("Critical alert"));
    EXPECT_EQ(call.body, QStringLiteral("Payments failing <for> 5 min & counting"));
    EXPECT_EQ(call.actions, (QStringList{QStringLiteral("acknowledge"), QStringLiteral("Acknowledge"),
                                         QStringLiteral("silence"), QStringLiteral("Silence 1 h")}));
    EXPECT_EQ(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
    EXPECT_EQ(call.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("vantage"));
    EXPECT_EQ(call.expireTimeout, -1);
}

TEST_F(DesktopNotifierTest, ActionsComeBackAsSignalsForTheAlert)
{
    startService({QStringLiteral("actions")});
    startNotifier();
    ASSERT_TRUE(waitForStatus(Status::Service));
    const uint first = notified(criticalAlert("a1"));
    const uint second = notified(criticalAlert("a2"));
    ASSERT_NE(first, 0u);
    ASSERT_NE(second, first);

    QSignalSpy acknowledged(m_notifier.get(), &DesktopNotifier::acknowledgeRequested);
    QSignalSpy silenced(m_notifier.get(), &DesktopNotifier::silenceRequested);
    sendSignal(QStringLiteral("ActionInvoked"), {first, QStringLiteral("acknowledge")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return acknowledged.size() == 1; }, kWaitMs));
    EXPECT_EQ(acknowledged.at(0).at(0).toString(), QStringLiteral("a1"));

    sendSignal(QStringLiteral("ActionInvoked"), {second, QStringLiteral("silence")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return silenced.size() == 1; }, kWaitMs));
    EXPECT_EQ(silenced.at(0).at(0).toString(), QStringLiteral("a2"));
    EXPECT_EQ(silenced.at(0).at(1).toLongLong(), 60 * 60'000);
    EXPECT_EQ(acknowledged.size(), 1);
}

TEST_F(DesktopNotifierTest, IgnoresActionsOnNotificationsItDidNotSendOrThatWereClosed)
{
    startService({QStringLiteral("actions")});
    startNotifier();
    ASSERT_TRUE(waitForStatus(Status::Service));
    const uint closed = notified(criticalAlert("a1"));
    const uint open = notified(criticalAlert("a2"));
    ASSERT_NE(closed, 0u);
    ASSERT_NE(open, 0u);

    QSignalSpy acknowledged(m_notifier.get(), &DesktopNotifier::acknowledgeRequested);
    sendSignal(QStringLiteral("NotificationClosed"), {closed, 2u});
    sendSignal(QStringLiteral("ActionInvoked"), {closed, QStringLiteral("acknowledge")});
    sendSignal(QStringLiteral("ActionInvoked"), {999u, QStringLiteral("acknowledge")});
    sendSignal(QStringLiteral("ActionInvoked"), {open, QStringLiteral("default")});
    // Signals from one sender arrive in order: once this one is handled, so are those before.
    sendSignal(QStringLiteral("ActionInvoked"), {open, QStringLiteral("acknowledge")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !acknowledged.isEmpty(); }, kWaitMs));
    ASSERT_EQ(acknowledged.size(), 1);
    EXPECT_EQ(acknowledged.at(0).at(0).toString(), QStringLiteral("a2"));
}

TEST_F(DesktopNotifierTest, RequestsMadeBeforeTheServiceAnsweredAreSentOnceItHas)
{
    startService({QStringLiteral("actions")});
    startNotifier();
    EXPECT_EQ(m_notifier->status(), Status::Probing);
    m_notifier->notify(criticalAlert("a1"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_service->calls.size() == 1; }, kWaitMs));
    EXPECT_EQ(m_service->calls[0].summary, QStringLiteral("Critical alert"));
    EXPECT_EQ(m_notifier->status(), Status::Service);
}

TEST_F(DesktopNotifierTest, TheBodyIsEscapedWhereTheServiceReadsMarkup)
{
    startService({QStringLiteral("actions"), QStringLiteral("body-markup")});
    startNotifier();
    ASSERT_TRUE(waitForStatus(Status::Service));
    ASSERT_NE(notified(criticalAlert("a1")), 0u);
    EXPECT_EQ(m_service->calls[0].body, QStringLiteral("Payments failing &lt;for&gt; 5 min &amp; counting"));
    EXPECT_EQ(m_service->calls[0].summary, QStringLiteral("Critical alert"));
}

TEST_F(DesktopNotifierTest, NoActionsWhereTheServiceHasNone)
{
    startService({QStringLiteral("body")});
    startNotifier();
    ASSERT_TRUE(waitForStatus(Status::Service));
    ASSERT_NE(notified(criticalAlert("a1")), 0u);
    EXPECT_TRUE(m_service->calls[0].actions.isEmpty());
}

TEST_F(DesktopNotifierTest, ANewNotificationForTheSameAlertReplacesTheOpenOne)
{
    startService({QStringLiteral("actions")});
    startNotifier();
    ASSERT_TRUE(waitForStatus(Status::Service));
    const uint first = notified(criticalAlert("a1"));
    ASSERT_NE(first, 0u);
    ASSERT_NE(notified(criticalAlert("a2")), 0u);
    m_notifier->notify(criticalAlert("a1"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_service->calls.size() == 3; }, kWaitMs));
    EXPECT_EQ(m_service->calls[1].replacesId, 0u);
    EXPECT_EQ(m_service->calls[2].replacesId, first);
}

TEST_F(DesktopNotifierTest, WithoutAServiceItFallsBackAndSaysWhy)
{
    startNotifier();
    const Status expected = QSystemTrayIcon::isSystemTrayAvailable() ? Status::Tray : Status::Unavailable;
    ASSERT_TRUE(waitForStatus(expected));
    EXPECT_TRUE(m_notifier->statusText().contains(QStringLiteral("no notification service")))
        << m_notifier->statusText().toStdString();
    EXPECT_TRUE(m_notifier->statusText().contains(QStringLiteral("ServiceUnknown")));
}

TEST_F(DesktopNotifierTest, TheWindowsNotificationsJoinTheSessionBusAfterItsFirstFrame)
{
    startService({QStringLiteral("actions")});
    // Each test runs in a process of its own, so the session bus is first asked for here.
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_bus->address().toUtf8());
    QWidget window;
    window.resize(400, 300);
    const vantage::NotificationCenter center(&window);
    EXPECT_FALSE(QTest::qWaitFor([&] { return center.desktop()->status() != Status::Probing; }, 500))
        << "joined the bus before the window was shown";
    EXPECT_EQ(m_service->capabilityQueries, 0);

    window.show();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return center.desktop()->status() == Status::Service; }, kWaitMs));
    EXPECT_EQ(m_service->capabilityQueries, 1);
}

TEST_F(DesktopNotifierTest, ANotificationBeforeTheFirstFrameJoinsTheSessionBusAtOnce)
{
    startService({QStringLiteral("actions")});
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_bus->address().toUtf8());
    QWidget window;
    vantage::NotificationCenter center(&window);
    vantage::AlertInfo alert;
    alert.id = QStringLiteral("a1");
    alert.severity = Severity::Critical;
    alert.message = QStringLiteral("Payments failing");
    center.onAlertsRaised({alert});
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_service->calls.size() == 1; }, kWaitMs));
    EXPECT_EQ(m_service->calls.front().summary, QStringLiteral("Critical alert"));
    EXPECT_FALSE(window.isVisible());
}

TEST(DesktopNotifierWithoutBus, RequestsWaitForABusAndTakeTheFallbackOfOneNotConnected)
{
    DesktopNotifier notifier;
    QSignalSpy changed(&notifier, &DesktopNotifier::statusChanged);
    EXPECT_EQ(notifier.status(), Status::Probing);
    EXPECT_TRUE(notifier.statusText().contains(QStringLiteral("connecting")));
    notifier.connectTo(QDBusConnection(QStringLiteral("vantage.test.nowhere")));
    EXPECT_NE(notifier.status(), Status::Probing);
    EXPECT_TRUE(notifier.statusText().contains(QStringLiteral("no session bus")));
    EXPECT_EQ(changed.count(), 1);
}

TEST(DesktopNotifierWithoutBus, ABusThatIsNotConnectedFallsBackAtOnce)
{
    const DesktopNotifier notifier(QDBusConnection(QStringLiteral("vantage.test.nowhere")));
    EXPECT_NE(notifier.status(), Status::Probing);
    EXPECT_NE(notifier.status(), Status::Service);
    EXPECT_TRUE(notifier.statusText().contains(QStringLiteral("no session bus")));
}

#include "desktop_notifier_test.moc"
