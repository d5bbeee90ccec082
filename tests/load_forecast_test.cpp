#include "models/LoadForecast.h"

#include <QDateTime>

#include <gtest/gtest.h>

#include <functional>
#include <optional>

// The load forecast on synthetic periodic histories: the expected values are the pattern, the
// basis is the one the rules allow, peaks are flagged by the documented rule, and a history too
// short says so.

using vantage::HourlyLoad;
using vantage::LoadForecast;
using Basis = LoadForecast::Basis;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = HourlyLoad::kHourMs;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;

// Events in an hour, by its weekday (1 = Monday) and hour of day.
using Pattern = std::function<qint64(int dayOfWeek, int hourOfDay)>;

const QTimeZone kZone(2 * 3600);

// Monday 1 June 2026, 00:00 in `zone`.
qint64 mondayMs(const QTimeZone &zone = kZone)
{
    return QDateTime(QDate(2026, 6, 1), QTime(0, 0), zone).toMSecsSinceEpoch();
}

qint64 weekly(int dayOfWeek, int hourOfDay)
{
    return 10 * dayOfWeek + hourOfDay;
}

// Records the hours [from, to) counted from `base` (mondayMs() in the load's zone unless given): in
// each, a heartbeat at its start and 30 s before its end, and `pattern` events spread over it;
// hours `covered` refuses are left out.
void record(HourlyLoad &load, qint64 from, qint64 to, const Pattern &pattern,
            const std::function<bool(qint64)> &covered = {}, std::optional<qint64> baseMs = {})
{
    const qint64 base = baseMs.value_or(mondayMs(load.zone()));
    for (qint64 i = from; i < to; ++i) {
        if (covered && !covered(i))
            continue;
        const qint64 start = base + i * kHour;
        const qint64 events = pattern(int(i / 24 % 7) + 1, int(i % 24));
        load.addFrame(start, false);
        for (qint64 k = 0; k < events; ++k)
            load.addFrame(start + 1000 + k * (kHour - 2 * kMinute) / events, true);
        load.addFrame(start + kHour - 30'000, false);
    }
}

HourlyLoad weeksOf(int weeks, const Pattern &pattern)
{
    HourlyLoad load(kZone);
    record(load, 0, weeks * 7 * 24, pattern);
    return load;
}

// 16:20 on the Wednesday of week `week` (0 = the first).
qint64 wednesdayAfternoon(int week)
{
    return mondayMs() + week * kWeek + 2 * kDay + 16 * kHour + 20 * kMinute;
}

} // namespace

TEST(LoadForecast, ThreeWeeksOfAWeeklyPatternForecastThePatternExactly)
{
    const LoadForecast forecast = LoadForecast::compute(weeksOf(3, weekly), wednesdayAfternoon(3));

    ASSERT_EQ(forecast.hours.size(), 6u);
    for (std::size_t i = 0; i < forecast.hours.size(); ++i) {
        const LoadForecast::Hour &hour = forecast.hours[i];
        const int hourOfDay = 16 + int(i);
        EXPECT_EQ(hour.slot.startMs, mondayMs() + 3 * kWeek + 2 * kDay + hourOfDay * kHour);
        EXPECT_EQ(hour.slot.hourOfDay, hourOfDay);
        EXPECT_EQ(hour.basis, Basis::SameWeekdayAndHour);
        EXPECT_EQ(hour.samples, 3);
        EXPECT_DOUBLE_EQ(hour.expected, double(weekly(3, hourOfDay)));
        EXPECT_EQ(hour.low, weekly(3, hourOfDay));
        EXPECT_EQ(hour.high, weekly(3, hourOfDay));
    }
    EXPECT_EQ(forecast.historyHours, 3 * 7 * 24);
    EXPECT_EQ(forecast.historyFromMs, mondayMs());
    EXPECT_EQ(forecast.historyToMs, mondayMs() + 3 * kWeek);
    EXPECT_EQ(forecast.basisText(forecast.hours[0]), QStringLiteral("same weekday and hour, 3 weeks"));
    EXPECT_EQ(forecast.historyText(),
              QStringLiteral("History: 504 h covered, 1 Jun 00:00 \u2013 22 Jun 00:00"));
}

