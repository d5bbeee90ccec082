#pragma once

#include "feed/Clock.h"
#include "feed/ConnectionStatus.h"
#include "feed/FeedBatch.h"
#include "feed/FeedStats.h"
#include "models/ActivityFeedModel.h"
#include "models/AlertModel.h"
#include "models/AlertRuleEvaluator.h"
#include "models/DashboardAggregates.h"
#include "models/EventRing.h"
#include "models/FeedFilterProxy.h"
#include "models/GeoActivityModel.h"
#include "models/MetricSeriesStore.h"
#include "models/TodayCounters.h"

#include <QObject>

namespace vantage {

// Owns the dashboard's models and applies the worker's batches to them, on the GUI thread.
// Each batch costs at most one feed insert and one changed() per aggregate.
class DashboardModels final : public QObject
{
    Q_OBJECT
public:
    explicit DashboardModels(QObject *parent = nullptr, NowFn now = systemNowMs,
                             qsizetype feedCapacity = 50'000);

    // Events, metrics, active users, alerts, resolved and acknowledged alerts and snapshots
    // (counters absolute, alerts replace the open set, events prefill the feed) in arrival order.
    // Metrics samples also go through the client-side alert rules, whose alerts join the others
    // marked local; the alerts' clock (auto-resolve, silences) is the newest message time.
    void applyBatch(const FeedBatch &batch);
    // The feed's rows keep a copy of each event's free text made on this thread (the default: the
    // batches come from the feed thread), or share the decoder's strings (models fed on the thread
    // that decodes, as ReplaySeekStateBuilder's, where a copy would cost and gain nothing).
    void setShareDecodedText(bool share) { m_shareDecodedText = share; }
    void setConnectionStatus(const ConnectionStatus &status);
    // Empties every model and forgets the stats and the status, so the next session (another log)
    // is shown on its own.
    void clear();

    // Alerts, counters and series, for a later restoreAggregates (on this or another instance).
    DashboardAggregates aggregates() const;
    // Replaces alerts, counters and series and empties the feed, which the caller refills by
    // replaying frames; stats, status and lastFrameMs are kept. Emits restored().
    void restoreAggregates(const DashboardAggregates &aggregates);
    // Takes on everything `other` shows: alert rules, aggregates, feed rows, stats, status and rates, so the
    // window can look away from a live session and come back to it (docs/journal.md). Both must
    // have the same feed capacity. Emits restored(), batchApplied() and connectionStatusChanged().
    void copyFrom(const DashboardModels &other);

    // The client-side alert rules (AlertRule::defaults() at first). Rules whose id is kept keep
    // their state; a firing rule removed or disabled resolves with the next batch.
    void setAlertRules(std::vector<AlertRule> rules);
    const std::vector<AlertRule> &alertRules() const { return m_alertRules; }
    const AlertRuleEvaluator &ruleEvaluator() const { return m_ruleState; } // bench/dashboard_bench

    ActivityFeedModel *feed() const;
    FeedFilterProxy *filteredFeed() const;
    AlertModel *alerts() const;
    TodayCounters *counters() const;
    MetricSeriesStore *series() const;
    GeoActivityModel *geo() const { return m_geo; }

    const FeedStats &stats() const;
    const ConnectionStatus &connectionStatus() const;

    qint64 nowMs() const; // the injected clock, for everything that shows an age
    const NowFn &clock() const { return m_now; }
    // The moment the dashboard shows: for a log playing back (transport "replay"), the log time it
    // has reached, so an alert raised a minute before reads "1 min ago" whatever the date today;
    // otherwise nowMs().
    qint64 shownNowMs() const;
    qint64 lastFrameMs() const; // from the batches; 0 = nothing yet
    // now - lastFrameMs; -1 when nothing has arrived; 0 for a log playing back (paused or not,
    // it shows the moment it has reached).
    qint64 dataAgeMs() const;
    double eventsPerSecond() const; // messages/s over the last 5 s of batches

    static constexpr qint64 rateWindowMs = 5'000;
    // A snapshot's events are the newest few: those among this many newest feed rows are not
    // added again.
    static constexpr int kSnapshotDedupRows = 1000;
    // Feed events a replay seek must read again before its target for the feed to come out as
    // playing straight through would leave it: the capacity, plus the rows a snapshot in them
    // de-duplicates against (docs/replay-index.md, "Seeking").
    quint64 seekFeedWindow() const;

Q_SIGNALS:
    void batchApplied();
    void cleared();  // by clear(): every model is empty
    void restored(); // by restoreAggregates(): aggregates replaced, feed emptied
    // After a batch: the alerts it raised that were not open before (server and local ones) and
    // the events it carried (not a snapshot's recent ones), for notifications. Not emitted for
    // restored or copied state.
    void alertsRaised(const std::vector<vantage::AlertInfo> &alerts);
    void eventsAdded(const std::vector<vantage::FeedItem> &events);
    void connectionStatusChanged(const vantage::ConnectionStatus &status);

private:
    struct RateSample
    {
        qint64 atMs = 0;
        quint64 messages = 0;
    };

    // The event as a feed row keeps it (setShareDecodedText).
    LiveEvent rowEvent(const LiveEvent &decoded) const;
    void applyActiveLocations(const ActiveUsersUpdate &update);
    // Applies one raised alert, noting it in `raised` when it was not open.
    void raiseAlert(qint64 tsMs, const AlertInfo &alert, std::vector<AlertInfo> &raised);
    void applyRuleTransitions(const std::vector<RuleTransition> &transitions, std::vector<AlertInfo> &raised);

    NowFn m_now;
    ActivityFeedModel *m_feed;
    bool m_shareDecodedText = false;
    FeedFilterProxy *m_filteredFeed;
    AlertModel *m_alerts;
    TodayCounters *m_counters;
    MetricSeriesStore *m_series;
    GeoActivityModel *m_geo;
    std::vector<AlertRule> m_alertRules;
    AlertRuleEvaluator m_ruleState;
    FeedStats m_stats;
    ConnectionStatus m_status;
    qint64 m_lastFrameMs = 0;
    EventRing<RateSample> m_rate; // batches arrive at most at frame cadence, ~300 per window
};

} // namespace vantage
