#include "models/DashboardModels.h"

#include <QMetaMethod>
#include <QSet>
#include <QThread>

namespace vantage {

namespace {

// Batches arrive at frame cadence (about 60 Hz), so twice that over the window is ample.
constexpr qsizetype rateSamples = 600;

} // namespace

DashboardModels::DashboardModels(QObject *parent, NowFn now, qsizetype feedCapacity)
    : QObject(parent)
    , m_now(std::move(now))
    , m_feed(new ActivityFeedModel(feedCapacity, this))
    , m_filteredFeed(new FeedFilterProxy(this))
    , m_alerts(new AlertModel(this))
    , m_counters(new TodayCounters(this))
    , m_series(new MetricSeriesStore(this))
    , m_geo(new GeoActivityModel(qMin(feedCapacity, GeoActivityModel::kDefaultCapacity), this))
    , m_alertRules(AlertRule::defaults())
    , m_ruleState(m_alertRules)
    , m_rate(rateSamples)
{
    m_filteredFeed->setSourceModel(m_feed);
    m_filteredFeed->setPlaceOf([geo = m_geo](const GeoLocation &location) { return geo->placeOf(location); });
}

namespace {

// A copy of the event whose free text (the id, user, description and metadata) is allocated here.
// The decoder allocated it on the feed thread among that batch's short-lived data; a row kept it
// there for 50,000 events and pinned the pages around it, and the feed thread's heap held a growing
// share of free memory over ten million events (docs/performance.md, "Memory"). The names are
// interned and shared as they are.
LiveEvent withOwnText(const LiveEvent &decoded)
{
    LiveEvent event = decoded;
    for (QString *text :
         {&event.id, &event.userId, &event.userName, &event.description, &event.metadataJson}) {
        if (!text->isEmpty())
            *text = QString(text->constData(), text->size());
    }
    return event;
}

} // namespace

LiveEvent DashboardModels::rowEvent(const LiveEvent &decoded) const
{
    return m_shareDecodedText ? decoded : withOwnText(decoded);
}

void DashboardModels::applyBatch(const FeedBatch &batch)
{
    Q_ASSERT(QThread::currentThread() == thread());

    std::vector<FeedItem> feedItems;
    feedItems.reserve(batch.messages.size());
    std::vector<AlertInfo> raised;
    // Events as they happen, for notifications; a snapshot's recent events are history.
    std::vector<FeedItem> news;
    const bool wantsNews = isSignalConnected(QMetaMethod::fromSignal(&DashboardModels::eventsAdded));
    qint64 newestTs = 0;

    m_counters->beginUpdate();
    m_series->beginUpdate();
    for (const Message &msg : batch.messages) {
        newestTs = qMax(newestTs, msg.tsMs);
        m_alerts->advanceTo(newestTs);
        if (const auto *event = std::get_if<LiveEvent>(&msg.body)) {
            m_counters->applyEvent(msg.tsMs, *event);
            feedItems.push_back(FeedItem{msg.tsMs, msg.seq, rowEvent(*event)});
            if (wantsNews)
                news.push_back(feedItems.back());
        } else if (const auto *metrics = std::get_if<MetricsSample>(&msg.body)) {
            m_series->applyMetrics(msg.tsMs, *metrics);
            applyRuleTransitions(m_ruleState.onSample(msg.tsMs, *metrics), raised);
        } else if (const auto *active = std::get_if<ActiveUsersUpdate>(&msg.body)) {
            m_counters->applyActiveUsers(msg.tsMs, active->current);
            applyActiveLocations(*active);
        } else if (const auto *alert = std::get_if<AlertInfo>(&msg.body)) {
            raiseAlert(msg.tsMs, *alert, raised);
        } else if (const auto *resolved = std::get_if<AlertResolvedInfo>(&msg.body)) {
            m_alerts->applyResolved(msg.tsMs, {*resolved});
        } else if (const auto *ack = std::get_if<AlertAckInfo>(&msg.body)) {
            m_alerts->applyAck(msg.tsMs, *ack);
        } else if (const auto *snapshot = std::get_if<SnapshotInfo>(&msg.body)) {
            m_counters->applySnapshot(msg.tsMs, snapshot->counters);
            m_counters->applyActiveUsers(msg.tsMs, snapshot->activeUsers.current);
            applyActiveLocations(snapshot->activeUsers);
            m_series->applyMetrics(msg.tsMs, snapshot->metrics);
            applyRuleTransitions(m_ruleState.onSample(msg.tsMs, snapshot->metrics), raised);
            for (const AlertInfo &alert : snapshot->alerts) {
                const AlertRow *row = m_alerts->find(alert.id);
                if (!row || row->resolvedAtMs > 0)
                    raised.push_back(alert);
            }
            m_alerts->replaceOpen(msg.tsMs, snapshot->alerts);

            // After a reconnect the snapshot repeats events the feed already shows.
            QSet<QString> shown;
            const int rows = qMin(m_feed->rowCount(), kSnapshotDedupRows);
            for (int row = 0; row < rows; ++row)
                shown.insert(m_feed->itemAt(row).event.id);
            for (const FeedItem &item : feedItems)
                shown.insert(item.event.id);
            // The snapshot's events carry no time of their own; they are taken as oldest first.
            for (const LiveEvent &event : snapshot->events) {
                if (event.id.isEmpty() || !shown.contains(event.id))
                    feedItems.push_back(FeedItem{msg.tsMs, -1, rowEvent(event)});
            }
        }
    }
    // Heartbeats and other kinds still move the counters' and the alerts' clocks (midnight
    // rollover, auto-resolve, silences, rules removed since the last batch).
    if (newestTs > 0) {
        m_counters->advanceTo(newestTs);
        applyRuleTransitions(m_ruleState.advanceTo(newestTs), raised);
        m_alerts->advanceTo(newestTs);
    }
    m_geo->appendEvents(feedItems);
    if (!news.empty())
        Q_EMIT eventsAdded(news);
    m_feed->appendBatch(std::move(feedItems));
    m_series->endUpdate();
    m_counters->endUpdate();

    m_stats = batch.stats;
    if (batch.lastFrameMs > 0)
        m_lastFrameMs = batch.lastFrameMs;
    m_rate.push(RateSample{m_now(), static_cast<quint64>(batch.messages.size())});
    if (!raised.empty())
        Q_EMIT alertsRaised(raised);
    Q_EMIT batchApplied();
}

void DashboardModels::raiseAlert(qint64 tsMs, const AlertInfo &alert, std::vector<AlertInfo> &raised)
{
    const AlertRow *row = m_alerts->find(alert.id);
    if (!row || row->resolvedAtMs > 0)
        raised.push_back(alert);
    m_alerts->applyAlerts(tsMs, {alert});
}

void DashboardModels::applyRuleTransitions(const std::vector<RuleTransition> &transitions,
                                           std::vector<AlertInfo> &raised)
{
    for (const RuleTransition &transition : transitions) {
        switch (transition.kind) {
        case RuleTransition::Kind::Fired: raiseAlert(transition.tsMs, transition.alert, raised); break;
        case RuleTransition::Kind::Resolved: m_alerts->applyResolved(transition.tsMs, {transition.resolved}); break;
        case RuleTransition::Kind::Suppressed: break; // counted in the rule's stats
        }
    }
}

void DashboardModels::setAlertRules(std::vector<AlertRule> rules)
{
    m_alertRules = rules;
    m_ruleState.setRules(std::move(rules));
}

void DashboardModels::applyActiveLocations(const ActiveUsersUpdate &update)
{
    // An update without places says nothing about them, unless nobody is active any more.
    if (!update.locations.empty() || update.current == 0)
        m_geo->setActiveLocations(update.locations);
}

void DashboardModels::setConnectionStatus(const ConnectionStatus &status)
{
    m_status = status;
    Q_EMIT connectionStatusChanged(m_status);
}

void DashboardModels::clear()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_feed->clear();
    m_alerts->clear();
    m_counters->clear();
    m_series->clear();
    m_geo->clear();
    m_ruleState = AlertRuleEvaluator(m_alertRules);
    m_stats = FeedStats();
    m_lastFrameMs = 0;
    m_rate.clear();
    Q_EMIT cleared();
    setConnectionStatus(ConnectionStatus());
}

