// Client-side alert rules inside DashboardModels (issue 6, point 2): their alerts join the
// server's marked local, they are announced once, and their state travels with the aggregates so
// a replay seek comes out as playing straight through would.
#include "models/DashboardModels.h"
#include "support/TestClock.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

using namespace vantage;

namespace {

constexpr qint64 t0 = 1'700'000'000'000;
constexpr qint64 kSecond = 1000;

Message responseTime(qint64 atS, double ms)
{
    MetricsSample sample;
    sample.gauges.push_back(NamedValue{QStringLiteral("avg_response_ms"), ms});
    return Message{MessageKind::Metrics, -1, t0 + atS * kSecond, QStringLiteral("metrics"), sample};
}

Message serverAlert(qint64 atS, const char *id)
{
    AlertInfo alert;
    alert.id = QString::fromLatin1(id);
    alert.severity = Severity::Critical;
    alert.message = QStringLiteral("Payment provider unreachable");
    return Message{MessageKind::Alert, -1, t0 + atS * kSecond, QStringLiteral("alert"), alert};
}

FeedBatch batchOf(std::vector<Message> messages)
{
    FeedBatch batch;
    batch.messages = std::move(messages);
    return batch;
}

// Response time samples every 10 s from `fromS` to `toS`, at `ms`.
FeedBatch responseTimes(qint64 fromS, qint64 toS, double ms)
{
    std::vector<Message> messages;
    for (qint64 s = fromS; s <= toS; s += 10)
        messages.push_back(responseTime(s, ms));
    return batchOf(std::move(messages));
}

std::vector<QString> openIds(const DashboardModels &models)
{
    std::vector<QString> ids;
    for (int row = 0; row < models.alerts()->openCount(); ++row)
        ids.push_back(models.alerts()->index(row).data(AlertModel::IdRole).toString());
    return ids;
}

struct Fixture
{
    test::TestClock clock{t0};
    DashboardModels models{nullptr, [this] { return clock.now(); }, 100};
};

TEST(DashboardRuleAlerts, ABreachHeldForItsDurationRaisesALocalAlertOnce)
{
    Fixture f;
    QSignalSpy raised(&f.models, &DashboardModels::alertsRaised);

    f.models.applyBatch(responseTimes(0, 50, 2500)); // 50 s over 2,000 ms: not yet
    EXPECT_EQ(f.models.alerts()->openCount(), 0);

    f.models.applyBatch(responseTimes(60, 120, 2500));
    ASSERT_EQ(f.models.alerts()->openCount(), 1);
    const QModelIndex row = f.models.alerts()->index(0);
    EXPECT_TRUE(row.data(AlertModel::IsLocalRole).toBool());
    EXPECT_EQ(row.data(AlertModel::SeverityRole).toInt(), int(Severity::Warning));
    EXPECT_EQ(row.data(AlertModel::RaisedAtRole).toLongLong(), t0 + 60 * kSecond);
    ASSERT_EQ(raised.count(), 1);
    const auto alerts = raised.at(0).at(0).value<std::vector<AlertInfo>>();
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_TRUE(alerts[0].local);

    f.models.applyBatch(responseTimes(130, 400, 2500));
    EXPECT_EQ(raised.count(), 1) << "a firing rule is announced once";

    f.models.applyBatch(responseTimes(410, 420, 1700)); // below the 1,800 ms resolve level
    EXPECT_EQ(f.models.alerts()->openCount(), 0);
    EXPECT_EQ(f.models.alerts()->resolvedCount(), 1);
}

TEST(DashboardRuleAlerts, ServerAlertsAreAnnouncedWhenNewNotWhenUpdated)
{
    Fixture f;
    QSignalSpy raised(&f.models, &DashboardModels::alertsRaised);
    f.models.applyBatch(batchOf({serverAlert(1, "al-1")}));
    f.models.applyBatch(batchOf({serverAlert(2, "al-1")}));
    EXPECT_EQ(raised.count(), 1);
    EXPECT_FALSE(raised.at(0).at(0).value<std::vector<AlertInfo>>().at(0).local);
}

TEST(DashboardRuleAlerts, EditedRulesApplyToTheNextSamples)
{
    Fixture f;
    std::vector<AlertRule> rules = AlertRule::defaults();
    for (AlertRule &rule : rules) {
        if (rule.metric == QLatin1String("avg_response_ms")) {
            rule.fireAt = 3000;
            rule.resolveAt = 2800;
        }
    }
    f.models.setAlertRules(rules);
    f.models.applyBatch(responseTimes(0, 300, 2500));
    EXPECT_EQ(f.models.alerts()->openCount(), 0);
    EXPECT_EQ(f.models.alertRules(), rules);
}

TEST(DashboardRuleAlerts, ARestoredStateGoesOnExactlyAsPlayingStraightThrough)
{
    // Straight through: two stretches of samples.
    Fixture straight;
    straight.models.applyBatch(responseTimes(0, 40, 2500)); // pending: breaching for 40 s
    straight.models.applyBatch(responseTimes(50, 200, 2500));

    // A seek: the state after the first stretch, restored on another dashboard, then the second.
    Fixture first;
    first.models.applyBatch(responseTimes(0, 40, 2500));
    const DashboardAggregates point = first.models.aggregates();
    Fixture seeked;
    seeked.models.restoreAggregates(point);
    seeked.models.applyBatch(responseTimes(50, 200, 2500));

    ASSERT_EQ(straight.models.alerts()->openCount(), 1);
    EXPECT_EQ(seeked.models.aggregates(), straight.models.aggregates());
    EXPECT_EQ(openIds(seeked.models), openIds(straight.models));
}

TEST(DashboardRuleAlerts, ClearingForgetsWhereTheRulesStood)
{
    Fixture f;
    f.models.applyBatch(responseTimes(0, 40, 2500));
    f.models.clear();
    // Without the clear, the breach from 0 s would mature at 60 s; after it, one from 50 s has
    // lasted 40 s at 90 s.
    f.models.applyBatch(responseTimes(50, 90, 2500));
    EXPECT_EQ(f.models.alerts()->openCount(), 0);
}

TEST(DashboardRuleAlerts, ASnapshotLeavesTheRulesAlertsToTheirRules)
{
    Fixture f;
    f.models.applyBatch(responseTimes(0, 120, 2500));
    ASSERT_EQ(f.models.alerts()->openCount(), 1);
    SnapshotInfo snapshot; // the server's open set: nothing
    snapshot.metrics.gauges.push_back(NamedValue{QStringLiteral("avg_response_ms"), 2500});
    f.models.applyBatch(batchOf({Message{MessageKind::Snapshot, 9, t0 + 130 * kSecond, QStringLiteral("snapshot"),
                                         snapshot}}));
    EXPECT_EQ(f.models.alerts()->openCount(), 1);
    EXPECT_TRUE(f.models.alerts()->index(0).data(AlertModel::IsLocalRole).toBool());
}

TEST(DashboardRuleAlerts, ServerAcknowledgementsAreApplied)
{
    Fixture f;
    f.models.applyBatch(batchOf({serverAlert(1, "al-1")}));
    f.models.applyBatch(batchOf({Message{MessageKind::AlertAck, 7, t0 + 5 * kSecond, QStringLiteral("alert_ack"),
                                         AlertAckInfo{QStringLiteral("al-1"), QStringLiteral("ben"), {}}}}));
    const QModelIndex row = f.models.alerts()->index(0);
    EXPECT_EQ(row.data(AlertModel::AckByRole).toString(), QStringLiteral("ben"));
    EXPECT_EQ(row.data(AlertModel::AckAtRole).toLongLong(), t0 + 5 * kSecond);
}

} // namespace
