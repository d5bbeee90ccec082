#include "models/TodayCounters.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QSignalSpy>

#include <cmath>

using vantage::Counter;
using vantage::LiveEvent;
using vantage::NamedValue;
using vantage::TodayCounters;

namespace {

const QTimeZone utcPlus2(7200);
constexpr qint64 minute = 60'000;

qint64 localMs(QDate date, QTime time)
{
    return QDateTime(date, time, utcPlus2).toMSecsSinceEpoch();
}

LiveEvent event(const QString &type, const QString &role = QString(), double value = qQNaN())
{
    LiveEvent e;
    e.type = type;
    e.role = role;
    e.value = value;
    return e;
}

const QDate day1(2026, 3, 10);
const qint64 noon = localMs(day1, QTime(12, 0));

} // namespace

TEST(TodayCounters, CountsEachEventType)
{
    TodayCounters counters(nullptr, utcPlus2);
    QSignalSpy changed(&counters, &TodayCounters::changed);
    counters.applyEvent(noon, event(QStringLiteral("signup"), QStringLiteral("supplier")));
    counters.applyEvent(noon, event(QStringLiteral("signup"), QStringLiteral("couple")));
    counters.applyEvent(noon, event(QStringLiteral("signup")));
    counters.applyEvent(noon, event(QStringLiteral("payment"), QString(), 100.0));
    counters.applyEvent(noon, event(QStringLiteral("payment"), QString(), 50.5));
    counters.applyEvent(noon, event(QStringLiteral("payment")));
    counters.applyEvent(noon, event(QStringLiteral("form_submission")));
    counters.applyEvent(noon, event(QStringLiteral("invitation")));
    counters.applyEvent(noon, event(QStringLiteral("invitation")));
    counters.applyEvent(noon, event(QStringLiteral("custom_thing")));
    counters.applyActiveUsers(noon, 42);

    EXPECT_EQ(counters.value(Counter::Signups), 3);
    EXPECT_EQ(counters.value(Counter::SupplierSignups), 1);
    EXPECT_EQ(counters.value(Counter::CoupleSignups), 1);
    EXPECT_EQ(counters.value(Counter::Payments), 3);
    EXPECT_DOUBLE_EQ(counters.value(Counter::Revenue), 150.5);
    EXPECT_EQ(counters.value(Counter::FormSubmissions), 1);
    EXPECT_EQ(counters.value(Counter::Invitations), 2);
    EXPECT_EQ(counters.value(Counter::ActiveUsers), 42);
    EXPECT_EQ(counters.day(), day1);
    // Every counted event and the level changed something; the custom event did not.
    EXPECT_EQ(changed.count(), 10);
}

TEST(TodayCounters, CounterNamesAreTheSnapshotNames)
{
    EXPECT_STREQ(vantage::counterName(Counter::SupplierSignups), "signups.supplier");
    EXPECT_STREQ(vantage::counterName(Counter::FormSubmissions), "form_submissions");
    EXPECT_EQ(vantage::counterFromName(u"invitations"), Counter::Invitations);
    EXPECT_FALSE(vantage::counterFromName(u"nope").has_value());
}

