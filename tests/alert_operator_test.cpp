// Acknowledging, silencing and auto-resolving alerts in AlertModel (issue 6, point 1).
#include "models/AlertModel.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace vantage;

namespace {

constexpr qint64 kMinute = 60'000;

AlertInfo alert(const char *id, Severity severity, bool autoResolve = false, bool local = false)
{
    AlertInfo a;
    a.id = QString::fromLatin1(id);
    a.severity = severity;
    a.message = QStringLiteral("Payment provider unreachable");
    a.affectedUsers = 120;
    a.autoResolve = autoResolve;
    a.local = local;
    return a;
}

class AlertOperatorTest : public ::testing::Test
{
protected:
    QVariant data(const char *id, int role) const
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            if (index.data(AlertModel::IdRole).toString() == QLatin1String(id))
                return index.data(role);
        }
        ADD_FAILURE() << "no alert " << id;
        return {};
    }
    bool isOpen(const char *id) const { return data(id, AlertModel::IsOpenRole).toBool(); }

    AlertModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(AlertOperatorTest, AcknowledgingAnOpenAlertRecordsWhoWhenAndWhy)
{
    model.applyAlerts(1000, {alert("al-1", Severity::Critical), alert("al-2", Severity::Warning)});
    QSignalSpy changed(&model, &AlertModel::dataChanged);

    ASSERT_TRUE(model.acknowledge(QStringLiteral("al-2"), AlertAck{QStringLiteral("anna"), QStringLiteral("on it"), 5000, false}));

    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(data("al-2", AlertModel::AckByRole).toString(), QStringLiteral("anna"));
    EXPECT_EQ(data("al-2", AlertModel::AckAtRole).toLongLong(), 5000);
    EXPECT_EQ(data("al-2", AlertModel::AckCommentRole).toString(), QStringLiteral("on it"));
    EXPECT_FALSE(data("al-2", AlertModel::AckSharedRole).toBool());
    EXPECT_TRUE(data("al-1", AlertModel::AckByRole).toString().isEmpty());
    EXPECT_EQ(model.acknowledgedCount(), 1);
    EXPECT_TRUE(data("al-2", Qt::ToolTipRole).toString().contains(QStringLiteral("this window only")));
}

TEST_F(AlertOperatorTest, OnlyOpenAlertsCanBeAcknowledgedOrSilenced)
{
    model.applyAlerts(1000, {alert("al-1", Severity::Critical)});
    model.applyResolved(2000, {{QStringLiteral("al-1"), QStringLiteral("fixed")}});

    EXPECT_FALSE(model.acknowledge(QStringLiteral("al-1"), AlertAck{QStringLiteral("anna"), {}, 3000, false}));
    EXPECT_FALSE(model.acknowledge(QStringLiteral("nope"), AlertAck{QStringLiteral("anna"), {}, 3000, false}));
    EXPECT_FALSE(model.silence(QStringLiteral("al-1"), 9000));
    EXPECT_EQ(model.acknowledgedCount(), 0);
}

TEST_F(AlertOperatorTest, TheServersEchoMarksTheOperatorsOwnAcknowledgementSharedKeepingItsTime)
{
    model.applyAlerts(1000, {alert("al-1", Severity::Critical)});
    model.acknowledge(QStringLiteral("al-1"), AlertAck{QStringLiteral("anna"), QStringLiteral("on it"), 5000, false});

    model.applyAck(5400, AlertAckInfo{QStringLiteral("al-1"), QStringLiteral("anna"), QStringLiteral("on it")});

    EXPECT_TRUE(data("al-1", AlertModel::AckSharedRole).toBool());
    EXPECT_EQ(data("al-1", AlertModel::AckAtRole).toLongLong(), 5000);
}

