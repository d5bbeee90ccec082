#pragma once

#include "models/HourlyLoad.h"

#include <QString>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace vantage {

// The expected load (events per hour) of the next hours, from the same hours in the history
// (docs/forecast.md). Each upcoming hour rests on the complete past hours of the same weekday
// and hour when at least kMinWeeks weeks cover it, else on the same hour of any day when at
// least kMinDays days do; otherwise it is too short, and says so rather than guess.
struct LoadForecast
{
    enum class Basis : quint8 { SameWeekdayAndHour, SameHourOfDay, TooShort };

    static constexpr int kMinWeeks = 2;
    static constexpr int kMinDays = 3;
    // A peak: an hour expected at this many times the history's median hour or more...
    static constexpr double kPeakFactor = 1.5;
    // ...and at this many events or more, so a history of idle hours has no peak of one event.
    static constexpr double kMinPeakEvents = 1.0;
    // The history's first and last hours count only when it began or ended this close to their
    // edge; a log started at 10:47 says little about 10:00.
    static constexpr qint64 kEdgeToleranceMs = 60'000;

    struct Hour
    {
        HourlyLoad::Slot slot;
        Basis basis = Basis::TooShort;
        // The past hours it rests on. When too short: the past hours of the same hour of day,
        // fewer than kMinDays.
        int samples = 0;
        double expected = 0.0; // the samples' median, events/h; 0 when too short
        qint64 low = 0;        // the samples' least
        qint64 high = 0;       // and greatest
        bool peak = false;
    };

    // The hour in progress at `nowMs`, then the following ones: `hoursAhead` in all (at least 1).
    // History is the complete covered hours that ended by `nowMs`.
    static LoadForecast compute(const HourlyLoad &history, qint64 nowMs, int hoursAhead = 6);

    bool peakExpected() const { return peakHour.has_value(); }
    // No upcoming hour has enough history.
    bool tooShort() const;
    // The load from which an hour is a peak; NaN without history.
    double peakThreshold() const;

    // The operator's one line: "Peak expected 18:00–19:00: ~1,240 events/h (same weekday and
    // hour, 3 weeks)", "No peak expected in the next 6 h", or why the history is too short.
    QString summary() const;
    // "History: 504 h covered, 1 Jun 00:00 – 22 Jun 00:00".
    QString historyText() const;
    // "18:00–19:00", with the weekday ("Tue 01:00–02:00") when not on today's date.
    QString hourLabel(const Hour &hour) const;
    // "same weekday and hour, 3 weeks", "same hour of day, 4 days", or why it is too short.
    QString basisText(const Hour &hour) const;
    // "~1,240 events/h"; "–" when too short.
    static QString expectedText(const Hour &hour);
    // "1,100–1,400"; empty when too short.
    static QString rangeText(const Hour &hour);

    std::vector<Hour> hours;
    std::optional<qsizetype> peakHour; // index in `hours` of the greatest peak (the first of equals)
    double historyMedian = 0.0;        // over the history's hours, events/h
    qsizetype historyHours = 0;        // complete covered hours the forecast drew on
    qint64 historyFromMs = 0;          // the first one's start
    qint64 historyToMs = 0;            // the last one's end
    qint64 nowMs = 0;
    QTimeZone zone;
};

} // namespace vantage
