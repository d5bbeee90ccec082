// The window's Alerts menu (issue 6, points 2 and 4): rules loaded from and saved to the
// settings and applied to the dashboard, notification settings remembered, and notifications
// raised by a live stream but not by a replay of the past.
#include "app/AlertActions.h"
#include "app/AlertRuleSettings.h"
#include "app/AlertTools.h"
#include "app/SourceFactory.h"
#include "support/LiveRelay.h"
#include "support/SessionFixture.h"
#include "ui/AlertRulesDialog.h"
#include "ui/ForecastDialog.h"
#include "ui/NotificationCenter.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QDBusConnection>
#include <QSettings>

#include <gtest/gtest.h>

#include <memory>

using namespace vantage;

namespace {

constexpr int kWaitMs = 10'000;

Message criticalAlert(const char *id)
{
    AlertInfo alert;
    alert.id = QString::fromLatin1(id);
    alert.severity = Severity::Critical;
    alert.message = QStringLiteral("Payment provider unreachable");
    Message message;
    message.kind = MessageKind::Alert;
    message.body = alert;
    return message;
}

struct ToolsFixture : test::SessionFixture
{
    QSettings settings{dir.filePath(QStringLiteral("vantage.ini")), QSettings::IniFormat};
    AlertActions actions{&models, &window, &settings, [this] { return controller.session(); }};
    // On a bus that does not exist: no desktop notification leaves the test.
    NotificationCenter notifications{&window, systemNowMs, QDBusConnection(QStringLiteral("vantage.test.nowhere"))};
    std::unique_ptr<AlertTools> tools;

    void makeTools()
    {
        tools = std::make_unique<AlertTools>(&models, &window, &controller, &settings, &actions, &notifications);
    }
};

std::vector<AlertRule> stricterRules()
{
    std::vector<AlertRule> rules = AlertRule::defaults();
    rules.front().fireAt = 1500;
    rules.front().resolveAt = 1400;
    return rules;
}

TEST(AlertToolsGui, SavedRulesApplyAtStartAndTheDefaultsWithoutThem)
{
    ToolsFixture f;
    f.makeTools();
    EXPECT_EQ(f.models.alertRules(), AlertRule::defaults());
    EXPECT_TRUE(f.tools->rulesError().isEmpty());

    ToolsFixture saved;
    saveAlertRules(saved.settings, stricterRules());
    saved.makeTools();
    EXPECT_EQ(saved.models.alertRules(), stricterRules());
}

TEST(AlertToolsGui, UnusableSavedRulesFallBackToTheDefaultsAndSayWhy)
{
    ToolsFixture f;
    f.settings.setValue(QStringLiteral("alerts/rules"), QStringLiteral("{\"version\":1,\"rules\":[{}]}"));
    f.makeTools();
    EXPECT_EQ(f.models.alertRules(), AlertRule::defaults());
    EXPECT_TRUE(f.tools->rulesError().contains(QStringLiteral("rules[0]"))) << f.tools->rulesError().toStdString();
}

TEST(AlertToolsGui, RulesSavedInTheDialogAreStoredAndApplied)
{
    ToolsFixture f;
    f.makeTools();
    f.tools->rulesAction()->trigger();
    AlertRulesDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (dialog = f.window.findChild<AlertRulesDialog *>()) != nullptr; }, kWaitMs));
    EXPECT_EQ(dialog->rules(), AlertRule::defaults());

    Q_EMIT dialog->rulesSaved(stricterRules());

    EXPECT_EQ(f.models.alertRules(), stricterRules());
    QString error;
    EXPECT_EQ(loadAlertRules(f.settings, &error), stricterRules());
}

TEST(AlertToolsGui, DoNotDisturbAndMuteAreRememberedAndApplied)
{
    ToolsFixture f;
    f.makeTools();
    EXPECT_FALSE(f.notifications.doNotDisturb());
    f.tools->doNotDisturbAction()->trigger();
    f.tools->muteAction()->trigger();
    EXPECT_TRUE(f.notifications.doNotDisturb());
    EXPECT_TRUE(f.notifications.muted());
    EXPECT_EQ(f.tools->muteAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_M));

    // The next window starts as this one was left.
    f.tools.reset();
    f.notifications.setDoNotDisturb(false);
    f.notifications.setMuted(false);
    f.makeTools();
    EXPECT_TRUE(f.tools->doNotDisturbAction()->isChecked());
    EXPECT_TRUE(f.notifications.doNotDisturb());
    EXPECT_TRUE(f.notifications.muted());
}

