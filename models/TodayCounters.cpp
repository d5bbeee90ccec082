#include "models/TodayCounters.h"

#include "models/EventTypes.h"

#include <QDateTime>

namespace vantage {

namespace {

constexpr qint64 msPerMinute = 60'000;

qint64 minuteOf(qint64 tsMs)
{
    // Floor division, so times before the epoch land in the right minute too.
    return tsMs >= 0 ? tsMs / msPerMinute : -((-tsMs + msPerMinute - 1) / msPerMinute);
}

int index(Counter c)
{
    return static_cast<int>(c);
}

} // namespace

TodayCounters::TodayCounters(QObject *parent, const QTimeZone &zone)
    : QObject(parent)
    , m_zone(zone.isValid() ? zone : QTimeZone::systemTimeZone())
{}

void TodayCounters::applyEvent(qint64 tsMs, const LiveEvent &e)
{
    const bool today = advance(tsMs);
    if (e.type == EventType::signup) {
        add(tsMs, today, Counter::Signups, 1);
        if (e.role == QLatin1String("supplier"))
            add(tsMs, today, Counter::SupplierSignups, 1);
        else if (e.role == QLatin1String("couple"))
            add(tsMs, today, Counter::CoupleSignups, 1);
    } else if (e.type == EventType::payment) {
        add(tsMs, today, Counter::Payments, 1);
        if (!qIsNaN(e.value))
            add(tsMs, today, Counter::Revenue, e.value);
    } else if (e.type == EventType::formSubmission) {
        add(tsMs, today, Counter::FormSubmissions, 1);
    } else if (e.type == EventType::invitation) {
        add(tsMs, today, Counter::Invitations, 1);
    } else {
        return;
    }
    m_batcher.markChanged();
}

void TodayCounters::applyActiveUsers(qint64 tsMs, double current)
{
    if (qIsNaN(current))
        return;
    advance(tsMs);
    const qint64 minute = minuteOf(tsMs);
    // An out-of-order sample older than the newest one must not replace the current level.
    if (minute >= m_levelMinute) {
        m_levelMinute = minute;
        m_totals[index(Counter::ActiveUsers)] = current;
    }
    if (MinuteSlot *slot = slotFor(minute))
        slot->values[index(Counter::ActiveUsers)] = current;
    m_batcher.markChanged();
}

void TodayCounters::applySnapshot(qint64 tsMs, const std::vector<NamedValue> &counters)
{
    beginUpdate();
    const bool today = advance(tsMs);
    for (const NamedValue &nv : counters) {
        const std::optional<Counter> c = counterFromName(nv.name);
        if (!c || qIsNaN(nv.value))
            continue;
        if (*c == Counter::ActiveUsers) {
            applyActiveUsers(tsMs, nv.value);
        } else if (today) {
            // Absolute totals: what was missed while disconnected is not spread over the buckets.
            m_totals[index(*c)] = nv.value;
            m_batcher.markChanged();
        }
    }
    endUpdate();
}

double TodayCounters::value(Counter c) const
{
    return m_totals[index(c)];
}

double TodayCounters::trendPercent(Counter c) const
{
    if (m_nowMinute == noMinute)
        return qQNaN();
    double current = 0;
    double base = 0;
    if (c == Counter::ActiveUsers) {
        current = levelAt(m_nowMinute);
        base = levelAt(m_nowMinute - 60);
    } else {
        current = bucketSum(c, m_nowMinute - 59, m_nowMinute);
        base = bucketSum(c, m_nowMinute - 119, m_nowMinute - 60);
    }
    if (qIsNaN(current) || qIsNaN(base) || base == 0)
        return qQNaN();
    return (current - base) / base * 100.0;
}

std::vector<double> TodayCounters::lastHourPerMinute(Counter c) const
{
    const bool level = c == Counter::ActiveUsers;
    std::vector<double> out(60, level ? qQNaN() : 0.0);
    if (m_nowMinute == noMinute)
        return out;
    const qint64 first = m_nowMinute - 59;
    double carried = level ? levelAt(first) : 0.0;
    for (int i = 0; i < 60; ++i) {
        const MinuteSlot *slot = findSlot(first + i);
        const double v = slot ? slot->values[index(c)] : (level ? qQNaN() : 0.0);
        if (level) {
            if (!qIsNaN(v))
                carried = v;
            out[static_cast<size_t>(i)] = carried;
        } else {
            out[static_cast<size_t>(i)] = v;
        }
    }
    return out;
}

QDate TodayCounters::day() const
{
    return m_day;
}

void TodayCounters::advanceTo(qint64 nowMs)
{
    const QDate before = m_day;
    const qint64 minuteBefore = m_nowMinute;
    advance(nowMs);
    if (m_day != before || m_nowMinute != minuteBefore)
        m_batcher.markChanged();
}

void TodayCounters::beginUpdate()
{
    m_batcher.begin();
}

void TodayCounters::endUpdate()
{
    m_batcher.end();
}

bool TodayCounters::advance(qint64 tsMs)
{
    m_nowMinute = qMax(m_nowMinute, minuteOf(tsMs));
    if (!m_day.isValid()) {
        startDay(QDateTime::fromMSecsSinceEpoch(tsMs, m_zone).date());
        return true;
    }
    if (tsMs < m_dayStartMs)
        return false;
    if (tsMs >= m_dayEndMs) {
        startDay(QDateTime::fromMSecsSinceEpoch(tsMs, m_zone).date());
        // Active users is a level, not a daily sum: it carries over midnight.
        const double level = m_totals[index(Counter::ActiveUsers)];
        m_totals.fill(0.0);
        m_totals[index(Counter::ActiveUsers)] = level;
        m_batcher.markChanged();
        Q_EMIT dayRolledOver(m_day);
    }
    return true;
}

void TodayCounters::clear()
{
    m_day = QDate();
    m_dayStartMs = 0;
    m_dayEndMs = 0;
    m_nowMinute = noMinute;
    m_totals.fill(0.0);
    m_slots.fill(MinuteSlot());
    m_levelMinute = noMinute;
    m_batcher.markChanged();
}

TodayCounters::State TodayCounters::state() const
{
    return State{m_day, m_dayStartMs, m_dayEndMs, m_nowMinute, m_totals, m_slots, m_levelMinute};
}

void TodayCounters::restoreState(const State &state)
{
    m_day = state.day;
    m_dayStartMs = state.dayStartMs;
    m_dayEndMs = state.dayEndMs;
    m_nowMinute = state.nowMinute;
    m_totals = state.totals;
    m_slots = state.minuteSlots;
    m_levelMinute = state.levelMinute;
    m_batcher.markChanged();
}

void TodayCounters::startDay(QDate day)
{
    m_day = day;
    m_dayStartMs = day.startOfDay(m_zone).toMSecsSinceEpoch();
    m_dayEndMs = day.addDays(1).startOfDay(m_zone).toMSecsSinceEpoch();
}

void TodayCounters::add(qint64 tsMs, bool today, Counter c, double amount)
{
    if (today)
        m_totals[index(c)] += amount;
    if (MinuteSlot *slot = slotFor(minuteOf(tsMs)))
        slot->values[index(c)] += amount;
}

TodayCounters::MinuteSlot *TodayCounters::slotFor(qint64 minute)
{
    if (minute <= m_nowMinute - windowMinutes)
        return nullptr; // older than the window
    MinuteSlot &slot =
        m_slots[static_cast<size_t>(((minute % windowMinutes) + windowMinutes) % windowMinutes)];
    if (slot.minute != minute) {
        slot.minute = minute;
        slot.values.fill(0.0);
        slot.values[index(Counter::ActiveUsers)] = qQNaN();
    }
    return &slot;
}

const TodayCounters::MinuteSlot *TodayCounters::findSlot(qint64 minute) const
{
    const MinuteSlot &slot =
        m_slots[static_cast<size_t>(((minute % windowMinutes) + windowMinutes) % windowMinutes)];
    return slot.minute == minute ? &slot : nullptr;
}

double TodayCounters::bucketSum(Counter c, qint64 firstMinute, qint64 lastMinute) const
{
    double sum = 0;
    for (qint64 m = firstMinute; m <= lastMinute; ++m) {
        if (const MinuteSlot *slot = findSlot(m))
            sum += slot->values[index(c)];
    }
    return sum;
}

double TodayCounters::levelAt(qint64 minute) const
{
    for (qint64 m = minute; m > m_nowMinute - windowMinutes; --m) {
        if (const MinuteSlot *slot = findSlot(m)) {
            const double v = slot->values[index(Counter::ActiveUsers)];
            if (!qIsNaN(v))
                return v;
        }
    }
    // No sample in the window up to `minute`: the newest sample, if it is older, still holds.
    if (m_levelMinute != noMinute && m_levelMinute <= minute)
        return m_totals[index(Counter::ActiveUsers)];
    return qQNaN();
}

} // namespace vantage
