#pragma once

#include "feed/Message.h"

#include <QTimeZone>

#include <array>
#include <deque>
#include <vector>

namespace vantage {

// The dashboard state a snapshot carries, kept up to date by every published message. The
// counters follow the client's rules (models/TodayCounters): today's totals in the local time
// zone, where "today" is the day of the newest message time; a snapshot's counters are the new
// base and events add to them.
class RelayState final
{
public:
    static constexpr int maxEvents = 50;

    explicit RelayState(const QTimeZone &zone = QTimeZone::systemTimeZone());

    void apply(const Message &message);
    SnapshotInfo snapshot() const;
    bool isOpen(const QString &alertId) const;

private:
    // Canonical counters, in the order the snapshot lists them.
    enum Counter {
        Signups,
        SupplierSignups,
        CoupleSignups,
        Payments,
        Revenue,
        FormSubmissions,
        Invitations,
        ActiveUsers,
        CounterCount
    };

    void applyEvent(qint64 tsMs, const LiveEvent &event);
    void applySnapshot(qint64 tsMs, const SnapshotInfo &snapshot);
    void applyAlert(const AlertInfo &alert);
    void resolveAlert(const QString &id);
    void appendEvent(const LiveEvent &event);
    void setCounter(const QString &name, double value);
    // Moves "today" forward to the day of tsMs; false when tsMs lies on an earlier day.
    bool advanceDay(qint64 tsMs);

    QTimeZone m_zone;
    qint64 m_dayStartMs = 0;
    qint64 m_dayEndMs = 0; // 0: no day yet
    std::array<double, CounterCount> m_counters{};
    std::vector<NamedValue> m_otherCounters; // names only a snapshot sent, kept as sent
    MetricsSample m_metrics;
    ActiveUsersUpdate m_activeUsers;
    std::vector<AlertInfo> m_alerts;
    std::deque<LiveEvent> m_events; // oldest first
};

} // namespace vantage