TEST(LoadForecast, TheMedianOfTheWeeksWithTheirRange)
{
    // 40, 90, 40 and 50 events at every hour of the four weeks: the forecast is their median, 45,
    // unmoved by the busy second week, and the range spans them all.
    const auto flat = [](qint64 events) { return [events](int, int) { return events; }; };
    const auto notTheSecondWeek = [](qint64 i) { return i / (7 * 24) != 1; };
    HourlyLoad load(kZone);
    record(load, 0, 3 * 7 * 24, flat(40), notTheSecondWeek);
    record(load, 7 * 24, 2 * 7 * 24, flat(90));
    record(load, 3 * 7 * 24, 4 * 7 * 24, flat(50));

    const LoadForecast forecast = LoadForecast::compute(load, wednesdayAfternoon(4), 1);
    ASSERT_EQ(forecast.hours.size(), 1u);
    EXPECT_EQ(forecast.hours[0].samples, 4);
    EXPECT_DOUBLE_EQ(forecast.hours[0].expected, 45.0);
    EXPECT_EQ(forecast.hours[0].low, 40);
    EXPECT_EQ(forecast.hours[0].high, 90);
    EXPECT_EQ(LoadForecast::rangeText(forecast.hours[0]), QStringLiteral("40\u201390"));
}

TEST(LoadForecast, FlagsTheEveningPeak)
{
    // 100 events an hour, but 1,240 on Wednesdays from 18:00 and 300 from 20:00.
    const auto pattern = [](int dayOfWeek, int hourOfDay) -> qint64 {
        if (dayOfWeek == 3 && (hourOfDay == 18 || hourOfDay == 19))
            return 1240;
        if (dayOfWeek == 3 && hourOfDay == 20)
            return 300;
        return 100;
    };
    const LoadForecast forecast = LoadForecast::compute(weeksOf(3, pattern), wednesdayAfternoon(3));

    EXPECT_DOUBLE_EQ(forecast.historyMedian, 100.0);
    EXPECT_DOUBLE_EQ(forecast.peakThreshold(), 150.0);
    ASSERT_TRUE(forecast.peakExpected());
    EXPECT_EQ(forecast.peakHour, 2); // the first of the two equal hours
    const std::vector<bool> peaks = {false, false, true, true, true, false};
    for (std::size_t i = 0; i < peaks.size(); ++i)
        EXPECT_EQ(forecast.hours[i].peak, peaks[i]) << "hour " << i;
    EXPECT_EQ(forecast.summary(), QStringLiteral("Peak expected 18:00\u201319:00: ~1,240 events/h "
                                                 "(same weekday and hour, 3 weeks)"));
}

TEST(LoadForecast, AFlatHistoryHasNoPeak)
{
    const LoadForecast forecast =
        LoadForecast::compute(weeksOf(3, [](int, int) -> qint64 { return 100; }), wednesdayAfternoon(3));
    EXPECT_FALSE(forecast.peakExpected());
    EXPECT_FALSE(forecast.tooShort());
    for (const LoadForecast::Hour &hour : forecast.hours)
        EXPECT_FALSE(hour.peak);
    EXPECT_EQ(forecast.summary(), QStringLiteral("No peak expected in the next 6 h"));
}

TEST(LoadForecast, AnIdleHistoryPeaksOnlyWhereEventsAreExpected)
{
    // The median hour is empty: an hour with an event is a peak, an hour with none is not.
    const auto pattern = [](int, int hourOfDay) -> qint64 { return hourOfDay == 17 ? 1 : 0; };
    const LoadForecast forecast = LoadForecast::compute(weeksOf(3, pattern), wednesdayAfternoon(3));
    EXPECT_DOUBLE_EQ(forecast.historyMedian, 0.0);
    EXPECT_TRUE(forecast.hours[1].peak);
    const auto quiet = [](int, int) -> qint64 { return 0; };
    EXPECT_FALSE(LoadForecast::compute(weeksOf(3, quiet), wednesdayAfternoon(3)).peakExpected());
}

TEST(LoadForecast, TwoDaysAreTooShort)
{
    HourlyLoad load(kZone);
    record(load, 0, 2 * 24, weekly);
    const LoadForecast forecast = LoadForecast::compute(load, mondayMs() + 2 * kDay + 10 * kHour);

    EXPECT_TRUE(forecast.tooShort());
    EXPECT_FALSE(forecast.peakExpected());
    for (const LoadForecast::Hour &hour : forecast.hours) {
        EXPECT_EQ(hour.basis, Basis::TooShort);
        EXPECT_EQ(hour.samples, 2);
    }
    EXPECT_EQ(forecast.summary(),
              QStringLiteral("History covers 48 h; a forecast needs the same hour on at least 3 days"));
    EXPECT_EQ(forecast.basisText(forecast.hours[0]),
              QStringLiteral("too little history: 2 days cover this hour, a forecast needs 3"));
    EXPECT_EQ(LoadForecast::expectedText(forecast.hours[0]), QStringLiteral("\u2013"));
}

