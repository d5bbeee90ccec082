#include "support/TestClock.h"
#include "ui/DesktopNotifier.h"
#include "ui/NotificationCenter.h"
#include "widgets/ToastStack.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

// The window's notifications end to end, without a desktop: seed 000's toasts from applied
// events and raised alerts, counted per outcome and channel, do-not-disturb and mute, and the
// desktop actions passed on. The desktop side runs on an unconnected bus, so nothing leaves
// the test (desktop_notifier_test covers the real bus).

using vantage::AlertInfo;
using vantage::FeedItem;
using vantage::NotificationCenter;
using vantage::Severity;
using vantage::test::TestClock;

namespace {

FeedItem event(const char *id, const char *type, double value = qQNaN())
{
    FeedItem item;
    item.tsMs = 1'700'000'000'000;
    item.event.id = QLatin1String(id);
    item.event.type = QLatin1String(type);
    item.event.userName = QStringLiteral("Ana Lima");
    item.event.role = QStringLiteral("supplier");
    item.event.value = value;
    item.event.currency = QStringLiteral("GBP");
    return item;
}

AlertInfo alert(const char *id, Severity severity)
{
    AlertInfo info;
    info.id = QLatin1String(id);
    info.severity = severity;
    info.message = QStringLiteral("Checkout error rate 4.2%");
    return info;
}

class NotificationCenterGui : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_window.resize(900, 600);
        m_window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_window));
    }

    QStringList toastTitles() const { return m_center->toasts()->titles(); }

    TestClock m_clock;
    QWidget m_window;
    NotificationCenter *m_center = new NotificationCenter(
        &m_window, [this] { return m_clock.now(); }, QDBusConnection(QStringLiteral("vantage.test.nowhere")));
};

} // namespace

TEST_F(NotificationCenterGui, SeedToastsForSignupsPaymentsAboveTheThresholdAndCriticalAlerts)
{
    m_center->onEvents({event("e1", "signup"), event("p1", "payment", 100.0), event("p2", "payment", 150.5),
                        event("f1", "form_submission")});
    m_center->onAlertsRaised({alert("a1", Severity::Critical), alert("a2", Severity::Warning)});

    EXPECT_EQ(toastTitles(),
              (QStringList{QStringLiteral("New supplier signed up!"),
                           QStringLiteral("New payment: \u00a3150.50"), QStringLiteral("Critical alert")}));
    EXPECT_EQ(m_center->toasts()->parentWidget(), &m_window);
    const auto &counts = m_center->counts();
    EXPECT_EQ(counts.requested, 4);
    EXPECT_EQ(counts.shown, 4);
    EXPECT_EQ(counts.toasts, 3);
    EXPECT_EQ(counts.desktop, 1);
    EXPECT_EQ(counts.sounds, 2); // the critical and the warning alert; info is silent by default
}