TEST_F(AlertOperatorTest, AnotherOperatorsAcknowledgementIsShownWithTheServersTime)
{
    model.applyAlerts(1000, {alert("al-1", Severity::Critical)});
    model.applyAlerts(1000, {alert("al-9", Severity::Critical)});
    model.applyResolved(1500, {{QStringLiteral("al-9"), {}}});

    model.applyAck(7000, AlertAckInfo{QStringLiteral("al-1"), QStringLiteral("ben"), {}});
    model.applyAck(7100, AlertAckInfo{QStringLiteral("al-9"), QStringLiteral("cleo"), {}});
    model.applyAck(7200, AlertAckInfo{QStringLiteral("unknown"), QStringLiteral("dan"), {}});

    EXPECT_EQ(data("al-1", AlertModel::AckByRole).toString(), QStringLiteral("ben"));
    EXPECT_EQ(data("al-1", AlertModel::AckAtRole).toLongLong(), 7000);
    EXPECT_TRUE(data("al-1", AlertModel::AckSharedRole).toBool());
    EXPECT_EQ(data("al-9", AlertModel::AckByRole).toString(), QStringLiteral("cleo")) << "resolved history keeps it";
    EXPECT_EQ(model.rowCount(), 2);
}

TEST_F(AlertOperatorTest, ASilenceEndsExactlyWhenItRunsOut)
{
    model.applyAlerts(0, {alert("al-1", Severity::Critical)});
    ASSERT_TRUE(model.silence(QStringLiteral("al-1"), 60 * kMinute));
    EXPECT_EQ(model.silencedCount(), 1);

    model.advanceTo(60 * kMinute - 1);
    EXPECT_EQ(data("al-1", AlertModel::SilencedUntilRole).toLongLong(), 60 * kMinute);

    model.advanceTo(60 * kMinute);
    EXPECT_EQ(data("al-1", AlertModel::SilencedUntilRole).toLongLong(), 0);
    EXPECT_EQ(model.silencedCount(), 0);
    EXPECT_TRUE(isOpen("al-1"));
}

TEST_F(AlertOperatorTest, LiftingASilence)
{
    model.applyAlerts(0, {alert("al-1", Severity::Critical)});
    model.silence(QStringLiteral("al-1"), 60 * kMinute);
    ASSERT_TRUE(model.silence(QStringLiteral("al-1"), 0));
    EXPECT_EQ(model.silencedCount(), 0);
}

TEST_F(AlertOperatorTest, AutoResolveAlertsResolveAtTheTimeoutAfterTheirLastUpdate)
{
    model.applyAlerts(0, {alert("auto", Severity::Warning, true), alert("manual", Severity::Warning, false)});
    model.applyAlerts(10 * kMinute, {alert("auto", Severity::Warning, true)}); // an update restarts the wait
    const qint64 deadline = 10 * kMinute + AlertModel::autoResolveAfterMs;

    model.advanceTo(deadline - 1);
    EXPECT_TRUE(isOpen("auto"));

    model.advanceTo(deadline + 3 * kMinute);
    EXPECT_FALSE(isOpen("auto"));
    EXPECT_EQ(data("auto", AlertModel::ResolvedAtRole).toLongLong(), deadline) << "resolved at the deadline, not later";
    EXPECT_EQ(data("auto", AlertModel::ResolveReasonRole).toString(),
              QStringLiteral("auto-resolved: no update for 15 min"));
    EXPECT_EQ(data("auto", AlertModel::RaisedAtRole).toLongLong(), 0) << "the age is the first raise";

    model.advanceTo(24 * 60 * kMinute);
    EXPECT_TRUE(isOpen("manual")) << "without autoResolve an alert waits for the server";
}

TEST_F(AlertOperatorTest, AutoResolvedAlertsJoinTheHistoryNewestResolutionFirst)
{
    model.applyAlerts(0, {alert("early", Severity::Warning, true)});
    model.applyAlerts(2 * kMinute, {alert("late", Severity::Critical, true)});
    model.applyAlerts(20 * kMinute, {alert("server", Severity::Info)});
    model.applyResolved(20 * kMinute, {{QStringLiteral("server"), {}}});

    model.advanceTo(30 * kMinute); // both deadlines (15 and 17 min) passed, before the 20 min resolution

    const std::vector<qint64> resolvedAt = {data("server", AlertModel::ResolvedAtRole).toLongLong(),
                                            data("late", AlertModel::ResolvedAtRole).toLongLong(),
                                            data("early", AlertModel::ResolvedAtRole).toLongLong()};
    EXPECT_EQ(resolvedAt, (std::vector<qint64>{20 * kMinute, 17 * kMinute, 15 * kMinute}));
    QStringList order;
    for (int row = 0; row < model.rowCount(); ++row)
        order << model.index(row).data(AlertModel::IdRole).toString();
    EXPECT_EQ(order, (QStringList{QStringLiteral("server"), QStringLiteral("late"), QStringLiteral("early")}));
}