TEST(LoadForecast, FourDaysUseTheSameHourOfDay)
{
    HourlyLoad load(kZone);
    const auto daily = [](int, int hourOfDay) -> qint64 { return 5 * hourOfDay; };
    record(load, 0, 4 * 24, daily);
    // Friday 10:20: no Friday in the history, the same hour on Monday to Thursday.
    const LoadForecast forecast =
        LoadForecast::compute(load, mondayMs() + 4 * kDay + 10 * kHour + 20 * kMinute);

    ASSERT_FALSE(forecast.tooShort());
    for (std::size_t i = 0; i < forecast.hours.size(); ++i) {
        const LoadForecast::Hour &hour = forecast.hours[i];
        EXPECT_EQ(hour.basis, Basis::SameHourOfDay);
        EXPECT_EQ(hour.samples, 4);
        EXPECT_DOUBLE_EQ(hour.expected, double(daily(5, 10 + int(i))));
    }
    EXPECT_EQ(forecast.basisText(forecast.hours[0]), QStringLiteral("same hour of day, 4 days"));
}

TEST(LoadForecast, OneWeekOfAWeekdayFallsBackToTheSameHourOfDay)
{
    // Ten days: Monday to Wednesday twice, Thursday once. Thursday 12:00 rests on every day's 12:00.
    HourlyLoad load(kZone);
    record(load, 0, 10 * 24, weekly);
    const LoadForecast forecast = LoadForecast::compute(load, mondayMs() + 10 * kDay + 12 * kHour);
    ASSERT_EQ(forecast.hours[0].slot.dayOfWeek, 4);
    EXPECT_EQ(forecast.hours[0].basis, Basis::SameHourOfDay);
    EXPECT_EQ(forecast.hours[0].samples, 10);
}

TEST(LoadForecast, UncoveredHoursAreNotZeroLoad)
{
    // The second week was not recorded from 12:00 to 20:00 on Wednesday, but for 19:00, which
    // had no events: an hour not recorded is left out, a covered hour without events is zero.
    HourlyLoad load(kZone);
    const qint64 wednesdayWeek2 = 7 * 24 + 2 * 24;
    record(load, 0, 3 * 7 * 24, weekly,
           [&](qint64 i) { return i < wednesdayWeek2 + 12 || i >= wednesdayWeek2 + 20; });
    record(load, wednesdayWeek2 + 19, wednesdayWeek2 + 20, [](int, int) -> qint64 { return 0; });

    const LoadForecast forecast = LoadForecast::compute(load, wednesdayAfternoon(3));
    EXPECT_EQ(forecast.hours[0].samples, 2);
    EXPECT_DOUBLE_EQ(forecast.hours[0].expected, double(weekly(3, 16)));
    EXPECT_EQ(forecast.hours[0].low, weekly(3, 16));
    EXPECT_EQ(forecast.hours[3].samples, 3);
    EXPECT_EQ(forecast.hours[3].low, 0);
    EXPECT_EQ(forecast.historyHours, 3 * 7 * 24 - 7);
}

TEST(LoadForecast, LeavesOutHoursTheHistoryOnlyPartlyCovers)
{
    HourlyLoad load(kZone);
    // The history begins at 16:47 on the first Wednesday, and runs on until now, 16:20 on the
    // fourth: neither 16:00 counts.
    const qint64 firstWednesday = 2 * 24;
    load.addFrame(mondayMs() + firstWednesday * kHour + 16 * kHour + 47 * kMinute, true);
    record(load, firstWednesday + 17, 3 * 7 * 24 + firstWednesday + 16, weekly);
    const qint64 now = wednesdayAfternoon(3);
    for (qint64 t = now - 20 * kMinute; t < now; t += kMinute)
        load.addFrame(t, true);

    const LoadForecast forecast = LoadForecast::compute(load, now);
    EXPECT_EQ(forecast.hours[0].samples, 2);
    EXPECT_EQ(forecast.hours[0].low, weekly(3, 16));
    EXPECT_EQ(forecast.hours[1].samples, 3);
    EXPECT_EQ(forecast.historyFromMs, mondayMs() + (firstWednesday + 17) * kHour);
}

