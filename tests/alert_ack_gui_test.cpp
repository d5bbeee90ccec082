// Acknowledging alerts from the window (issue 6, point 1): in the window at once, shared through
// the relay when its hello offers it (docs/protocol.md, "alert_ack"), kept in the window otherwise.
#include "app/AlertActions.h"
#include "app/SourceFactory.h"
#include "support/LiveRelay.h"
#include "support/SessionFixture.h"
#include "ui/AcknowledgeDialog.h"
#include "ui/AlertPanel.h"

#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

constexpr int kWaitMs = 10'000;

struct AckFixture : test::SessionFixture
{
    RelayServer relay;
    QSettings settings{dir.filePath(QStringLiteral("vantage.ini")), QSettings::IniFormat};
    AlertActions actions{&models, &window, &settings, [this] { return controller.session(); }};

    explicit AckFixture(bool relayTakesAcks)
        : relay([relayTakesAcks] {
              RelayOptions options = test::quietRelayOptions();
              options.acceptAcks = relayTakesAcks;
              return options;
          }())
    {
        QString error;
        EXPECT_TRUE(relay.listen(&error)) << error.toStdString();
        test::followRelay(controller, relay, {}, false);
        AlertInfo alert;
        alert.id = QStringLiteral("al-2");
        alert.severity = Severity::Critical;
        alert.message = QStringLiteral("Payment provider unreachable");
        alert.affectedUsers = 120;
        Message message;
        message.kind = MessageKind::Alert;
        message.body = alert;
        relay.publish(message);
        EXPECT_TRUE(QTest::qWaitFor([this] { return models.alerts()->openCount() == 1; }, kWaitMs));
    }

    QVariant alertData(int role) const { return models.alerts()->index(0).data(role); }
};

TEST(AlertAckGui, AnAcknowledgementIsSharedThroughARelayThatTakesThem)
{
    AckFixture f(true);

    ASSERT_TRUE(f.actions.acknowledge(QStringLiteral("al-2"), QStringLiteral("anna"), QStringLiteral("on it")));
    EXPECT_EQ(f.alertData(AlertModel::AckByRole).toString(), QStringLiteral("anna")) << "shown at once";

    ASSERT_TRUE(QTest::qWaitFor([&] { return f.alertData(AlertModel::AckSharedRole).toBool(); }, kWaitMs));
    EXPECT_EQ(f.alertData(AlertModel::AckCommentRole).toString(), QStringLiteral("on it"));
    EXPECT_TRUE(f.actions.lastOutcome().contains(QStringLiteral("sent to the server")))
        << f.actions.lastOutcome().toStdString();
}

TEST(AlertAckGui, WithoutTheOfferTheAcknowledgementStaysInTheWindowAndSaysSo)
{
    AckFixture f(false);

    ASSERT_TRUE(f.actions.acknowledge(QStringLiteral("al-2"), QStringLiteral("anna"), {}));

    ASSERT_TRUE(QTest::qWaitFor([&] { return f.actions.lastOutcome().contains(QStringLiteral("this window only")); },
                                kWaitMs))
        << f.actions.lastOutcome().toStdString();
    EXPECT_FALSE(f.alertData(AlertModel::AckSharedRole).toBool());
    EXPECT_EQ(f.alertData(AlertModel::AckByRole).toString(), QStringLiteral("anna"));
}

TEST(AlertAckGui, ThePanelAsksWhoAcknowledgesAndRemembersTheName)
{
    AckFixture f(true);
    AlertPanel *panel = f.window.alertPanel();
    auto *ackButton = panel->findChild<QToolButton *>(QStringLiteral("alerts.acknowledge"));
    ASSERT_NE(ackButton, nullptr);
    panel->view()->setCurrentIndex(QModelIndex());
    EXPECT_FALSE(ackButton->isEnabled()) << "nothing selected";

    panel->view()->setCurrentIndex(f.models.alerts()->index(0));
    ASSERT_TRUE(ackButton->isEnabled());
    ackButton->click();

    AcknowledgeDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (dialog = f.window.findChild<AcknowledgeDialog *>()) != nullptr; }, kWaitMs));
    dialog->findChild<QLineEdit *>(QStringLiteral("ack.name"))->setText(QStringLiteral("  ben  "));
    dialog->findChild<QLineEdit *>(QStringLiteral("ack.comment"))->setText(QStringLiteral("rolling back"));
    dialog->accept();

    EXPECT_EQ(f.alertData(AlertModel::AckByRole).toString(), QStringLiteral("ben"));
    EXPECT_EQ(f.alertData(AlertModel::AckCommentRole).toString(), QStringLiteral("rolling back"));
    EXPECT_EQ(f.actions.operatorName(), QStringLiteral("ben")) << "offered next time";
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.alertData(AlertModel::AckSharedRole).toBool(); }, kWaitMs));
}

TEST(AlertAckGui, SilencingFromThePanelUsesTheDashboardsTime)
{
    AckFixture f(true);
    AlertPanel *panel = f.window.alertPanel();
    panel->view()->setCurrentIndex(f.models.alerts()->index(0));
    const qint64 before = f.models.shownNowMs();

    Q_EMIT panel->silenceRequested(QStringLiteral("al-2"), AlertPanel::silenceChoicesMs[1]);

    const qint64 until = f.alertData(AlertModel::SilencedUntilRole).toLongLong();
    EXPECT_GE(until, before + AlertPanel::silenceChoicesMs[1]);
    EXPECT_LE(until, f.models.shownNowMs() + AlertPanel::silenceChoicesMs[1]);
    EXPECT_EQ(f.models.alerts()->silencedCount(), 1);

    Q_EMIT panel->silenceRequested(QStringLiteral("al-2"), 0);
    EXPECT_EQ(f.models.alerts()->silencedCount(), 0);
}

} // namespace
