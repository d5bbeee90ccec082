#include "models/HourlyLoad.h"

#include <QDateTime>

#include <gtest/gtest.h>

// The history a load forecast draws on: events per hour of a time zone, which hours are covered
// at all, and the bound on what is kept.

using vantage::HourlyLoad;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = HourlyLoad::kHourMs;

QTimeZone offsetZone(int seconds)
{
    return QTimeZone(seconds);
}

// `local` wall-clock time in `zone`, as ms since the epoch.
qint64 at(const QTimeZone &zone, int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), zone).toMSecsSinceEpoch();
}

} // namespace

TEST(HourlyLoad, CountsEventsPerHourAndCoversHoursWithAnyFrame)
{
    const QTimeZone utc = offsetZone(0);
    HourlyLoad load(utc);
    const qint64 nine = at(utc, 2026, 6, 3, 9);
    load.addFrame(nine + 5 * kMinute, true);
    load.addFrame(nine + 59 * kMinute, true);
    load.addFrame(nine + 30 * kMinute, false);
    load.addFrame(nine + kHour + 10 * kMinute, false); // 10:00 has only a heartbeat
    load.addFrame(nine + 3 * kHour, true);             // 11:00 has nothing: not covered

    const std::vector<HourlyLoad::CoveredHour> hours = load.coveredHours();
    ASSERT_EQ(hours.size(), 3u);
    EXPECT_EQ(hours[0].slot.startMs, nine);
    EXPECT_EQ(hours[0].events, 2);
    EXPECT_EQ(hours[1].slot.startMs, nine + kHour);
    EXPECT_EQ(hours[1].events, 0);
    EXPECT_EQ(hours[2].slot.startMs, nine + 3 * kHour);
    EXPECT_EQ(hours[2].events, 1);
    EXPECT_EQ(hours[2].slot.hourOfDay, 12);
    EXPECT_EQ(hours[2].slot.dayOfWeek, 3); // 3 June 2026 is a Wednesday
    EXPECT_EQ(load.coveredCount(), 3);
}

TEST(HourlyLoad, KnowsItsFirstAndLastFrameWhateverTheOrder)
{
    HourlyLoad load(offsetZone(0));
    EXPECT_FALSE(load.firstFrameMs());
    EXPECT_FALSE(load.lastFrameMs());
    const qint64 t = at(offsetZone(0), 2026, 6, 3, 9, 20);
    load.addFrame(t + kHour, false);
    load.addFrame(t, true);
    load.addFrame(t + kHour + kMinute, true);
    load.addFrame(t + 30 * kMinute, false);
    EXPECT_EQ(load.firstFrameMs(), t);
    EXPECT_EQ(load.lastFrameMs(), t + kHour + kMinute);
}

TEST(HourlyLoad, AlignsHoursToTheZonesHours)
{
    // Five and a half hours ahead of UTC: the zone's hours begin at half past, in UTC.
    const QTimeZone zone = offsetZone(5 * 3600 + 1800);
    HourlyLoad load(zone);
    const qint64 utcTen = at(offsetZone(0), 2026, 6, 7, 10); // a Sunday
    load.addFrame(utcTen + 29 * kMinute, true);              // 15:59 there
    load.addFrame(utcTen + 31 * kMinute, true);              // 16:01 there

    const std::vector<HourlyLoad::CoveredHour> hours = load.coveredHours();
    ASSERT_EQ(hours.size(), 2u);
    EXPECT_EQ(hours[0].slot.startMs, utcTen - 30 * kMinute);
    EXPECT_EQ(hours[0].slot.hourOfDay, 15);
    EXPECT_EQ(hours[1].slot.startMs, utcTen + 30 * kMinute);
    EXPECT_EQ(hours[1].slot.hourOfDay, 16);
    EXPECT_EQ(hours[1].slot.dayOfWeek, 7);
    EXPECT_EQ(load.slotAt(utcTen + 31 * kMinute).startMs, hours[1].slot.startMs);
}

TEST(HourlyLoad, NamesTheLocalDayAcrossMidnightAndBeforeTheEpoch)
{
    const QTimeZone zone = offsetZone(-3 * 3600);
    HourlyLoad load(zone);
    // 01:00 UTC on a Monday is still Sunday 22:00 three hours behind.
    const HourlyLoad::Slot slot = load.slotAt(at(offsetZone(0), 2026, 6, 8, 1, 15));
    EXPECT_EQ(slot.dayOfWeek, 7);
    EXPECT_EQ(slot.hourOfDay, 22);
    EXPECT_EQ(slot.startMs, at(zone, 2026, 6, 7, 22));

    const HourlyLoad::Slot old = load.slotAt(at(zone, 1969, 12, 31, 23, 59)); // a Wednesday
    EXPECT_EQ(old.dayOfWeek, 3);
    EXPECT_EQ(old.hourOfDay, 23);
    EXPECT_EQ(old.startMs, at(zone, 1969, 12, 31, 23));
}

TEST(HourlyLoad, FollowsDaylightSavingTime)
{
    const QTimeZone berlin("Europe/Berlin");
    ASSERT_TRUE(berlin.isValid());
    HourlyLoad load(berlin);
    // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST, at 01:00 UTC.
    const qint64 utcMidnight = at(offsetZone(0), 2026, 3, 29, 0);
    load.addFrame(utcMidnight + 30 * kMinute, true); // 01:30 CET
    load.addFrame(utcMidnight + 90 * kMinute, true); // 03:30 CEST

    const std::vector<HourlyLoad::CoveredHour> hours = load.coveredHours();
    ASSERT_EQ(hours.size(), 2u);
    EXPECT_EQ(hours[0].slot.hourOfDay, 1);
    EXPECT_EQ(hours[1].slot.hourOfDay, 3);
    EXPECT_EQ(hours[1].slot.startMs - hours[0].slot.startMs, kHour);
}

TEST(HourlyLoad, KeepsOnlyTheNewestHours)
{
    const QTimeZone utc = offsetZone(0);
    HourlyLoad load(utc, 24);
    const qint64 start = at(utc, 2026, 6, 1, 0);
    for (int h = 0; h < 30; ++h)
        load.addFrame(start + h * kHour + kMinute, true);

    std::vector<HourlyLoad::CoveredHour> hours = load.coveredHours();
    ASSERT_EQ(hours.size(), 24u);
    EXPECT_EQ(hours.front().slot.startMs, start + 6 * kHour);
    EXPECT_EQ(hours.back().slot.startMs, start + 29 * kHour);
    EXPECT_EQ(load.firstFrameMs(), start + 6 * kHour + kMinute);

    // A late frame from an hour already dropped is not taken back.
    load.addFrame(start + 2 * kHour, true);
    EXPECT_EQ(load.coveredCount(), 24);
    EXPECT_EQ(load.coveredHours().front().slot.startMs, start + 6 * kHour);
}

TEST(HourlyLoad, KeepsEightWeeksByDefault)
{
    const QTimeZone utc = offsetZone(0);
    HourlyLoad load(utc);
    const qint64 start = at(utc, 2026, 1, 5, 0);
    for (int h = 0; h < 9 * 7 * 24; ++h)
        load.addFrame(start + h * kHour, h % 2 == 0);
    EXPECT_EQ(load.coveredCount(), HourlyLoad::kDefaultMaxHours);
    EXPECT_EQ(load.coveredHours().front().slot.startMs, start + 7 * 24 * kHour);
}