// The window on a live stream from a relay on loopback, journaled.
struct LiveToolsFixture : ToolsFixture
{
    RelayServer relay{test::quietRelayOptions()};
    QString journalDir = dir.filePath(QStringLiteral("journal"));

    LiveToolsFixture()
    {
        makeTools();
        QString error;
        EXPECT_TRUE(relay.listen(&error)) << error.toStdString();
        test::followRelay(controller, relay, journalDir, false);
        EXPECT_TRUE(QTest::qWaitFor([&] { return relay.clientCount() == 1; }, kWaitMs));
    }
};

TEST(AlertToolsGui, ALiveCriticalAlertIsNotifiedOnce)
{
    LiveToolsFixture f;
    RelayServer &relay = f.relay;

    relay.publish(criticalAlert("al-1"));
    relay.publish(criticalAlert("al-1")); // an update, not news
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.models.stats().messagesDecoded >= 4; }, kWaitMs))
        << "hello, snapshot and both alerts";
    EXPECT_EQ(f.notifications.counts().requested, 1);
    EXPECT_EQ(f.notifications.counts().toasts, 1);
}

TEST(AlertToolsGui, WhileLookingBackTheLiveStreamStillNotifies)
{
    LiveToolsFixture f;
    f.relay.publish(criticalAlert("al-1"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.notifications.counts().requested == 1; }, kWaitMs));
    ASSERT_TRUE(f.controller.lookBack(f.journalDir));

    f.relay.publish(criticalAlert("al-2"));

    ASSERT_TRUE(QTest::qWaitFor([&] { return f.notifications.counts().requested == 2; }, kWaitMs));
    EXPECT_TRUE(f.controller.isLookingBack());
}

TEST(AlertToolsGui, TheForecastReadsTheOpenLogAndRefreshes)
{
    ToolsFixture f;
    f.makeTools();
    const QString log = f.writeLog(QStringLiteral("short.ndjson"),
                                   {R"({"v":1,"type":"event","seq":1,"ts":"2026-01-01T00:00:00Z","data":{"id":"e1","type":"signup"}})",
                                    R"({"v":1,"type":"event","seq":2,"ts":"2026-01-01T02:30:00Z","data":{"id":"e2","type":"signup"}})"});
    f.play(log, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.models.feed()->rowCount() == 2; }, kWaitMs));

    f.tools->openForecast();
    auto *dialog = f.window.findChild<ForecastDialog *>();
    ASSERT_NE(dialog, nullptr);
    auto *summary = dialog->findChild<QLabel *>(QStringLiteral("forecast.summary"));
    auto *refresh = dialog->findChild<QPushButton *>(QStringLiteral("forecast.refresh"));
    ASSERT_NE(summary, nullptr);
    ASSERT_NE(refresh, nullptr);
    const auto forecastShown = [&] { return summary->text().contains(QStringLiteral("a forecast needs")); };
    ASSERT_TRUE(QTest::qWaitFor(forecastShown, kWaitMs)) << summary->text().toStdString();
    ASSERT_TRUE(refresh->isEnabled());

    refresh->click();
    EXPECT_FALSE(forecastShown()) << "reading the history again";
    ASSERT_TRUE(QTest::qWaitFor(forecastShown, kWaitMs)) << summary->text().toStdString();
}

TEST(AlertToolsGui, AReplayOfThePastNotifiesNobody)
{
    ToolsFixture f;
    f.makeTools();
    const QString log = f.writeLog(QStringLiteral("past.ndjson"),
                                   {R"({"v":1,"type":"alert","seq":1,"ts":"2026-01-01T00:00:00Z","data":{"id":"al-1","severity":"critical","message":"old"}})",
                                    R"({"v":1,"type":"event","seq":2,"ts":"2026-01-01T00:00:01Z","data":{"id":"e1","type":"signup","user_name":"Ann"}})"});
    f.play(log, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.models.alerts()->openCount() == 1 && f.models.feed()->rowCount() == 1; },
                                kWaitMs));
    EXPECT_EQ(f.notifications.counts().requested, 0);
}

} // namespace
