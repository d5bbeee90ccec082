#include "feed/Rfc3339.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using vantage::formatRfc3339Ms;
using vantage::parseRfc3339Ms;

namespace {

qint64 utcMs(int year, int month, int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

TEST(Rfc3339, ParsesUtcWithMilliseconds)
{
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T20:03:10.123Z"), utcMs(2026, 11, 22, 20, 3, 10, 123));
    EXPECT_EQ(parseRfc3339Ms("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseRfc3339Ms("2025-11-04T10:30:00.000Z"), utcMs(2025, 11, 4, 10, 30, 0, 0));
}

TEST(Rfc3339, AppliesOffsets)
{
    const qint64 utc = utcMs(2026, 11, 22, 19, 3, 10, 0);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T20:03:10+01:00"), utc);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T13:33:10-05:30"), utc);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T19:03:10+00:00"), utc);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T19:03:10-00:00"), utc);
    // An offset that crosses midnight into the previous day.
    EXPECT_EQ(parseRfc3339Ms("2026-01-01T00:30:00+01:00"), utcMs(2025, 12, 31, 23, 30, 0, 0));
}

TEST(Rfc3339, AcceptsFractionalSecondsOfAnyLength)
{
    const qint64 base = utcMs(2026, 11, 22, 20, 3, 10, 0);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T20:03:10.1Z"), base + 100);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T20:03:10.12Z"), base + 120);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T20:03:10.123Z"), base + 123);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T20:03:10.123456Z"), base + 123);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T20:03:10.999999999Z"), base + 999);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22T20:03:10.5+02:00"), base + 500 - 2 * 3600 * 1000);
}

TEST(Rfc3339, AcceptsTheSeparatorsRfc3339Allows)
{
    const qint64 expected = utcMs(2026, 11, 22, 20, 3, 10, 0);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22t20:03:10z"), expected);
    EXPECT_EQ(parseRfc3339Ms("2026-11-22 20:03:10Z"), expected);
}

TEST(Rfc3339, HandlesLeapYears)
{
    EXPECT_EQ(parseRfc3339Ms("2024-02-29T12:00:00Z"), utcMs(2024, 2, 29, 12, 0, 0, 0));
    EXPECT_EQ(parseRfc3339Ms("2000-02-29T12:00:00Z"), utcMs(2000, 2, 29, 12, 0, 0, 0));
    EXPECT_FALSE(parseRfc3339Ms("2023-02-29T12:00:00Z"));
    EXPECT_FALSE(parseRfc3339Ms("1900-02-29T12:00:00Z"));
}

TEST(Rfc3339, RejectsInvalidStrings)
{
    const char *invalid[] = {
        "",
        "garbage",
        "2026-13-01T00:00:00Z",  // month 13
        "2026-00-01T00:00:00Z",  // month 0
        "2026-11-31T00:00:00Z",  // November has 30 days
        "2026-11-00T00:00:00Z",
        "2026-11-22T24:00:00Z",
        "2026-11-22T23:60:00Z",
        "2026-11-22T23:59:61Z",
        "2026-11-22T20:03:10",    // no offset
        "2026-11-22T20:03:10.Z",  // empty fraction
        "2026-11-22T20:03:10+01", // offset without minutes
        "2026-11-22T20:03:10+24:00",
        "2026-11-22T20:03:10+01:60",
        "2026-11-22T20:03:10Zjunk",
        "2026-11-22X20:03:10Z",
        "2026-11-22",
        "26-11-22T20:03:10Z",
        "2026-1-22T20:03:10Z",
        "2026-11-22T20:03Z",
        "+2026-11-22T20:03:10Z",
        "2026-11-22T20:03:10.12a4Z",
    };
    for (const char *text : invalid)
        EXPECT_FALSE(parseRfc3339Ms(text)) << text;
}

TEST(Rfc3339, FormatsUtcWithMilliseconds)
{
    EXPECT_EQ(formatRfc3339Ms(0), QByteArray("1970-01-01T00:00:00.000Z"));
    EXPECT_EQ(formatRfc3339Ms(utcMs(2026, 11, 22, 20, 3, 10, 123)), QByteArray("2026-11-22T20:03:10.123Z"));
    EXPECT_EQ(formatRfc3339Ms(utcMs(2024, 2, 29, 23, 59, 59, 7)), QByteArray("2024-02-29T23:59:59.007Z"));
    EXPECT_EQ(formatRfc3339Ms(-1), QByteArray("1969-12-31T23:59:59.999Z"));
}

TEST(Rfc3339, FormatAgreesWithQDateTimeAndRoundTrips)
{
    QRandomGenerator random(1234);
    for (int i = 0; i < 2000; ++i) {
        // 1900 .. 2200
        const qint64 ms = random.bounded(qint64(-2'208'988'800'000), qint64(7'258'118'400'000));
        const QByteArray text = formatRfc3339Ms(ms);
        EXPECT_EQ(text, QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1()) << ms;
        EXPECT_EQ(parseRfc3339Ms(text.toStdString()), ms) << text.constData();
    }
}