TEST(TodayCounters, TrendAgainstThePreviousHour)
{
    TodayCounters counters(nullptr, utcPlus2);
    const qint64 t0 = localMs(day1, QTime(8, 0));
    for (int i = 0; i < 4; ++i)
        counters.applyEvent(t0 + 10 * minute, event(QStringLiteral("signup")));
    for (int i = 0; i < 6; ++i)
        counters.applyEvent(t0 + 70 * minute, event(QStringLiteral("signup")));
    counters.applyActiveUsers(t0 + 59 * minute, 100);
    counters.applyActiveUsers(t0 + 119 * minute, 80);
    counters.advanceTo(t0 + 119 * minute + 30'000);

    EXPECT_DOUBLE_EQ(counters.trendPercent(Counter::Signups), 50.0);
    EXPECT_DOUBLE_EQ(counters.trendPercent(Counter::ActiveUsers), -20.0);
    EXPECT_TRUE(std::isnan(counters.trendPercent(Counter::Payments)));

    // An hour later the six are the base and nothing happened since.
    counters.advanceTo(t0 + 179 * minute);
    EXPECT_DOUBLE_EQ(counters.trendPercent(Counter::Signups), -100.0);
}

TEST(TodayCounters, LastHourPerMinute)
{
    TodayCounters counters(nullptr, utcPlus2);
    const qint64 t0 = localMs(day1, QTime(8, 0));
    counters.applyActiveUsers(t0 + 59 * minute, 100);
    counters.applyEvent(t0 + 70 * minute + 5'000, event(QStringLiteral("payment"), QString(), 10));
    counters.applyEvent(t0 + 70 * minute + 50'000, event(QStringLiteral("payment"), QString(), 5));
    counters.applyEvent(t0 + 118 * minute, event(QStringLiteral("payment"), QString(), 1));
    counters.applyActiveUsers(t0 + 119 * minute, 80);

    const std::vector<double> revenue = counters.lastHourPerMinute(Counter::Revenue);
    ASSERT_EQ(revenue.size(), 60u);
    // The window is minutes 60..119 after t0, oldest first.
    EXPECT_EQ(revenue[10], 15);
    EXPECT_EQ(revenue[58], 1);
    EXPECT_EQ(revenue[0], 0);
    EXPECT_EQ(revenue[59], 0);

    const std::vector<double> active = counters.lastHourPerMinute(Counter::ActiveUsers);
    ASSERT_EQ(active.size(), 60u);
    EXPECT_EQ(active[0], 100);
    EXPECT_EQ(active[58], 100);
    EXPECT_EQ(active[59], 80);

    TodayCounters empty(nullptr, utcPlus2);
    EXPECT_TRUE(std::isnan(empty.lastHourPerMinute(Counter::ActiveUsers)[0]));
    EXPECT_EQ(empty.lastHourPerMinute(Counter::Signups)[0], 0);
}

TEST(TodayCounters, RollsOverAtLocalMidnight)
{
    TodayCounters counters(nullptr, utcPlus2);
    QSignalSpy rolled(&counters, &TodayCounters::dayRolledOver);
    counters.applyEvent(localMs(day1, QTime(23, 59, 30)), event(QStringLiteral("signup")));
    counters.applyActiveUsers(localMs(day1, QTime(23, 59, 30)), 7);
    EXPECT_EQ(counters.value(Counter::Signups), 1);

    counters.advanceTo(localMs(day1, QTime(23, 59, 59)));
    EXPECT_EQ(rolled.count(), 0);
    EXPECT_EQ(counters.day(), day1);

    // Local midnight is 22:00 UTC; the rollover needs no event.
    const qint64 midnight = localMs(day1.addDays(1), QTime(0, 0));
    EXPECT_EQ(QDateTime::fromMSecsSinceEpoch(midnight, QTimeZone::utc()).time(), QTime(22, 0));
    counters.advanceTo(midnight);
    ASSERT_EQ(rolled.count(), 1);
    EXPECT_EQ(rolled.at(0).at(0).toDate(), day1.addDays(1));
    EXPECT_EQ(counters.day(), day1.addDays(1));
    EXPECT_EQ(counters.value(Counter::Signups), 0);
    EXPECT_EQ(counters.value(Counter::ActiveUsers), 7);

    // A late event from yesterday does not count today.
    counters.applyEvent(localMs(day1, QTime(23, 59, 50)), event(QStringLiteral("signup")));
    EXPECT_EQ(counters.value(Counter::Signups), 0);
    counters.applyEvent(midnight + 1'000, event(QStringLiteral("signup")));
    EXPECT_EQ(counters.value(Counter::Signups), 1);

    // The same instant in UTC is still the first day.
    TodayCounters utc(nullptr, QTimeZone::utc());
    utc.applyEvent(localMs(day1, QTime(23, 59, 30)), event(QStringLiteral("signup")));
    utc.advanceTo(midnight);
    EXPECT_EQ(utc.day(), day1);
    EXPECT_EQ(utc.value(Counter::Signups), 1);
}

TEST(TodayCounters, SnapshotSetsAbsoluteValues)
{
    TodayCounters counters(nullptr, utcPlus2);
    counters.applyEvent(noon, event(QStringLiteral("signup")));
    QSignalSpy changed(&counters, &TodayCounters::changed);
    counters.applySnapshot(noon + 1'000, {NamedValue{QStringLiteral("signups"), 120},
                                          NamedValue{QStringLiteral("signups.supplier"), 50},
                                          NamedValue{QStringLiteral("revenue"), 999.5},
                                          NamedValue{QStringLiteral("active_users"), 33},
                                          NamedValue{QStringLiteral("unknown_counter"), 5}});
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(counters.value(Counter::Signups), 120);
    EXPECT_EQ(counters.value(Counter::SupplierSignups), 50);
    EXPECT_DOUBLE_EQ(counters.value(Counter::Revenue), 999.5);
    EXPECT_EQ(counters.value(Counter::ActiveUsers), 33);
    EXPECT_EQ(counters.value(Counter::Payments), 0);
    counters.applyEvent(noon + 2'000, event(QStringLiteral("signup")));
    EXPECT_EQ(counters.value(Counter::Signups), 121);
}

TEST(TodayCounters, UpdateScopeCoalescesChanged)
{
    TodayCounters counters(nullptr, utcPlus2);
    QSignalSpy changed(&counters, &TodayCounters::changed);
    counters.beginUpdate();
    counters.applyEvent(noon, event(QStringLiteral("signup")));
    counters.applyEvent(noon, event(QStringLiteral("invitation")));
    EXPECT_EQ(changed.count(), 0);
    counters.endUpdate();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(counters.value(Counter::Invitations), 1);

    counters.beginUpdate();
    counters.endUpdate();
    EXPECT_EQ(changed.count(), 1);
}
