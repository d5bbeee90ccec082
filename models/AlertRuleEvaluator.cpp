#include "models/AlertRuleEvaluator.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

// The first finite value of `metric` in the sample.
std::optional<double> gaugeValue(const MetricsSample &sample, const QString &metric)
{
    for (const NamedValue &gauge : sample.gauges) {
        if (gauge.name == metric)
            return std::isfinite(gauge.value) ? std::optional<double>(gauge.value) : std::nullopt;
    }
    return std::nullopt;
}

RuleTransition resolvedTransition(const QString &ruleId, qint64 tsMs, double value, const QString &alertId,
                                  const QString &reason)
{
    RuleTransition t;
    t.kind = RuleTransition::Kind::Resolved;
    t.ruleId = ruleId;
    t.tsMs = tsMs;
    t.value = value;
    t.resolved = AlertResolvedInfo{alertId, reason};
    return t;
}

} // namespace

AlertRuleEvaluator::AlertRuleEvaluator(std::vector<AlertRule> rules)
{
    setRules(std::move(rules));
}

void AlertRuleEvaluator::setRules(std::vector<AlertRule> rules)
{
    std::vector<AlertRule> kept;
    std::vector<RuleState> states;
    QHash<QString, int> indexById;
    kept.reserve(rules.size());
    states.reserve(rules.size());
    for (AlertRule &rule : rules) {
        if (indexById.contains(rule.id))
            continue;
        const int old = indexOf(rule.id);
        RuleState state = old >= 0 ? std::move(m_states[size_t(old)]) : RuleState{};
        state.active = rule.enabled && rule.validate().isEmpty();
        if (!state.active) {
            if (state.phase == Phase::Firing)
                m_held.push_back({rule.id, state.alertId, state.firingSinceMs,
                                  rule.enabled ? u"rule invalid"_s : u"rule disabled"_s});
            state.phase = Phase::Idle;
            state.alertId.clear();
        }
        indexById.insert(rule.id, int(kept.size()));
        kept.push_back(std::move(rule));
        states.push_back(std::move(state));
    }
    for (size_t i = 0; i < m_rules.size(); ++i) {
        if (!indexById.contains(m_rules[i].id) && m_states[i].phase == Phase::Firing)
            m_held.push_back(
                {m_rules[i].id, m_states[i].alertId, m_states[i].firingSinceMs, u"rule removed"_s});
    }
    m_rules = std::move(kept);
    m_states = std::move(states);
    m_indexById = std::move(indexById);
}

const std::vector<AlertRule> &AlertRuleEvaluator::rules() const
{
    return m_rules;
}

std::vector<RuleTransition> AlertRuleEvaluator::onSample(qint64 tsMs, const MetricsSample &sample)
{
    advanceClock(tsMs);
    std::vector<RuleTransition> out = takeHeld();
    for (size_t i = 0; i < m_rules.size(); ++i) {
        if (!m_states[i].active)
            continue;
        if (const std::optional<double> value = gaugeValue(sample, m_rules[i].metric))
            evaluate(m_rules[i], m_states[i], tsMs, *value, out);
    }
    return out;
}

std::vector<RuleTransition> AlertRuleEvaluator::advanceTo(qint64 nowMs)
{
    advanceClock(nowMs);
    return takeHeld();
}

void AlertRuleEvaluator::setStaleAfterMs(qint64 ms)
{
    m_staleAfterMs = std::max<qint64>(0, ms);
}

qint64 AlertRuleEvaluator::staleAfterMs() const
{
    return m_staleAfterMs;
}

std::optional<qint64> AlertRuleEvaluator::nowMs() const
{
    return m_nowMs;
}

AlertRuleEvaluator::Phase AlertRuleEvaluator::phase(const QString &ruleId) const
{
    const int i = indexOf(ruleId);
    return i >= 0 ? m_states[size_t(i)].phase : Phase::Idle;
}

QString AlertRuleEvaluator::firingAlertId(const QString &ruleId) const
{
    const int i = indexOf(ruleId);
    return i >= 0 ? m_states[size_t(i)].alertId : QString();
}

bool AlertRuleEvaluator::isStale(const QString &ruleId) const
{
    const int i = indexOf(ruleId);
    if (i < 0 || !m_nowMs)
        return false;
    const RuleState &state = m_states[size_t(i)];
    return state.phase != Phase::Idle && state.lastSampleMs &&
           *m_nowMs - *state.lastSampleMs > m_staleAfterMs;
}

RuleStats AlertRuleEvaluator::stats(const QString &ruleId) const
{
    const int i = indexOf(ruleId);
    if (i < 0)
        return {};
    const RuleState &state = m_states[size_t(i)];
    RuleStats result = state.stats;
    if (state.phase == Phase::Firing && m_nowMs)
        result.firingMs += *m_nowMs - state.firingSinceMs;
    return result;
}

int AlertRuleEvaluator::indexOf(const QString &ruleId) const
{
    return m_indexById.value(ruleId, -1);
}

