#include "relay/RelayState.h"

#include <QDateTime>

#include <algorithm>

namespace vantage {

namespace {

// Snapshot names of the canonical counters (docs/protocol.md, "snapshot"), by RelayState::Counter.
const std::array<QLatin1String, 8> kCounterNames = {
    QLatin1String("signups"),     QLatin1String("signups.supplier"), QLatin1String("signups.couple"),
    QLatin1String("payments"),    QLatin1String("revenue"),          QLatin1String("form_submissions"),
    QLatin1String("invitations"), QLatin1String("active_users"),
};

} // namespace

RelayState::RelayState(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::systemTimeZone())
{
    m_counters.fill(0.0);
    // Active users is a level, unknown until someone reports it.
    m_counters[ActiveUsers] = qQNaN();
}

void RelayState::apply(const Message &message)
{
    if (const auto *event = std::get_if<LiveEvent>(&message.body)) {
        applyEvent(message.tsMs, *event);
    } else if (const auto *metrics = std::get_if<MetricsSample>(&message.body)) {
        m_metrics = *metrics;
    } else if (const auto *users = std::get_if<ActiveUsersUpdate>(&message.body)) {
        m_activeUsers = *users;
        if (!qIsNaN(users->current))
            m_counters[ActiveUsers] = users->current;
    } else if (const auto *alert = std::get_if<AlertInfo>(&message.body)) {
        applyAlert(*alert);
    } else if (const auto *resolved = std::get_if<AlertResolvedInfo>(&message.body)) {
        resolveAlert(resolved->id);
    } else if (const auto *snapshot = std::get_if<SnapshotInfo>(&message.body)) {
        applySnapshot(message.tsMs, *snapshot);
    }
}

SnapshotInfo RelayState::snapshot() const
{
    SnapshotInfo out;
    out.counters.reserve(m_counters.size() + m_otherCounters.size());
    for (int c = 0; c < CounterCount; ++c) {
        if (!qIsNaN(m_counters[size_t(c)]))
            out.counters.push_back(NamedValue{kCounterNames[size_t(c)], m_counters[size_t(c)]});
    }
    out.counters.insert(out.counters.end(), m_otherCounters.begin(), m_otherCounters.end());
    out.metrics = m_metrics;
    out.activeUsers = m_activeUsers;
    out.alerts = m_alerts;
    out.events.assign(m_events.begin(), m_events.end());
    return out;
}

void RelayState::applyEvent(qint64 tsMs, const LiveEvent &event)
{
    appendEvent(event);
    if (!advanceDay(tsMs))
        return; // yesterday's event: shown in the feed, not in today's totals
    if (event.type == QLatin1String("signup")) {
        m_counters[Signups] += 1;
        if (event.role == QLatin1String("supplier"))
            m_counters[SupplierSignups] += 1;
        else if (event.role == QLatin1String("couple"))
            m_counters[CoupleSignups] += 1;
    } else if (event.type == QLatin1String("payment")) {
        m_counters[Payments] += 1;
        if (!qIsNaN(event.value))
            m_counters[Revenue] += event.value;
    } else if (event.type == QLatin1String("form_submission")) {
        m_counters[FormSubmissions] += 1;
    } else if (event.type == QLatin1String("invitation")) {
        m_counters[Invitations] += 1;
    }
}

void RelayState::applySnapshot(qint64 tsMs, const SnapshotInfo &snapshot)
{
    // Like the client: the named totals are taken as they are (a snapshot from an earlier
    // day leaves today's alone), and counters the snapshot does not name keep their value.
    const bool today = advanceDay(tsMs);
    for (const NamedValue &counter : snapshot.counters) {
        if (qIsNaN(counter.value))
            continue;
        if (counter.name == kCounterNames[ActiveUsers])
            m_counters[ActiveUsers] = counter.value;
        else if (today)
            setCounter(counter.name, counter.value);
    }
    if (!snapshot.metrics.gauges.empty())
        m_metrics = snapshot.metrics;
    const ActiveUsersUpdate &users = snapshot.activeUsers;
    if (!qIsNaN(users.current) || !users.byRole.empty() || !users.locations.empty()) {
        m_activeUsers = users;
        if (!qIsNaN(users.current))
            m_counters[ActiveUsers] = users.current;
    }
    m_alerts = snapshot.alerts;
    // The snapshot's events may repeat ones already kept (a relay fed by another relay).
    for (const LiveEvent &event : snapshot.events) {
        const bool known =
            !event.id.isEmpty() && std::any_of(m_events.begin(), m_events.end(),
                                               [&](const LiveEvent &kept) { return kept.id == event.id; });
        if (!known)
            appendEvent(event);
    }
}

void RelayState::applyAlert(const AlertInfo &alert)
{
    for (AlertInfo &open : m_alerts) {
        if (open.id == alert.id) {
            open = alert;
            return;
        }
    }
    m_alerts.push_back(alert);
}

bool RelayState::isOpen(const QString &alertId) const
{
    return std::any_of(m_alerts.begin(), m_alerts.end(), [&](const AlertInfo &open) { return open.id == alertId; });
}

void RelayState::resolveAlert(const QString &id)
{
    std::erase_if(m_alerts, [&](const AlertInfo &open) { return open.id == id; });
}

void RelayState::appendEvent(const LiveEvent &event)
{
    if (m_events.size() == size_t(maxEvents))
        m_events.pop_front();
    m_events.push_back(event);
}

void RelayState::setCounter(const QString &name, double value)
{
    for (int c = 0; c < CounterCount; ++c) {
        if (name == kCounterNames[size_t(c)]) {
            m_counters[size_t(c)] = value;
            return;
        }
    }
    for (NamedValue &other : m_otherCounters) {
        if (other.name == name) {
            other.value = value;
            return;
        }
    }
    m_otherCounters.push_back(NamedValue{name, value});
}

bool RelayState::advanceDay(qint64 tsMs)
{
    if (m_dayEndMs != 0 && tsMs < m_dayEndMs)
        return tsMs >= m_dayStartMs;
    const QDate day = QDateTime::fromMSecsSinceEpoch(tsMs, m_zone).date();
    const bool rollover = m_dayEndMs != 0;
    m_dayStartMs = day.startOfDay(m_zone).toMSecsSinceEpoch();
    m_dayEndMs = day.addDays(1).startOfDay(m_zone).toMSecsSinceEpoch();
    if (rollover) {
        // A new day starts its totals at zero; active users is a level and carries over.
        const double activeUsers = m_counters[ActiveUsers];
        m_counters.fill(0.0);
        m_counters[ActiveUsers] = activeUsers;
        m_otherCounters.clear();
    }
    return true;
}

} // namespace vantage
