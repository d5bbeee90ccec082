#include "models/ActivityFeedModel.h"
#include "models/AlertModel.h"
#include "models/DashboardModels.h"
#include "models/FeedFilterProxy.h"
#include "models/MetricSeriesStore.h"
#include "models/TodayCounters.h"
#include "support/TestClock.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <cmath>

using namespace vantage;

namespace {

constexpr qint64 t0 = 1'700'000'000'000;

Message eventMessage(qint64 seq, const char *type, double value = qQNaN())
{
    LiveEvent e;
    e.id = QStringLiteral("ev%1").arg(seq);
    e.type = QString::fromLatin1(type);
    e.userName = QStringLiteral("user%1").arg(seq);
    e.value = value;
    return Message{MessageKind::Event, seq, t0 + seq, e.type, e};
}

Message metricsMessage(qint64 seq, double rps)
{
    MetricsSample m;
    m.gauges.push_back(NamedValue{QStringLiteral("requests_per_second"), rps});
    return Message{MessageKind::Metrics, seq, t0 + seq, QStringLiteral("metrics"), m};
}

Message alertMessage(qint64 seq, const char *id, Severity severity)
{
    AlertInfo a;
    a.id = QString::fromLatin1(id);
    a.severity = severity;
    a.message = QStringLiteral("alert %1").arg(a.id);
    return Message{MessageKind::Alert, seq, t0 + seq, QStringLiteral("alert"), a};
}

Message resolvedMessage(qint64 seq, const char *id)
{
    return Message{MessageKind::AlertResolved, seq, t0 + seq, QStringLiteral("alert_resolved"),
                   AlertResolvedInfo{QString::fromLatin1(id), QString()}};
}

Message activeUsersMessage(qint64 seq, double current)
{
    ActiveUsersUpdate update;
    update.current = current;
    return Message{MessageKind::ActiveUsers, seq, t0 + seq, QStringLiteral("active_users"), update};
}

struct Fixture
{
    test::TestClock clock{t0 + 10'000};
    DashboardModels models{nullptr, [this] { return clock.now(); }, 100};
    QAbstractItemModelTester feedTester{models.feed(), QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester filterTester{models.filteredFeed(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester alertTester{models.alerts(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal};
};

} // namespace

TEST(DashboardModels, MixedBatchUpdatesEverythingOnce)
{
    Fixture f;
    QSignalSpy feedInserted(f.models.feed(), &QAbstractItemModel::rowsInserted);
    QSignalSpy countersChanged(f.models.counters(), &TodayCounters::changed);
    QSignalSpy seriesChanged(f.models.series(), &MetricSeriesStore::changed);
    QSignalSpy applied(&f.models, &DashboardModels::batchApplied);

    FeedBatch batch;
    batch.messages = {eventMessage(1, "signup"),
                      metricsMessage(2, 100),
                      eventMessage(3, "payment", 25),
                      alertMessage(4, "a1", Severity::Critical),
                      alertMessage(5, "a2", Severity::Warning),
                      activeUsersMessage(6, 12),
                      eventMessage(7, "payment", 5),
                      metricsMessage(8, 140),
                      resolvedMessage(9, "a2"),
                      Message{MessageKind::Ping, 10, t0 + 10, QStringLiteral("ping"), {}}};
    batch.stats.messagesDecoded = 10;
    batch.stats.framesReceived = 11;
    batch.lastFrameMs = t0 + 9'000;
    f.models.applyBatch(batch);

    EXPECT_EQ(applied.count(), 1);
    EXPECT_EQ(feedInserted.count(), 1);
    ASSERT_EQ(f.models.feed()->rowCount(), 3);
    EXPECT_EQ(f.models.feed()->index(0).data(ActivityFeedModel::EventIdRole).toString(),
              QStringLiteral("ev7"));
    EXPECT_EQ(f.models.feed()->index(0).data(ActivityFeedModel::TimestampRole).toLongLong(), t0 + 7);
    EXPECT_EQ(f.models.feed()->index(0).data(ActivityFeedModel::SeqRole).toLongLong(), 7);
    EXPECT_EQ(f.models.filteredFeed()->rowCount(), 3);

    EXPECT_EQ(countersChanged.count(), 1);
    EXPECT_EQ(f.models.counters()->value(Counter::Signups), 1);
    EXPECT_EQ(f.models.counters()->value(Counter::Payments), 2);
    EXPECT_DOUBLE_EQ(f.models.counters()->value(Counter::Revenue), 30.0);
    EXPECT_EQ(f.models.counters()->value(Counter::ActiveUsers), 12);

    EXPECT_EQ(seriesChanged.count(), 1);
    const MetricSeries *rps = f.models.series()->series(QStringLiteral("requests_per_second"));
    ASSERT_NE(rps, nullptr);
    EXPECT_EQ(rps->size(), 2);
    EXPECT_DOUBLE_EQ(rps->latest(), 140.0);

    EXPECT_EQ(f.models.alerts()->openCount(), 1);
    EXPECT_EQ(f.models.alerts()->rowCount(), 2);
    EXPECT_EQ(f.models.alerts()->index(1).data(AlertModel::IdRole).toString(), QStringLiteral("a2"));

    EXPECT_EQ(f.models.stats().messagesDecoded, 10u);
    EXPECT_EQ(f.models.stats().framesReceived, 11u);
    EXPECT_EQ(f.models.lastFrameMs(), t0 + 9'000);
}

TEST(DashboardModels, LastFrameAndDataAge)
{
    Fixture f;
    EXPECT_EQ(f.models.lastFrameMs(), 0);
    EXPECT_EQ(f.models.dataAgeMs(), -1);

    FeedBatch batch;
    batch.lastFrameMs = t0 + 9'000;
    f.models.applyBatch(batch);
    EXPECT_EQ(f.models.dataAgeMs(), 1'000);
    f.clock.advance(4'000);
    EXPECT_EQ(f.models.dataAgeMs(), 5'000);

    // A batch without frames keeps the last known frame time.
    FeedBatch empty;
    f.models.applyBatch(empty);
    EXPECT_EQ(f.models.lastFrameMs(), t0 + 9'000);

    // A log paused at a moment shows that moment: its data is not getting old.
    ConnectionStatus paused;
    paused.state = ConnectionState::Live;
    paused.paused = true;
    paused.transport = QStringLiteral("replay");
    f.models.setConnectionStatus(paused);
    EXPECT_EQ(f.models.dataAgeMs(), 0);
}

TEST(DashboardModels, APlayingLogShowsItsOwnTimeAsNow)
{
    Fixture f;
    const qint64 logTime = t0 - 162LL * 24 * 3600 * 1000;
    FeedBatch batch;
    batch.stats.replay.playback.logTimeMs = logTime;
    f.models.applyBatch(batch);
    ConnectionStatus status;
    status.state = ConnectionState::Live;
    status.transport = QStringLiteral("demo");
    f.models.setConnectionStatus(status);
    EXPECT_EQ(f.models.shownNowMs(), f.models.nowMs());

    status.transport = QStringLiteral("replay");
    f.models.setConnectionStatus(status);
    EXPECT_EQ(f.models.shownNowMs(), logTime);
}

TEST(DashboardModels, EventsPerSecondOverTheLastFiveSeconds)
{
    Fixture f;
    EXPECT_EQ(f.models.eventsPerSecond(), 0.0);
    FeedBatch batch;
    for (int i = 0; i < 10; ++i)
        batch.messages.push_back(eventMessage(i, "invitation"));
    f.models.applyBatch(batch); // 10 at t
    f.clock.advance(2'000);
    f.models.applyBatch(batch); // 10 at t + 2 s
    f.clock.advance(2'000);
    EXPECT_DOUBLE_EQ(f.models.eventsPerSecond(), 20.0 / 5.0);

    f.clock.advance(1'500); // the first batch is now 5.5 s old
    EXPECT_DOUBLE_EQ(f.models.eventsPerSecond(), 10.0 / 5.0);
    f.clock.advance(5'000);
    EXPECT_DOUBLE_EQ(f.models.eventsPerSecond(), 0.0);
}

TEST(DashboardModels, SnapshotSetsCountersReplacesAlertsAndPrefillsFeed)
{
    Fixture f;
    FeedBatch first;
    first.messages = {eventMessage(1, "signup"), alertMessage(2, "old", Severity::Error)};
    f.models.applyBatch(first);

    SnapshotInfo snapshot;
    snapshot.counters = {NamedValue{QStringLiteral("signups"), 40},
                         NamedValue{QStringLiteral("revenue"), 1234}};
    snapshot.activeUsers.current = 77;
    snapshot.metrics.gauges.push_back(NamedValue{QStringLiteral("queue_depth"), 3});
    AlertInfo open;
    open.id = QStringLiteral("fresh");
    open.severity = Severity::Critical;
    snapshot.alerts = {open};
    LiveEvent repeated = std::get<LiveEvent>(eventMessage(1, "signup").body);
    LiveEvent unseen = std::get<LiveEvent>(eventMessage(50, "payment").body);
    snapshot.events = {repeated, unseen};

    QSignalSpy feedInserted(f.models.feed(), &QAbstractItemModel::rowsInserted);
    FeedBatch second;
    second.messages = {Message{MessageKind::Snapshot, 3, t0 + 3, QStringLiteral("snapshot"), snapshot}};
    f.models.applyBatch(second);

    EXPECT_EQ(f.models.counters()->value(Counter::Signups), 40);
    EXPECT_EQ(f.models.counters()->value(Counter::Revenue), 1234);
    EXPECT_EQ(f.models.counters()->value(Counter::ActiveUsers), 77);
    EXPECT_DOUBLE_EQ(f.models.series()->latest(QStringLiteral("queue_depth")), 3.0);
    EXPECT_EQ(f.models.alerts()->openCount(), 1);
    EXPECT_EQ(f.models.alerts()->index(0).data(AlertModel::IdRole).toString(), QStringLiteral("fresh"));
    // The event already shown is not repeated; the new one prefills the feed.
    EXPECT_EQ(feedInserted.count(), 1);
    ASSERT_EQ(f.models.feed()->rowCount(), 2);
    EXPECT_EQ(f.models.feed()->index(0).data(ActivityFeedModel::EventIdRole).toString(),
              QStringLiteral("ev50"));
    EXPECT_EQ(f.models.feed()->index(0).data(ActivityFeedModel::SeqRole).toLongLong(), -1);
}

TEST(DashboardModels, ConnectionStatusIsKeptAndSignalled)
{
    Fixture f;
    QSignalSpy spy(&f.models, &DashboardModels::connectionStatusChanged);
    ConnectionStatus status;
    status.state = ConnectionState::Reconnecting;
    status.transport = QStringLiteral("websocket");
    status.attempt = 2;
    f.models.setConnectionStatus(status);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<ConnectionStatus>().attempt, 2);
    EXPECT_EQ(f.models.connectionStatus().state, ConnectionState::Reconnecting);
    EXPECT_EQ(f.models.connectionStatus().transport, QStringLiteral("websocket"));
}

namespace {

// An event and a snapshot prefilling one more, each with all five strings of free text.
FeedBatch batchWithText(LiveEvent &live, LiveEvent &prefilled)
{
    for (LiveEvent *event : {&live, &prefilled}) {
        const QString n = event == &live ? QStringLiteral("1") : QStringLiteral("2");
        event->id = QStringLiteral("evt_") + n;
        event->type = QStringLiteral("signup");
        event->userId = QStringLiteral("usr_") + n;
        event->userName = QStringLiteral("Ana ") + n;
        event->description = QStringLiteral("Signed up as a supplier, ") + n;
        event->metadataJson = QStringLiteral(R"({"n":)") + n + QLatin1Char('}');
    }
    SnapshotInfo snapshot;
    snapshot.events.push_back(prefilled);
    FeedBatch batch;
    batch.messages = {Message{MessageKind::Snapshot, 1, t0, QStringLiteral("snapshot"), snapshot},
                      Message{MessageKind::Event, 2, t0 + 2, live.type, live}};
    return batch;
}

std::vector<const QString *> freeText(const LiveEvent &event)
{
    return {&event.id, &event.userId, &event.userName, &event.description, &event.metadataJson};
}

} // namespace

TEST(DashboardModels, FeedRowsKeepACopyOfTheEventsTextMadeHere)
{
    DashboardModels models;
    LiveEvent live;
    LiveEvent prefilled;
    FeedBatch batch = batchWithText(live, prefilled);
    models.applyBatch(batch);
    batch = FeedBatch(); // the decoder's strings are now held by `live` and `prefilled` alone

    ASSERT_EQ(models.feed()->rowCount(), 2);
    EXPECT_EQ(models.feed()->itemAt(0).event, live);
    EXPECT_EQ(models.feed()->itemAt(1).event, prefilled);
    for (const LiveEvent *decoded : {&live, &prefilled}) {
        for (const QString *text : freeText(*decoded))
            EXPECT_TRUE(text->isDetached()) << text->toStdString();
    }
}

TEST(DashboardModels, ModelsFedWhereTheFramesAreDecodedShareTheirText)
{
    DashboardModels models;
    models.setShareDecodedText(true);
    LiveEvent live;
    LiveEvent prefilled;
    FeedBatch batch = batchWithText(live, prefilled);
    models.applyBatch(batch);
    batch = FeedBatch();

    ASSERT_EQ(models.feed()->rowCount(), 2);
    EXPECT_EQ(models.feed()->itemAt(0).event.description.constData(), live.description.constData());
    EXPECT_FALSE(prefilled.id.isDetached());
}
