#include "models/AlertBacktest.h"

#include "feed/ReplayIndexer.h"

#include <QLatin1String>
#include <QSet>

#include <algorithm>
#include <atomic>

namespace vantage {

AlertBacktest::AlertBacktest(std::vector<NamedRuleSet> sets, NowFn now)
    : m_now(std::move(now))
{
    m_runs.reserve(sets.size());
    for (NamedRuleSet &set : sets)
        m_runs.push_back({std::move(set.name), AlertRuleEvaluator(std::move(set.rules)), {}, {}});
}

void AlertBacktest::onFrame(QByteArrayView frame, qint64 line)
{
    // As ReplaySource delivers it to the pipeline: received now, times as in the log.
    const ReceivedFrame received{frame, m_now(), QLatin1String("replay"), 0, nullptr, line};
    if (m_intake.take(received, m_stats, m_scratch) == FrameIntake::Outcome::Accepted) {
        if (const auto *metrics = std::get_if<MetricsSample>(&m_scratch.body))
            onSample(m_scratch.tsMs, *metrics);
        else if (const auto *snapshot = std::get_if<SnapshotInfo>(&m_scratch.body))
            onSample(m_scratch.tsMs, snapshot->metrics);
    }
    m_scratch = Message();
}

void AlertBacktest::onPublish(const ReplayIndex &index)
{
    if (!index.complete)
        return;
    m_badLines = index.badLines;
    finish();
}

const BacktestReport &AlertBacktest::finish()
{
    if (m_report)
        return *m_report;
    BacktestReport report;
    for (SetRun &run : m_runs) {
        if (m_lastSampleMs)
            follow(run, run.evaluator.advanceTo(*m_lastSampleMs));
        report.sets.push_back(reportOf(run));
    }
    report.firstSampleMs = m_firstSampleMs;
    report.lastSampleMs = m_lastSampleMs;
    report.samples = m_samples;
    report.framesRejected = m_stats.decodeErrors;
    report.badLines = m_badLines;
    m_report = std::move(report);
    return *m_report;
}

void AlertBacktest::onSample(qint64 tsMs, const MetricsSample &sample)
{
    // A snapshot without metrics is not a sample.
    if (sample.gauges.empty())
        return;
    ++m_samples;
    if (!m_firstSampleMs)
        m_firstSampleMs = tsMs;
    m_lastSampleMs = std::max(m_lastSampleMs.value_or(tsMs), tsMs);
    for (SetRun &run : m_runs)
        follow(run, run.evaluator.onSample(tsMs, sample));
}

void AlertBacktest::follow(SetRun &run, const std::vector<RuleTransition> &transitions)
{
    for (const RuleTransition &t : transitions) {
        if (t.kind == RuleTransition::Kind::Fired) {
            run.firingSinceMs.insert(t.ruleId, t.tsMs);
        } else if (t.kind == RuleTransition::Kind::Resolved) {
            const qint64 lasted = t.tsMs - run.firingSinceMs.take(t.ruleId);
            run.longestMs[t.ruleId] = std::max(run.longestMs.value(t.ruleId), lasted);
        }
    }
}

BacktestReport::Set AlertBacktest::reportOf(const SetRun &run) const
{
    BacktestReport::Set set{run.name, {}};
    QSet<QString> seen; // the evaluator keeps the first of rules sharing an id
    for (const AlertRule &rule : run.evaluator.rules()) {
        if (seen.contains(rule.id))
            continue;
        seen.insert(rule.id);
        BacktestReport::Rule result{rule.id, run.evaluator.stats(rule.id), run.longestMs.value(rule.id),
                                    false};
        if (run.evaluator.phase(rule.id) == AlertRuleEvaluator::Phase::Firing && m_lastSampleMs) {
            result.firingAtEnd = true;
            result.longestFiringMs =
                std::max(result.longestFiringMs, *m_lastSampleMs - run.firingSinceMs.value(rule.id));
        }
        set.rules.push_back(std::move(result));
    }
    return set;
}

std::optional<BacktestReport> runBacktest(const QString &logPath, std::vector<NamedRuleSet> sets,
                                          QString *error)
{
    AlertBacktest backtest(std::move(sets));
    ReplayIndexer indexer(logPath);
    indexer.setObserver(&backtest);
    const std::atomic<bool> cancel{false};
    if (indexer.run(cancel) != ReplayIndexer::Outcome::Finished) {
        *error = indexer.error();
        return std::nullopt;
    }
    return backtest.finish();
}

} // namespace vantage