TEST(LoadForecast, ReadsTheHoursOfItsTimeZone)
{
    // A pattern in a zone five and a half hours ahead of UTC: its hours begin at half past.
    const auto pattern = [](int dayOfWeek, int hourOfDay) -> qint64 { return 10 * hourOfDay + dayOfWeek; };
    const QTimeZone india(5 * 3600 + 1800);
    HourlyLoad load(india);
    record(load, 0, 3 * 7 * 24, pattern);
    const qint64 now = mondayMs(india) + 3 * kWeek + 2 * kDay + 16 * kHour + 20 * kMinute;
    const LoadForecast forecast = LoadForecast::compute(load, now);

    EXPECT_EQ(forecast.hours[0].slot.startMs % kHour, 30 * kMinute);
    EXPECT_EQ(forecast.hours[0].basis, Basis::SameWeekdayAndHour);
    EXPECT_DOUBLE_EQ(forecast.hours[0].expected, double(pattern(3, 16)));
    EXPECT_EQ(forecast.hourLabel(forecast.hours[0]), QStringLiteral("16:00\u201317:00"));

    // Read in UTC, the same frames fall across the zone's hours: the hour in progress is UTC's
    // 10:00, half of 15:00 and half of 16:00 there.
    HourlyLoad utc{QTimeZone(0)};
    record(utc, 0, 3 * 7 * 24, pattern, {}, mondayMs(india));
    const LoadForecast inUtc = LoadForecast::compute(utc, now);
    EXPECT_EQ(inUtc.hourLabel(inUtc.hours[0]), QStringLiteral("10:00\u201311:00"));
    EXPECT_EQ(inUtc.hours[0].samples, 3);
    EXPECT_GT(inUtc.hours[0].expected, double(pattern(3, 15)));
    EXPECT_LT(inUtc.hours[0].expected, double(pattern(3, 16)));
}

TEST(LoadForecast, NamesTheWeekdayOfHoursAfterMidnight)
{
    const LoadForecast forecast = LoadForecast::compute(
        weeksOf(3, weekly), mondayMs() + 3 * kWeek + 2 * kDay + 22 * kHour + 5 * kMinute);
    EXPECT_EQ(forecast.hourLabel(forecast.hours[1]), QStringLiteral("23:00\u201300:00"));
    EXPECT_EQ(forecast.hourLabel(forecast.hours[2]), QStringLiteral("Thu 00:00\u201301:00"));
    EXPECT_EQ(forecast.hours[2].slot.dayOfWeek, 4);
    EXPECT_DOUBLE_EQ(forecast.hours[2].expected, double(weekly(4, 0)));
}

TEST(LoadForecast, SaysWhichHoursHaveTooLittleHistory)
{
    // Four working days recorded from 08:00 to 18:00 only: from 18:00, nothing to go on.
    HourlyLoad load(kZone);
    record(load, 0, 4 * 24, weekly, [](qint64 i) { return i % 24 >= 8 && i % 24 < 18; });
    const LoadForecast forecast =
        LoadForecast::compute(load, mondayMs() + 4 * kDay + 16 * kHour + 20 * kMinute);

    EXPECT_FALSE(forecast.tooShort());
    EXPECT_EQ(forecast.hours[1].basis, Basis::SameHourOfDay);
    EXPECT_EQ(forecast.hours[2].basis, Basis::TooShort);
    EXPECT_EQ(forecast.hours[2].samples, 0);
    EXPECT_EQ(forecast.basisText(forecast.hours[2]),
              QStringLiteral("too little history: no day covers this hour"));
    EXPECT_EQ(forecast.summary(), QStringLiteral("No peak expected in the 2 h with enough history; "
                                                 "too little history for 4 of the next 6 h"));
}

TEST(LoadForecast, WithoutHistorySaysSo)
{
    const LoadForecast forecast = LoadForecast::compute(HourlyLoad(kZone), mondayMs());
    EXPECT_TRUE(forecast.tooShort());
    EXPECT_EQ(forecast.historyHours, 0);
    EXPECT_TRUE(qIsNaN(forecast.peakThreshold()));
    EXPECT_EQ(
        forecast.summary(),
        QStringLiteral("No complete hour of history; a forecast needs the same hour on at least 3 days"));
    EXPECT_EQ(forecast.historyText(), QStringLiteral("No complete hour of history"));
}