TEST_F(AlertOperatorTest, ASnapshotStillListingAnAutoResolvedAlertDoesNotReopenIt)
{
    model.applyAlerts(0, {alert("auto", Severity::Warning, true)});
    model.replaceOpen(5 * kMinute, {alert("auto", Severity::Warning, true)}); // listed: not an update
    model.advanceTo(15 * kMinute);
    ASSERT_FALSE(isOpen("auto"));

    model.replaceOpen(20 * kMinute, {alert("auto", Severity::Warning, true)});
    EXPECT_FALSE(isOpen("auto"));
    model.applyAlerts(21 * kMinute, {alert("auto", Severity::Warning, true)});
    EXPECT_TRUE(isOpen("auto")) << "a real alert message reopens it";
}

TEST_F(AlertOperatorTest, LocalRuleAlertsAreResolvedByTheirRuleNotByTheTimeout)
{
    model.applyAlerts(0, {alert("local.cpu:0", Severity::Warning, true, true)});
    model.advanceTo(24 * 60 * kMinute);
    EXPECT_TRUE(isOpen("local.cpu:0"));
    EXPECT_TRUE(data("local.cpu:0", AlertModel::IsLocalRole).toBool());
}

TEST_F(AlertOperatorTest, WhatOperatorsDidSurvivesARestoredState)
{
    model.applyAlerts(1000, {alert("al-1", Severity::Critical), alert("al-2", Severity::Warning)});
    const AlertModel::State before = model.state(); // as a replay seek point holds it: nobody acted yet
    model.acknowledge(QStringLiteral("al-1"), AlertAck{QStringLiteral("anna"), {}, 5000, false});
    model.silence(QStringLiteral("al-2"), 90 * kMinute);

    model.restoreState(before);

    EXPECT_EQ(data("al-1", AlertModel::AckByRole).toString(), QStringLiteral("anna"));
    EXPECT_EQ(data("al-2", AlertModel::SilencedUntilRole).toLongLong(), 90 * kMinute);

    // A seek to a moment after the alert was resolved keeps the acknowledgement in the history.
    model.applyResolved(6000, {{QStringLiteral("al-1"), {}}});
    AlertModel::State resolved = model.state();
    resolved.resolved.front().ack.reset();
    model.restoreState(resolved);
    EXPECT_FALSE(isOpen("al-1"));
    EXPECT_EQ(data("al-1", AlertModel::AckByRole).toString(), QStringLiteral("anna"));

    model.clear();
    model.restoreState(before);
    EXPECT_TRUE(data("al-1", AlertModel::AckByRole).toString().isEmpty()) << "clear() forgets them";
}

TEST_F(AlertOperatorTest, ANewOccurrenceOfAResolvedAlertNeedsANewAcknowledgement)
{
    model.applyAlerts(1000, {alert("al-1", Severity::Critical)});
    model.acknowledge(QStringLiteral("al-1"), AlertAck{QStringLiteral("anna"), {}, 2000, false});
    model.applyResolved(3000, {{QStringLiteral("al-1"), {}}});

    model.applyAlerts(4000, {alert("al-1", Severity::Critical)});

    EXPECT_TRUE(isOpen("al-1"));
    EXPECT_TRUE(data("al-1", AlertModel::AckByRole).toString().isEmpty());
    EXPECT_EQ(model.acknowledgedCount(), 0);
}

TEST_F(AlertOperatorTest, SummaryCounts)
{
    model.applyAlerts(1000, {alert("a", Severity::Critical), alert("b", Severity::Warning), alert("c", Severity::Info)});
    model.applyResolved(2000, {{QStringLiteral("c"), {}}});
    model.acknowledge(QStringLiteral("a"), AlertAck{QStringLiteral("anna"), {}, 3000, false});

    EXPECT_EQ(model.openCount(), 2);
    EXPECT_EQ(model.resolvedCount(), 1);
    EXPECT_EQ(model.acknowledgedCount(), 1);
    EXPECT_EQ(model.affectedUsers(), 240) << "summed over the open alerts only";
}

} // namespace
