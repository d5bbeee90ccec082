#pragma once

#include "feed/Message.h"
#include "models/ChangeBatcher.h"
#include "models/Counter.h"

#include <QDate>
#include <QObject>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace vantage {

// Today's aggregates, rolled over at local midnight of the given zone. "Now" is the newest
// time seen (event times or advanceTo), never the wall clock, so a replayed log shows what
// the live session showed. The last two hours are kept as per-minute buckets (a ring of
// 120 minutes) for the trend and the sparklines; totals are plain sums.
class TodayCounters final : public QObject
{
    Q_OBJECT
public:
    static constexpr int windowMinutes = 120;
    static constexpr qint64 noMinute = std::numeric_limits<qint64>::min();

    struct MinuteSlot
    {
        qint64 minute = noMinute;
        std::array<double, counterCount> values{}; // NaN for ActiveUsers where no level was seen

        friend bool operator==(const MinuteSlot &a, const MinuteSlot &b)
        {
            return a.minute == b.minute
                && std::equal(a.values.cbegin(), a.values.cend(), b.values.cbegin(), sameNumber);
        }
    };

    // The counters' whole value, without the zone: the day bounds are taken as they are, so a
    // state is restored into counters of the zone it was captured in.
    struct State
    {
        QDate day;
        qint64 dayStartMs = 0;
        qint64 dayEndMs = 0;
        qint64 nowMinute = noMinute;
        std::array<double, counterCount> totals{};
        std::array<MinuteSlot, windowMinutes> minuteSlots;
        qint64 levelMinute = noMinute;

        friend bool operator==(const State &, const State &) = default;
    };

    explicit TodayCounters(QObject *parent = nullptr, const QTimeZone &zone = QTimeZone::systemTimeZone());

    // signup / payment / form_submission / invitation; other types do not count.
    void applyEvent(qint64 tsMs, const LiveEvent &e);
    void applyActiveUsers(qint64 tsMs, double current);
    // Absolute values under the canonical names; unknown names are ignored.
    void applySnapshot(qint64 tsMs, const std::vector<NamedValue> &counters);

    double value(Counter c) const;
    // Activity in the last 60 minutes against the 60 before, in percent (for ActiveUsers the
    // level now against one hour earlier). NaN when there is no base (zero or unknown).
    double trendPercent(Counter c) const;
    // 60 values, oldest first, ending at the current minute: per-minute increments, or for
    // ActiveUsers the level carried forward (NaN where no level is known yet).
    std::vector<double> lastHourPerMinute(Counter c) const;
    // The local date the totals belong to; invalid until a time has been seen.
    QDate day() const;
    // Rolls the day over when nowMs is on a later local date, even if no event arrived.
    void advanceTo(qint64 nowMs);
    // Forgets every total, bucket and time seen, as if newly made (another log is opened).
    void clear();

    State state() const;
    // Emits changed() (coalesced inside beginUpdate/endUpdate), never dayRolledOver: the day
    // is replaced, not reached.
    void restoreState(const State &state);

    // Coalesces changed(): between the outermost beginUpdate and endUpdate it is emitted at
    // most once, at endUpdate, so a batch of events costs one repaint.
    void beginUpdate();
    void endUpdate();

Q_SIGNALS:
    void changed();
    void dayRolledOver(QDate newDay);

private:
    // Moves "now" forward and rolls the day over if needed; false when tsMs is on an earlier day.
    bool advance(qint64 tsMs);
    void startDay(QDate day);
    void add(qint64 tsMs, bool today, Counter c, double amount);
    MinuteSlot *slotFor(qint64 minute);
    const MinuteSlot *findSlot(qint64 minute) const;
    double bucketSum(Counter c, qint64 firstMinute, qint64 lastMinute) const;
    double levelAt(qint64 minute) const;

    QTimeZone m_zone;
    QDate m_day;
    qint64 m_dayStartMs = 0;
    qint64 m_dayEndMs = 0;
    qint64 m_nowMinute = noMinute;
    std::array<double, counterCount> m_totals{};
    std::array<MinuteSlot, windowMinutes> m_slots;
    qint64 m_levelMinute = noMinute; // minute of the newest active-users sample
    ChangeBatcher m_batcher{[this] { Q_EMIT changed(); }};
};

} // namespace vantage
