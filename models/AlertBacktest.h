#pragma once

#include "feed/Clock.h"
#include "feed/FeedStats.h"
#include "feed/FrameIntake.h"
#include "feed/ReplayIndexObserver.h"
#include "models/AlertRuleEvaluator.h"
#include "models/BacktestReport.h"
#include "models/NamedRuleSet.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace vantage {

// Runs rule sets side by side over a log while ReplayIndexer reads it (docs/alert-rules.md,
// "Backtest"): every frame goes through the pipeline's FrameIntake, and each metrics sample, with
// its own time, goes to one AlertRuleEvaluator per set. The evaluators have no clock, so the
// result is what the rules would have done live, at the speed of reading the file.
class AlertBacktest final : public ReplayIndexObserver
{
public:
    explicit AlertBacktest(std::vector<NamedRuleSet> sets, NowFn now = systemNowMs);

    void onCheckpoint(const ReplayIndex::Checkpoint &) override {}
    void onFrame(QByteArrayView frame, qint64 line) override;
    // Finishes once the index is complete, taking its count of bad lines.
    void onPublish(const ReplayIndex &index) override;

    // Brings every evaluator to the last sample time and builds the report; later calls return it.
    const BacktestReport &finish();

private:
    struct SetRun
    {
        QString name;
        AlertRuleEvaluator evaluator;
        QHash<QString, qint64> firingSinceMs; // open firings by rule id
        QHash<QString, qint64> longestMs;     // closed firings by rule id
    };

    void onSample(qint64 tsMs, const MetricsSample &sample);
    static void follow(SetRun &run, const std::vector<RuleTransition> &transitions);
    BacktestReport::Set reportOf(const SetRun &run) const;

    std::vector<SetRun> m_runs;
    NowFn m_now;
    FrameIntake m_intake;
    FeedStats m_stats;
    Message m_scratch;
    std::optional<qint64> m_firstSampleMs;
    std::optional<qint64> m_lastSampleMs;
    quint64 m_samples = 0;
    qint64 m_badLines = 0;
    std::optional<BacktestReport> m_report;
};

// Reads the log once on the calling thread with a ReplayIndexer and this observer. Nullopt, with
// `*error` naming the file, when the log cannot be read at all.
std::optional<BacktestReport> runBacktest(const QString &logPath, std::vector<NamedRuleSet> sets,
                                          QString *error);

} // namespace vantage