DashboardAggregates DashboardModels::aggregates() const
{
    Q_ASSERT(QThread::currentThread() == thread());
    return DashboardAggregates{m_alerts->state(), m_counters->state(), m_series->state(),
                               m_geo->activeLocations(), m_ruleState};
}

void DashboardModels::restoreAggregates(const DashboardAggregates &aggregates)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_counters->beginUpdate();
    m_series->beginUpdate();
    m_feed->clear();
    m_alerts->restoreState(aggregates.alerts);
    m_counters->restoreState(aggregates.counters);
    m_series->restoreState(aggregates.series);
    m_geo->clearEvents();
    m_geo->setActiveLocations(aggregates.activeLocations);
    // The state was computed with the rules of its time; this dashboard's rules apply from here,
    // keeping the state of every rule whose id they share.
    m_ruleState = aggregates.ruleState;
    if (m_ruleState.rules() != m_alertRules)
        m_ruleState.setRules(m_alertRules);
    m_series->endUpdate();
    m_counters->endUpdate();
    Q_EMIT restored();
}

void DashboardModels::copyFrom(const DashboardModels &other)
{
    Q_ASSERT(QThread::currentThread() == thread());
    Q_ASSERT(other.m_feed->capacity() == m_feed->capacity());
    m_alertRules = other.m_alertRules;
    restoreAggregates(other.aggregates());
    m_series->copyHistoryFrom(*other.m_series);
    std::vector<FeedItem> items;
    const int rows = other.m_feed->rowCount();
    items.reserve(static_cast<size_t>(rows));
    for (int row = rows - 1; row >= 0; --row)
        items.push_back(other.m_feed->itemAt(row));
    m_geo->appendEvents(items);
    m_feed->appendBatch(std::move(items));
    m_stats = other.m_stats;
    m_lastFrameMs = other.m_lastFrameMs;
    m_rate = other.m_rate;
    Q_EMIT batchApplied();
    setConnectionStatus(other.m_status);
}

