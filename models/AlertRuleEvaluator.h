#pragma once

#include "feed/Message.h"
#include "models/AlertRule.h"
#include "models/RuleStats.h"
#include "models/RuleTransition.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace vantage {

// Runs AlertRules over metrics samples (docs/alert-rules.md). Time is only what the caller
// passes in, so a live session, a replay and a backtest of the same samples give the same
// transitions. Per sample the cost is a lookup of each active rule's gauge; text is only
// built for transitions.
class AlertRuleEvaluator
{
public:
    enum class Phase {
        Idle,
        Pending,    // breaching, waiting for forMs of continuous breach
        Suppressed, // the breach matured inside the repeat window; fires once the window ends
        Firing,
    };

    // Sample spacing beyond which a breach is no longer taken as continuous.
    static constexpr qint64 defaultStaleAfterMs = 60'000;

    // Of rules sharing an id the first is kept. Disabled or invalid rules are kept but never evaluated.
    explicit AlertRuleEvaluator(std::vector<AlertRule> rules = {});

    // Rules whose id is unchanged keep their state and stats. A firing rule that is removed,
    // disabled or made invalid is resolved ("rule removed", "rule disabled", "rule invalid");
    // having no clock, setRules holds those transitions for the next onSample or advanceTo.
    void setRules(std::vector<AlertRule> rules);
    const std::vector<AlertRule> &rules() const;

    // Evaluates each active rule whose gauge the sample holds with a finite value.
    std::vector<RuleTransition> onSample(qint64 tsMs, const MetricsSample &sample);
    // Time passes without samples: nothing fires or resolves (a pending breach matures only on
    // a sample, a firing rule never resolves for lack of data); held transitions are returned.
    std::vector<RuleTransition> advanceTo(qint64 nowMs);

    void setStaleAfterMs(qint64 ms);
    qint64 staleAfterMs() const;

    // The latest time given to onSample or advanceTo; nullopt before the first.
    std::optional<qint64> nowMs() const;
    Phase phase(const QString &ruleId) const;           // Idle for unknown ids
    QString firingAlertId(const QString &ruleId) const; // empty unless firing
    // Pending, suppressed or firing, and no sample of the gauge for more than staleAfterMs.
    bool isStale(const QString &ruleId) const;
    RuleStats stats(const QString &ruleId) const; // zero for unknown ids

    // Roughly the memory this value holds, for the budget of replay seek points.
    qint64 approxBytes() const;

    friend bool operator==(const AlertRuleEvaluator &, const AlertRuleEvaluator &) = default;

private:
    struct RuleState
    {
        Phase phase = Phase::Idle;
        bool active = false; // enabled and valid
        std::optional<qint64> lastSampleMs;
        qint64 breachSinceMs = 0;
        qint64 firingSinceMs = 0;
        QString alertId;
        std::optional<qint64> lastFiredMs;
        std::optional<qint64> unbreachedSinceResolveMs; // a resolution not yet followed by a breach
        RuleStats stats;

        friend bool operator==(const RuleState &, const RuleState &) = default;
    };
    // A resolution caused by setRules, delivered with the next call's time.
    struct HeldResolution
    {
        QString ruleId;
        QString alertId;
        qint64 firingSinceMs = 0;
        QString reason;

        friend bool operator==(const HeldResolution &, const HeldResolution &) = default;
    };

    int indexOf(const QString &ruleId) const; // -1 if unknown
    void advanceClock(qint64 tsMs);
    std::vector<RuleTransition> takeHeld();
    void evaluate(const AlertRule &rule, RuleState &state, qint64 tsMs, double value,
                  std::vector<RuleTransition> &out);
    void fire(const AlertRule &rule, RuleState &state, qint64 tsMs, double value,
              std::vector<RuleTransition> &out);
    void resolve(const AlertRule &rule, RuleState &state, qint64 tsMs, double value,
                 std::vector<RuleTransition> &out);

    std::vector<AlertRule> m_rules;
    std::vector<RuleState> m_states; // parallel to m_rules
    QHash<QString, int> m_indexById;
    std::vector<HeldResolution> m_held;
    std::optional<qint64> m_nowMs;
    qint64 m_staleAfterMs = defaultStaleAfterMs;
};

} // namespace vantage