TEST_F(NotificationCenterGui, RepeatedEventsAreCountedAsDuplicates)
{
    const std::vector<FeedItem> batch{event("e1", "signup"), event("p1", "payment", 250.0)};
    m_center->onEvents(batch);
    m_clock.advance(60'000);
    m_center->onEvents(batch);
    m_center->onAlertsRaised({alert("a1", Severity::Critical)});
    m_center->onAlertsRaised({alert("a1", Severity::Critical)});
    EXPECT_EQ(m_center->counts().requested, 6);
    EXPECT_EQ(m_center->counts().shown, 3);
    EXPECT_EQ(m_center->counts().duplicate, 3);
}

TEST_F(NotificationCenterGui, DoNotDisturbKeepsOnlyCriticalAlertsAsQuietToasts)
{
    QSignalSpy changed(m_center, &NotificationCenter::stateChanged);
    m_center->setDoNotDisturb(true);
    EXPECT_EQ(changed.size(), 1);
    EXPECT_TRUE(m_center->doNotDisturb());
    EXPECT_TRUE(m_center->statusText().startsWith(QStringLiteral("Do not disturb \u00b7 ")));

    m_center->onEvents({event("e1", "signup")});
    m_center->onAlertsRaised({alert("a1", Severity::Critical), alert("a2", Severity::Error)});
    EXPECT_EQ(toastTitles(), QStringList{QStringLiteral("Critical alert")});
    EXPECT_EQ(m_center->counts().doNotDisturb, 2);
    EXPECT_EQ(m_center->counts().desktop, 0);
    EXPECT_EQ(m_center->counts().sounds, 0);

    m_center->setDoNotDisturb(false);
    m_center->onEvents({event("e2", "signup")});
    EXPECT_EQ(m_center->toasts()->count(), 2);
}

TEST_F(NotificationCenterGui, MuteSilencesSoundsButNotToasts)
{
    m_center->setMuted(true);
    EXPECT_TRUE(m_center->statusText().contains(QStringLiteral("Sounds muted")));
    m_center->onAlertsRaised({alert("a1", Severity::Critical), alert("a2", Severity::Warning)});
    EXPECT_EQ(toastTitles(), QStringList{QStringLiteral("Critical alert")});
    EXPECT_EQ(m_center->counts().sounds, 0);
    EXPECT_EQ(m_center->counts().desktop, 1);
    EXPECT_EQ(m_center->counts().muted, 1);

    m_center->setMuted(false);
    m_center->onAlertsRaised({alert("a3", Severity::Warning)});
    EXPECT_EQ(m_center->counts().sounds, 1);
}

TEST_F(NotificationCenterGui, StateChangesOncePerBatchThatMadeRequestsAndPerRealChange)
{
    QSignalSpy changed(m_center, &NotificationCenter::stateChanged);
    m_center->onEvents({event("e1", "signup"), event("e2", "signup")});
    EXPECT_EQ(changed.size(), 1);
    m_center->onEvents({event("f1", "form_submission")});
    m_center->onAlertsRaised({alert("i1", Severity::Info)});
    EXPECT_EQ(changed.size(), 1);
    m_center->setMuted(false);
    EXPECT_EQ(changed.size(), 1);
    m_center->setMuted(true);
    EXPECT_EQ(changed.size(), 2);
}

TEST_F(NotificationCenterGui, SettingsApply)
{
    vantage::NotificationPolicy::Settings settings = m_center->settings();
    settings.paymentThreshold = 500.0;
    settings.soundBySeverity[size_t(Severity::Info)] = true;
    m_center->setSettings(settings);
    m_center->onEvents({event("p1", "payment", 250.0), event("p2", "payment", 750.0)});
    EXPECT_EQ(toastTitles(), QStringList{QStringLiteral("New payment: \u00a3750")});
    EXPECT_EQ(m_center->counts().sounds, 1);
}

TEST_F(NotificationCenterGui, StatusSaysWhyDesktopNotificationsAreUnavailable)
{
    EXPECT_TRUE(m_center->statusText().contains(QStringLiteral("no session bus")))
        << m_center->statusText().toStdString();
    EXPECT_FALSE(m_center->statusText().contains(QStringLiteral("Do not disturb")));
}

TEST_F(NotificationCenterGui, DesktopActionsArePassedOnAndSilenceHoldsTheAlertBack)
{
    QSignalSpy acknowledged(m_center, &NotificationCenter::acknowledgeRequested);
    QSignalSpy silenced(m_center, &NotificationCenter::silenceRequested);
    Q_EMIT m_center->desktop()->acknowledgeRequested(QStringLiteral("a1"));
    Q_EMIT m_center->desktop()->silenceRequested(QStringLiteral("a2"), 3'600'000);
    ASSERT_EQ(acknowledged.size(), 1);
    EXPECT_EQ(acknowledged.at(0).at(0).toString(), QStringLiteral("a1"));
    ASSERT_EQ(silenced.size(), 1);
    EXPECT_EQ(silenced.at(0).at(1).toLongLong(), 3'600'000);

    m_center->onAlertsRaised({alert("a2", Severity::Critical)});
    EXPECT_EQ(m_center->counts().silenced, 1);
    EXPECT_EQ(m_center->toasts()->count(), 0);
    m_clock.advance(3'600'000);
    m_center->onAlertsRaised({alert("a2", Severity::Critical)});
    EXPECT_EQ(toastTitles(), QStringList{QStringLiteral("Critical alert")});
}
