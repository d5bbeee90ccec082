#include "models/LoadForecast.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

constexpr qint64 kHourMs = HourlyLoad::kHourMs;

// Fixed, like widgets/ValueFormat: the forecast reads the same on every workstation.
const QLocale &textLocale()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

QString count(double value)
{
    return textLocale().toString(qint64(std::llround(value)));
}

// The hours of the history a forecast may draw on: over by `nowMs`, and not cut by its start or end.
std::vector<HourlyLoad::CoveredHour> completeHours(const HourlyLoad &history, qint64 nowMs)
{
    std::vector<HourlyLoad::CoveredHour> hours = history.coveredHours();
    if (hours.empty())
        return hours;
    const qint64 firstMs = *history.firstFrameMs();
    const qint64 lastMs = *history.lastFrameMs();
    std::erase_if(hours, [&](const HourlyLoad::CoveredHour &hour) {
        const qint64 start = hour.slot.startMs;
        const qint64 end = start + kHourMs;
        const bool cutAtStart =
            firstMs >= start && firstMs < end && firstMs - start > LoadForecast::kEdgeToleranceMs;
        const bool cutAtEnd =
            lastMs >= start && lastMs < end && end - lastMs > LoadForecast::kEdgeToleranceMs;
        return end > nowMs || cutAtStart || cutAtEnd;
    });
    return hours;
}

double median(const std::vector<qint64> &sorted)
{
    const std::size_t n = sorted.size();
    return n % 2 == 1 ? double(sorted[n / 2]) : (double(sorted[n / 2 - 1]) + double(sorted[n / 2])) / 2.0;
}

// Fills the hour's expectation from the event counts of its samples (at least one).
void rest(LoadForecast::Hour &hour, LoadForecast::Basis basis, std::vector<qint64> counts)
{
    std::sort(counts.begin(), counts.end());
    hour.basis = basis;
    hour.samples = int(counts.size());
    hour.expected = median(counts);
    hour.low = counts.front();
    hour.high = counts.back();
}

void forecastHour(LoadForecast::Hour &hour, const std::vector<HourlyLoad::CoveredHour> &past)
{
    std::vector<qint64> sameWeekday;
    std::vector<qint64> sameHour;
    for (const HourlyLoad::CoveredHour &sample : past) {
        if (sample.slot.hourOfDay != hour.slot.hourOfDay)
            continue;
        sameHour.push_back(sample.events);
        if (sample.slot.dayOfWeek == hour.slot.dayOfWeek)
            sameWeekday.push_back(sample.events);
    }
    if (int(sameWeekday.size()) >= LoadForecast::kMinWeeks)
        rest(hour, LoadForecast::Basis::SameWeekdayAndHour, std::move(sameWeekday));
    else if (int(sameHour.size()) >= LoadForecast::kMinDays)
        rest(hour, LoadForecast::Basis::SameHourOfDay, std::move(sameHour));
    else
        hour.samples = int(sameHour.size());
}

} // namespace

LoadForecast LoadForecast::compute(const HourlyLoad &history, qint64 nowMs, int hoursAhead)
{
    LoadForecast forecast;
    forecast.nowMs = nowMs;
    forecast.zone = history.zone();

    const std::vector<HourlyLoad::CoveredHour> past = completeHours(history, nowMs);
    forecast.historyHours = qsizetype(past.size());
    if (!past.empty()) {
        std::vector<qint64> counts;
        counts.reserve(past.size());
        for (const HourlyLoad::CoveredHour &hour : past)
            counts.push_back(hour.events);
        std::sort(counts.begin(), counts.end());
        forecast.historyMedian = median(counts);
        forecast.historyFromMs = past.front().slot.startMs;
        forecast.historyToMs = past.back().slot.startMs + kHourMs;
    }

    const double threshold = forecast.peakThreshold();
    HourlyLoad::Slot slot = history.slotAt(nowMs);
    for (int i = 0; i < std::max(hoursAhead, 1); ++i) {
        Hour hour;
        hour.slot = slot;
        forecastHour(hour, past);
        hour.peak =
            hour.basis != Basis::TooShort && hour.expected >= threshold && hour.expected >= kMinPeakEvents;
        if (hour.peak && (!forecast.peakHour || hour.expected > forecast.hours[*forecast.peakHour].expected))
            forecast.peakHour = qsizetype(forecast.hours.size());
        forecast.hours.push_back(hour);
        slot = history.slotAt(slot.startMs + kHourMs);
    }
    return forecast;
}

