#include "models/ActivityFeedModel.h"
#include "models/AlertModel.h"
#include "models/DashboardAggregates.h"
#include "models/DashboardModels.h"
#include "models/MetricSeriesStore.h"
#include "models/TodayCounters.h"
#include "support/TestClock.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace vantage;

namespace {

constexpr qint64 t0 = 1'700'000'000'000;
constexpr qint64 minuteMs = 60'000;
constexpr qint64 dayMs = 24 * 60 * minuteMs;

Message message(qint64 tsMs, MessageKind kind, MessageBody body)
{
    return Message{kind, -1, tsMs, QString(messageKindName(kind)), std::move(body)};
}

// Without a value (NaN), so feed comparisons cover an absent amount.
Message event(qint64 tsMs, const QString &id, const char *type, const char *role = "")
{
    LiveEvent e;
    e.id = id;
    e.type = QString::fromLatin1(type);
    e.role = QString::fromLatin1(role);
    e.userName = QStringLiteral("user ") + id;
    return message(tsMs, MessageKind::Event, e);
}

Message payment(qint64 tsMs, const QString &id, double amount)
{
    Message m = event(tsMs, id, "payment");
    std::get<LiveEvent>(m.body).value = amount;
    return m;
}

Message metrics(qint64 tsMs, std::vector<NamedValue> gauges)
{
    return message(tsMs, MessageKind::Metrics, MetricsSample{std::move(gauges)});
}

Message activeUsers(qint64 tsMs, double current)
{
    ActiveUsersUpdate update;
    update.current = current;
    return message(tsMs, MessageKind::ActiveUsers, update);
}

Message alert(qint64 tsMs, const QString &id, Severity severity)
{
    return message(tsMs, MessageKind::Alert,
                   AlertInfo{id, severity, QStringLiteral("alert ") + id, 3, false});
}

Message resolved(qint64 tsMs, const QString &id)
{
    return message(tsMs, MessageKind::AlertResolved, AlertResolvedInfo{id, QStringLiteral("fixed")});
}

FeedBatch batch(std::vector<Message> messages, quint64 decoded = 0)
{
    FeedBatch b;
    b.messages = std::move(messages);
    b.stats.messagesDecoded = decoded;
    b.lastFrameMs = b.messages.empty() ? 0 : b.messages.back().tsMs;
    return b;
}

// Everything the aggregates hold: events, metrics, active users, alerts, a resolution, a snapshot.
FeedBatch firstBatch()
{
    SnapshotInfo snapshot;
    snapshot.counters = {NamedValue{QStringLiteral("signups"), 40},
                         NamedValue{QStringLiteral("revenue"), 900}};
    snapshot.activeUsers.current = 30;
    snapshot.metrics.gauges = {NamedValue{QStringLiteral("queue_depth"), 4}};
    snapshot.alerts = {AlertInfo{QStringLiteral("s1"), Severity::Error, QStringLiteral("disk"), 0, true}};
    snapshot.events = {std::get<LiveEvent>(event(t0, QStringLiteral("snap-ev"), "invitation").body)};
    return batch({message(t0, MessageKind::Snapshot, snapshot),
                  event(t0 + minuteMs, QStringLiteral("e1"), "signup", "supplier"),
                  payment(t0 + 2 * minuteMs, QStringLiteral("e2"), 25),
                  metrics(t0 + 2 * minuteMs, {NamedValue{QStringLiteral("requests_per_second"), 100},
                                              NamedValue{QStringLiteral("cpu_percent"), 40}}),
                  activeUsers(t0 + 3 * minuteMs, 12),
                  alert(t0 + 3 * minuteMs, QStringLiteral("a1"), Severity::Critical),
                  alert(t0 + 4 * minuteMs, QStringLiteral("a2"), Severity::Warning),
                  resolved(t0 + 5 * minuteMs, QStringLiteral("a2"))},
                 8);
}

// Changes every aggregate of firstBatch(); `minute` places it in time.
FeedBatch laterBatch(qint64 minute, const QString &tag)
{
    const qint64 ts = t0 + minute * minuteMs;
    return batch({event(ts, tag + QStringLiteral("-signup"), "signup", "couple"),
                  payment(ts, tag + QStringLiteral("-pay"), 7.5),
                  event(ts + 1, tag + QStringLiteral("-form"), "form_submission"),
                  metrics(ts + 2, {NamedValue{QStringLiteral("requests_per_second"), double(minute)},
                                   NamedValue{tag + QStringLiteral("_gauge"), 1}}),
                  activeUsers(ts + 3, double(minute)),
                  alert(ts + 4, tag + QStringLiteral("-alert"), Severity::Info),
                  resolved(ts + 5, QStringLiteral("a1"))},
                 100 + quint64(minute));
}

std::vector<FeedItem> feedItems(const DashboardModels &models)
{
    std::vector<FeedItem> items;
    for (int row = 0; row < models.feed()->rowCount(); ++row)
        items.push_back(models.feed()->itemAt(row));
    return items;
}

struct Fixture
{
    test::TestClock clock{t0};
    DashboardModels models{nullptr, [this] { return clock.now(); }, 1000};
    QAbstractItemModelTester alertTester{models.alerts(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal};
};

} // namespace

TEST(DashboardAggregates, RestoreBringsBackTheCapturedAggregatesOnAnEmptyFeed)
{
    Fixture f;
    f.models.applyBatch(firstBatch());
    const DashboardAggregates captured = f.models.aggregates();
    const double signups = f.models.counters()->value(Counter::Signups);

    f.models.applyBatch(laterBatch(10, QStringLiteral("b")));
    ConnectionStatus live;
    live.state = ConnectionState::Live;
    f.models.setConnectionStatus(live);
    ASSERT_NE(f.models.aggregates(), captured);
    ASSERT_GT(f.models.feed()->rowCount(), 0);

    QSignalSpy restored(&f.models, &DashboardModels::restored);
    QSignalSpy cleared(&f.models, &DashboardModels::cleared);
    QSignalSpy countersChanged(f.models.counters(), &TodayCounters::changed);
    QSignalSpy seriesChanged(f.models.series(), &MetricSeriesStore::changed);
    QSignalSpy alertsReset(f.models.alerts(), &QAbstractItemModel::modelReset);
    f.models.restoreAggregates(captured);

    EXPECT_EQ(f.models.aggregates(), captured);
    EXPECT_EQ(f.models.feed()->rowCount(), 0);
    EXPECT_EQ(restored.count(), 1);
    EXPECT_EQ(cleared.count(), 0);
    EXPECT_EQ(countersChanged.count(), 1);
    EXPECT_EQ(seriesChanged.count(), 1);
    EXPECT_EQ(alertsReset.count(), 1);
    // The models show the restored values, not only report them.
    EXPECT_EQ(f.models.counters()->value(Counter::Signups), signups);
    EXPECT_EQ(f.models.series()->names(),
              (QStringList{QStringLiteral("queue_depth"), QStringLiteral("requests_per_second"),
                           QStringLiteral("cpu_percent")}));
    EXPECT_EQ(f.models.alerts()->rowCount(), 3); // a1 and s1 open, a2 resolved
    EXPECT_EQ(f.models.alerts()->openCount(), 2);
    // Stats, status and the last frame time belong to the session, not to the aggregates.
    EXPECT_EQ(f.models.stats().messagesDecoded, 110u);
    EXPECT_EQ(f.models.connectionStatus().state, ConnectionState::Live);
    EXPECT_EQ(f.models.lastFrameMs(), t0 + 10 * minuteMs + 5);
}

TEST(DashboardAggregates, RestoreIntoFreshModelsGivesEqualAggregates)
{
    Fixture source;
    source.models.applyBatch(firstBatch());
    source.models.applyBatch(laterBatch(10, QStringLiteral("b")));
    const DashboardAggregates captured = source.models.aggregates();

    Fixture fresh;
    DashboardAggregates empty;
    empty.ruleState = AlertRuleEvaluator(AlertRule::defaults()); // a dashboard starts with the default rules
    EXPECT_EQ(fresh.models.aggregates(), empty);
    fresh.models.restoreAggregates(captured);

    EXPECT_EQ(fresh.models.aggregates(), captured);
    EXPECT_EQ(fresh.models.counters()->lastHourPerMinute(Counter::Payments),
              source.models.counters()->lastHourPerMinute(Counter::Payments));
    EXPECT_EQ(fresh.models.counters()->value(Counter::Revenue), 932.5);
    const MetricSeries *rps = fresh.models.series()->series(QStringLiteral("requests_per_second"));
    ASSERT_NE(rps, nullptr);
    EXPECT_EQ(rps->size(), 2);
    EXPECT_EQ(rps->latest(), 10.0);
    ASSERT_EQ(fresh.models.alerts()->rowCount(), source.models.alerts()->rowCount());
    for (int row = 0; row < source.models.alerts()->rowCount(); ++row)
        EXPECT_EQ(fresh.models.alerts()->index(row).data(AlertModel::IdRole),
                  source.models.alerts()->index(row).data(AlertModel::IdRole));
}

TEST(DashboardAggregates, RoundTripAfterADayRollover)
{
    Fixture source;
    source.models.applyBatch(firstBatch());
    const QDate firstDay = source.models.counters()->day();
    QSignalSpy sourceRolled(source.models.counters(), &TodayCounters::dayRolledOver);
    source.models.applyBatch(laterBatch(2 * 24 * 60, QStringLiteral("d2")));
    ASSERT_EQ(sourceRolled.count(), 1);
    const DashboardAggregates captured = source.models.aggregates();
    EXPECT_NE(captured.counters.day, firstDay);

    Fixture fresh;
    fresh.models.applyBatch(firstBatch());
    QSignalSpy rolled(fresh.models.counters(), &TodayCounters::dayRolledOver);
    fresh.models.restoreAggregates(captured);
    EXPECT_EQ(rolled.count(), 0);
    EXPECT_EQ(fresh.models.aggregates(), captured);
    EXPECT_EQ(fresh.models.counters()->day(), captured.counters.day);
    EXPECT_EQ(fresh.models.counters()->value(Counter::Signups), 1); // only the new day's signup

    // The restored day bounds roll over where the source's do.
    const FeedBatch nextDay = laterBatch(3 * 24 * 60, QStringLiteral("d3"));
    source.models.applyBatch(nextDay);
    fresh.models.applyBatch(nextDay);
    EXPECT_EQ(rolled.count(), 1);
    EXPECT_EQ(fresh.models.aggregates(), source.models.aggregates());
    EXPECT_GT(fresh.models.counters()->day(), captured.counters.day);
}

TEST(DashboardAggregates, AlertModelStaysConsistentAcrossRestores)
{
    Fixture f; // its Fatal model tester checks every signal of the alert model
    f.models.applyBatch(firstBatch());
    const DashboardAggregates few = f.models.aggregates();
    for (int i = 0; i < 5; ++i)
        f.models.applyBatch(laterBatch(10 + i, QStringLiteral("m%1").arg(i)));
    const DashboardAggregates more = f.models.aggregates();
    ASSERT_GT(more.alerts.open.size() + more.alerts.resolved.size(),
              few.alerts.open.size() + few.alerts.resolved.size());

    f.models.restoreAggregates(few);
    EXPECT_EQ(f.models.alerts()->rowCount(), int(few.alerts.open.size() + few.alerts.resolved.size()));
    f.models.restoreAggregates(more);
    EXPECT_EQ(f.models.alerts()->rowCount(), int(more.alerts.open.size() + more.alerts.resolved.size()));
    EXPECT_EQ(f.models.alerts()->index(0).data(AlertModel::IdRole).toString(),
              more.alerts.open.front().info.id);
    f.models.restoreAggregates(DashboardAggregates());
    EXPECT_EQ(f.models.alerts()->rowCount(), 0);
    // Still a working model after the resets.
    f.models.applyBatch(laterBatch(30, QStringLiteral("after")));
    EXPECT_EQ(f.models.alerts()->openCount(), 1);
}

TEST(DashboardAggregates, ApproxBytesGrowsWithTheContent)
{
    Fixture f;
    const qint64 empty = f.models.aggregates().approxBytes();
    EXPECT_GE(empty, qint64(sizeof(DashboardAggregates)));
    f.models.applyBatch(firstBatch());
    const qint64 first = f.models.aggregates().approxBytes();
    EXPECT_GT(first, empty);

    std::vector<Message> alerts;
    for (int i = 0; i < 50; ++i)
        alerts.push_back(alert(t0 + 6 * minuteMs, QStringLiteral("many%1").arg(i), Severity::Error));
    f.models.applyBatch(batch(std::move(alerts)));
    const qint64 withAlerts = f.models.aggregates().approxBytes();
    EXPECT_GT(withAlerts, first);

    std::vector<NamedValue> gauges;
    for (int i = 0; i < 20; ++i)
        gauges.push_back(NamedValue{QStringLiteral("gauge_%1").arg(i), double(i)});
    f.models.applyBatch(batch({metrics(t0 + 7 * minuteMs, gauges)}));
    const qint64 withSeries = f.models.aggregates().approxBytes();
    EXPECT_GT(withSeries, withAlerts);

    std::vector<Message> points;
    for (int i = 0; i < 100; ++i)
        points.push_back(metrics(t0 + 8 * minuteMs + i, {NamedValue{QStringLiteral("gauge_0"), double(i)}}));
    f.models.applyBatch(batch(std::move(points)));
    EXPECT_GT(f.models.aggregates().approxBytes(), withSeries);
}

TEST(DashboardAggregates, RestoringThenReplayingMatchesPlayingStraightThrough)
{
    const std::vector<FeedBatch> after = {laterBatch(10, QStringLiteral("b")),
                                          laterBatch(11, QStringLiteral("c")),
                                          laterBatch(40, QStringLiteral("d"))};

    Fixture straight;
    straight.models.applyBatch(firstBatch());
    const DashboardAggregates checkpoint = straight.models.aggregates();
    for (const FeedBatch &b : after)
        straight.models.applyBatch(b);

    // A session that played further, then seeks back to the checkpoint and replays from there.
    Fixture seeking;
    seeking.models.applyBatch(firstBatch());
    for (const FeedBatch &b : after)
        seeking.models.applyBatch(b);
    seeking.models.applyBatch(laterBatch(90, QStringLiteral("e")));
    ASSERT_NE(seeking.models.aggregates(), straight.models.aggregates());
    seeking.models.restoreAggregates(checkpoint);
    for (const FeedBatch &b : after)
        seeking.models.applyBatch(b);

    EXPECT_EQ(seeking.models.aggregates(), straight.models.aggregates());
    // The feed holds what was replayed since the checkpoint: the newest rows of the straight run.
    const std::vector<FeedItem> replayed = feedItems(seeking.models);
    const std::vector<FeedItem> all = feedItems(straight.models);
    ASSERT_EQ(replayed.size(), 9u);
    ASSERT_GT(all.size(), replayed.size());
    EXPECT_EQ(replayed, std::vector<FeedItem>(all.begin(), all.begin() + qsizetype(replayed.size())));
}

TEST(DashboardAggregates, CopyFromTakesOnEverythingTheOtherShows)
{
    Fixture live;
    live.models.applyBatch(firstBatch());
    live.models.applyBatch(laterBatch(10, QStringLiteral("b")));
    ConnectionStatus status;
    status.state = ConnectionState::Live;
    status.transport = QStringLiteral("websocket");
    live.models.setConnectionStatus(status);

    Fixture shown;
    shown.models.applyBatch(laterBatch(3, QStringLiteral("other")));
    QAbstractItemModelTester feedTester{shown.models.feed(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal};
    QSignalSpy restored(&shown.models, &DashboardModels::restored);
    shown.models.copyFrom(live.models);

    EXPECT_EQ(restored.count(), 1);
    EXPECT_EQ(shown.models.aggregates(), live.models.aggregates());
    EXPECT_EQ(feedItems(shown.models), feedItems(live.models));
    EXPECT_EQ(shown.models.stats().messagesDecoded, 110u);
    EXPECT_EQ(shown.models.lastFrameMs(), live.models.lastFrameMs());
    EXPECT_EQ(shown.models.connectionStatus().transport, QStringLiteral("websocket"));
    EXPECT_EQ(shown.models.eventsPerSecond(), live.models.eventsPerSecond());

    // Both go on alike: a snapshot de-duplicates against the copied rows as against the originals.
    const FeedBatch next = firstBatch();
    live.models.applyBatch(next);
    shown.models.applyBatch(next);
    EXPECT_EQ(feedItems(shown.models), feedItems(live.models));
    EXPECT_EQ(shown.models.aggregates(), live.models.aggregates());
}
