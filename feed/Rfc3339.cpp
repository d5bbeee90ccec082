#include "feed/Rfc3339.h"

#include <cstdio>

namespace vantage {

namespace {

constexpr qint64 kMsPerDay = 86'400'000;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads exactly `count` digits at `pos`; advances `pos` on success.
std::optional<int> readDigits(std::string_view text, size_t &pos, size_t count)
{
    if (pos + count > text.size())
        return std::nullopt;
    int value = 0;
    for (size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day)
{
    const qint64 y = month <= 2 ? year - 1 : year;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct CivilDate
{
    qint64 year;
    int month;
    int day;
};

// The inverse of daysFromCivil.
CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

} // namespace

std::optional<qint64> parseRfc3339Ms(std::string_view text)
{
    size_t pos = 0;
    const auto expect = [&](char c) {
        if (pos >= text.size() || text[pos] != c)
            return false;
        ++pos;
        return true;
    };

    const auto year = readDigits(text, pos, 4);
    if (!year || !expect('-'))
        return std::nullopt;
    const auto month = readDigits(text, pos, 2);
    if (!month || *month < 1 || *month > 12 || !expect('-'))
        return std::nullopt;
    const auto day = readDigits(text, pos, 2);
    if (!day || *day < 1 || *day > daysInMonth(*year, *month))
        return std::nullopt;
    // RFC 3339 allows a space or a lowercase 't' in place of 'T'.
    if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' '))
        return std::nullopt;
    ++pos;
    const auto hour = readDigits(text, pos, 2);
    if (!hour || *hour > 23 || !expect(':'))
        return std::nullopt;
    const auto minute = readDigits(text, pos, 2);
    if (!minute || *minute > 59 || !expect(':'))
        return std::nullopt;
    const auto second = readDigits(text, pos, 2);
    if (!second || *second > 60) // 60: a leap second
        return std::nullopt;

    int millis = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        size_t digits = 0;
        while (pos < text.size() && isDigit(text[pos])) {
            if (digits < 3)
                millis = millis * 10 + (text[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (size_t i = digits; i < 3; ++i)
            millis *= 10;
    }

    if (pos >= text.size())
        return std::nullopt;
    int offsetMinutes = 0;
    const char zone = text[pos++];
    if (zone == '+' || zone == '-') {
        const auto offHour = readDigits(text, pos, 2);
        if (!offHour || *offHour > 23 || !expect(':'))
            return std::nullopt;
        const auto offMinute = readDigits(text, pos, 2);
        if (!offMinute || *offMinute > 59)
            return std::nullopt;
        offsetMinutes = (*offHour * 60 + *offMinute) * (zone == '-' ? -1 : 1);
    } else if (zone != 'Z' && zone != 'z') {
        return std::nullopt;
    }
    if (pos != text.size())
        return std::nullopt;

    const qint64 seconds = qint64(*hour) * 3600 + qint64(*minute) * 60 + *second - qint64(offsetMinutes) * 60;
    return daysFromCivil(*year, *month, *day) * kMsPerDay + seconds * 1000 + millis;
}

QByteArray formatRfc3339Ms(qint64 msSinceEpoch)
{
    // Floor division so that times before 1970 still get a non-negative time of day.
    qint64 days = msSinceEpoch / kMsPerDay;
    qint64 msOfDay = msSinceEpoch % kMsPerDay;
    if (msOfDay < 0) {
        msOfDay += kMsPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    char text[48];
    const int length = std::snprintf(text, sizeof text, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ",
                                     static_cast<long long>(date.year), date.month, date.day,
                                     int(msOfDay / 3'600'000), int(msOfDay / 60'000 % 60),
                                     int(msOfDay / 1000 % 60), int(msOfDay % 1000));
    return QByteArray(text, length);
}

} // namespace vantage