void AlertRuleEvaluator::advanceClock(qint64 tsMs)
{
    m_nowMs = m_nowMs ? std::max(*m_nowMs, tsMs) : tsMs;
}

std::vector<RuleTransition> AlertRuleEvaluator::takeHeld()
{
    std::vector<RuleTransition> out;
    if (m_held.empty())
        return out;
    const qint64 now = *m_nowMs;
    for (const HeldResolution &held : m_held) {
        // A disabled rule keeps its stats, so its firing ends in them too.
        const int i = indexOf(held.ruleId);
        if (i >= 0) {
            m_states[size_t(i)].stats.resolved += 1;
            m_states[size_t(i)].stats.firingMs += now - held.firingSinceMs;
        }
        out.push_back(resolvedTransition(held.ruleId, now, qQNaN(), held.alertId, held.reason));
    }
    m_held.clear();
    return out;
}

void AlertRuleEvaluator::evaluate(const AlertRule &rule, RuleState &state, qint64 tsMs, double value,
                                  std::vector<RuleTransition> &out)
{
    if (state.lastSampleMs && tsMs < *state.lastSampleMs) {
        state.stats.outOfOrder += 1;
        return;
    }
    // Across a gap in the data nobody knows whether the breach held, so it starts over.
    const bool gap = state.lastSampleMs && tsMs - *state.lastSampleMs > m_staleAfterMs;
    state.lastSampleMs = tsMs;

    switch (state.phase) {
    case Phase::Firing:
        if (rule.clears(value))
            resolve(rule, state, tsMs, value, out);
        return;
    case Phase::Pending:
    case Phase::Suppressed:
        if (!rule.breaches(value)) {
            state.phase = Phase::Idle;
            return;
        }
        if (gap) {
            state.phase = Phase::Pending;
            state.breachSinceMs = tsMs;
        }
        break;
    case Phase::Idle:
        if (!rule.breaches(value))
            return;
        if (state.unbreachedSinceResolveMs && tsMs - *state.unbreachedSinceResolveMs < rule.repeatAfterMs)
            state.stats.flaps += 1;
        state.unbreachedSinceResolveMs.reset();
        state.phase = Phase::Pending;
        state.breachSinceMs = tsMs;
        break;
    }

    if (tsMs - state.breachSinceMs < rule.forMs)
        return;
    if (state.lastFiredMs && tsMs - *state.lastFiredMs < rule.repeatAfterMs) {
        // Counted once per breach; the breach stays held and fires if it outlasts the window.
        if (state.phase == Phase::Pending) {
            state.phase = Phase::Suppressed;
            state.stats.suppressed += 1;
            RuleTransition t;
            t.kind = RuleTransition::Kind::Suppressed;
            t.ruleId = rule.id;
            t.tsMs = tsMs;
            t.value = value;
            out.push_back(std::move(t));
        }
        return;
    }
    fire(rule, state, tsMs, value, out);
}

void AlertRuleEvaluator::fire(const AlertRule &rule, RuleState &state, qint64 tsMs, double value,
                              std::vector<RuleTransition> &out)
{
    // AlertInfo has no origin flag: the "local." prefix tells these from server alerts.
    QString alertId = u"local."_s + rule.id + u':' + QString::number(tsMs);
    // Only with repeatAfterMs 0 can a rule fire twice in one millisecond.
    if (state.lastFiredMs == tsMs)
        alertId += u'#' + QString::number(state.stats.fired + 1);
    state.phase = Phase::Firing;
    state.firingSinceMs = tsMs;
    state.lastFiredMs = tsMs;
    state.alertId = alertId;
    state.stats.fired += 1;

    RuleTransition t;
    t.kind = RuleTransition::Kind::Fired;
    t.ruleId = rule.id;
    t.tsMs = tsMs;
    t.value = value;
    t.alert.id = std::move(alertId);
    t.alert.severity = rule.severity;
    t.alert.message = rule.messageFor(value);
    t.alert.affectedUsers = 0;
    t.alert.autoResolve = true; // the rule resolves it when the value is back past resolveAt
    t.alert.local = true;
    out.push_back(std::move(t));
}

void AlertRuleEvaluator::resolve(const AlertRule &rule, RuleState &state, qint64 tsMs, double value,
                                 std::vector<RuleTransition> &out)
{
    state.stats.resolved += 1;
    state.stats.firingMs += tsMs - state.firingSinceMs;
    state.phase = Phase::Idle;
    state.unbreachedSinceResolveMs = tsMs;
    out.push_back(resolvedTransition(rule.id, tsMs, value, state.alertId, rule.resolveReason()));
    state.alertId.clear();
}

qint64 AlertRuleEvaluator::approxBytes() const
{
    // Rules and states are inline in their vectors; their strings are short.
    constexpr qint64 textBytes = 256;
    const auto count = static_cast<qint64>(m_rules.size());
    return sizeof(AlertRuleEvaluator) + count * qint64(sizeof(AlertRule) + sizeof(RuleState) + textBytes) +
           static_cast<qint64>(m_held.size()) * qint64(sizeof(HeldResolution));
}

} // namespace vantage