bool LoadForecast::tooShort() const
{
    return std::all_of(hours.begin(), hours.end(),
                       [](const Hour &hour) { return hour.basis == Basis::TooShort; });
}

double LoadForecast::peakThreshold() const
{
    return historyHours > 0 ? kPeakFactor * historyMedian : qQNaN();
}

QString LoadForecast::summary() const
{
    const qsizetype total = qsizetype(hours.size());
    const qsizetype withoutBasis = qsizetype(std::count_if(
        hours.begin(), hours.end(), [](const Hour &hour) { return hour.basis == Basis::TooShort; }));
    if (withoutBasis == total) {
        const QString needs = u"a forecast needs the same hour on at least %1 days"_s.arg(kMinDays);
        if (historyHours == 0)
            return u"No complete hour of history; "_s + needs;
        return u"History covers %1 h; "_s.arg(textLocale().toString(historyHours)) + needs;
    }
    const QString ahead = QString::number(total);
    const QString shortPart =
        withoutBasis > 0
            ? u"; too little history for %1 of the next %2 h"_s.arg(QString::number(withoutBasis), ahead)
            : QString();
    if (peakHour) {
        const Hour &peak = hours[*peakHour];
        return u"Peak expected %1: %2 (%3)"_s.arg(hourLabel(peak), expectedText(peak), basisText(peak)) +
               shortPart;
    }
    if (withoutBasis > 0)
        return u"No peak expected in the %1 h with enough history"_s.arg(total - withoutBasis) + shortPart;
    return u"No peak expected in the next %1 h"_s.arg(ahead);
}

QString LoadForecast::historyText() const
{
    if (historyHours == 0)
        return u"No complete hour of history"_s;
    const auto at = [this](qint64 ms) {
        return textLocale().toString(QDateTime::fromMSecsSinceEpoch(ms, zone), u"d MMM HH:mm"_s);
    };
    return u"History: %1 h covered, %2 \u2013 %3"_s.arg(textLocale().toString(historyHours),
                                                        at(historyFromMs), at(historyToMs));
}

QString LoadForecast::hourLabel(const Hour &hour) const
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(hour.slot.startMs, zone);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(hour.slot.startMs + kHourMs, zone);
    const QString span = start.toString(u"HH:mm"_s) + u'\u2013' + end.toString(u"HH:mm"_s);
    if (start.date() == QDateTime::fromMSecsSinceEpoch(nowMs, zone).date())
        return span;
    return textLocale().toString(start, u"ddd "_s) + span;
}

QString LoadForecast::basisText(const Hour &hour) const
{
    switch (hour.basis) {
    case Basis::SameWeekdayAndHour: return u"same weekday and hour, %1 weeks"_s.arg(hour.samples);
    case Basis::SameHourOfDay: return u"same hour of day, %1 days"_s.arg(hour.samples);
    case Basis::TooShort: break;
    }
    const QString needs = u", a forecast needs %1"_s.arg(kMinDays);
    if (hour.samples == 0)
        return u"too little history: no day covers this hour"_s;
    if (hour.samples == 1)
        return u"too little history: 1 day covers this hour"_s + needs;
    return u"too little history: %1 days cover this hour"_s.arg(hour.samples) + needs;
}

QString LoadForecast::expectedText(const Hour &hour)
{
    if (hour.basis == Basis::TooShort)
        return u"\u2013"_s;
    return u"~%1 events/h"_s.arg(count(hour.expected));
}

QString LoadForecast::rangeText(const Hour &hour)
{
    if (hour.basis == Basis::TooShort)
        return QString();
    return count(double(hour.low)) + u'\u2013' + count(double(hour.high));
}

} // namespace vantage