ActivityFeedModel *DashboardModels::feed() const
{
    return m_feed;
}

qint64 DashboardModels::shownNowMs() const
{
    const qint64 logTimeMs = m_stats.replay.playback.logTimeMs;
    if (m_status.transport == QLatin1String("replay") && logTimeMs > 0)
        return logTimeMs;
    return nowMs();
}

quint64 DashboardModels::seekFeedWindow() const
{
    return quint64(m_feed->capacity()) + quint64(kSnapshotDedupRows);
}

FeedFilterProxy *DashboardModels::filteredFeed() const
{
    return m_filteredFeed;
}

AlertModel *DashboardModels::alerts() const
{
    return m_alerts;
}

TodayCounters *DashboardModels::counters() const
{
    return m_counters;
}

MetricSeriesStore *DashboardModels::series() const
{
    return m_series;
}

const FeedStats &DashboardModels::stats() const
{
    return m_stats;
}

const ConnectionStatus &DashboardModels::connectionStatus() const
{
    return m_status;
}

qint64 DashboardModels::nowMs() const
{
    return m_now();
}

qint64 DashboardModels::lastFrameMs() const
{
    return m_lastFrameMs;
}

qint64 DashboardModels::dataAgeMs() const
{
    if (m_lastFrameMs == 0)
        return -1;
    // A log shows the moment it has reached, however long it has been paused there.
    if (m_status.transport == QLatin1String("replay"))
        return 0;
    return qMax<qint64>(0, nowMs() - m_lastFrameMs);
}

double DashboardModels::eventsPerSecond() const
{
    const qint64 since = m_now() - rateWindowMs;
    quint64 messages = 0;
    for (qsizetype i = 0; i < m_rate.size(); ++i) {
        const RateSample &sample = m_rate.newest(i);
        if (sample.atMs <= since)
            break;
        messages += sample.messages;
    }
    return static_cast<double>(messages) * 1000.0 / static_cast<double>(rateWindowMs);
}

} // namespace vantage
