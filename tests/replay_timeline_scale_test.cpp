#include "widgets/ReplayTimelineScale.h"

#include <QDateTime>

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

// The replay timeline's maths: log time to x and back, the density and alerts per pixel column,
// and the reconnect gaps as pixel spans.

using namespace vantage;

namespace {

constexpr qint64 t0 = 1'781'341'200'000; // 2026-06-13T09:00:00Z

ReplayTimelineScale scaleOver(qint64 spanMs, double width = 100.0, double left = 10.0)
{
    return ReplayTimelineScale{QRectF(left, 0, width, 20), t0, t0 + spanMs};
}

ReplayIndex::AlertMarker raised(qint64 timeMs, Severity severity)
{
    return {timeMs, ReplayIndex::AlertChange::Raised, severity};
}

ReplayIndex::AlertMarker resolved(qint64 timeMs)
{
    return {timeMs, ReplayIndex::AlertChange::Resolved, Severity::Info};
}

} // namespace

TEST(ReplayTimelineScale, MapsTheSpanEdgeToEdge)
{
    const ReplayTimelineScale scale = scaleOver(1'000);
    EXPECT_EQ(scale.spanMs(), 1'000);
    EXPECT_EQ(scale.columns(), 100);
    EXPECT_DOUBLE_EQ(scale.xForTime(t0), 10.0);
    EXPECT_DOUBLE_EQ(scale.xForTime(t0 + 250), 35.0);
    EXPECT_DOUBLE_EQ(scale.xForTime(t0 + 1'000), 110.0);
    EXPECT_EQ(scale.timeForX(10.0), t0);
    EXPECT_EQ(scale.timeForX(60.0), t0 + 500);
    EXPECT_EQ(scale.timeForX(110.0), t0 + 1'000);
}

TEST(ReplayTimelineScale, TimeAndXRoundTripWithinAPixel)
{
    const ReplayTimelineScale scale = scaleOver(7'200'000, 1'268.0, 6.0);
    const double msPerPixel = 7'200'000.0 / 1'268.0;
    for (const qint64 t : {t0, t0 + 1, t0 + 1'234'567, t0 + 3'600'000, t0 + 7'199'999, t0 + 7'200'000}) {
        EXPECT_NEAR(double(scale.timeForX(scale.xForTime(t))), double(t), 1.0);
        EXPECT_NEAR(double(scale.timeForX(std::round(scale.xForTime(t)))), double(t), msPerPixel);
    }
}

TEST(ReplayTimelineScale, ClampsOutsideTheSpanAndTheRect)
{
    const ReplayTimelineScale scale = scaleOver(1'000);
    EXPECT_EQ(scale.timeForX(-500.0), t0);
    EXPECT_EQ(scale.timeForX(9.0), t0);
    EXPECT_EQ(scale.timeForX(111.0), t0 + 1'000);
    EXPECT_EQ(scale.timeForX(1e9), t0 + 1'000);
    EXPECT_DOUBLE_EQ(scale.xForTime(t0 - 60'000), 10.0);
    EXPECT_DOUBLE_EQ(scale.xForTime(t0 + 60'000), 110.0);
    EXPECT_DOUBLE_EQ(scale.xForTime(0), 10.0);
    EXPECT_EQ(scale.columnForTime(t0 - 1), 0);
    EXPECT_EQ(scale.columnForTime(t0 + 1'000), 99);
    EXPECT_EQ(scale.columnForTime(t0 + 5'000), 99);
}

TEST(ReplayTimelineScale, ASingleTimeSitsAtTheLeftAndEveryXIsThatTime)
{
    const ReplayTimelineScale scale = scaleOver(0);
    EXPECT_EQ(scale.spanMs(), 0);
    EXPECT_DOUBLE_EQ(scale.xForTime(t0), 10.0);
    EXPECT_DOUBLE_EQ(scale.xForTime(t0 + 5), 10.0);
    EXPECT_EQ(scale.timeForX(10.0), t0);
    EXPECT_EQ(scale.timeForX(75.0), t0);
    EXPECT_EQ(scale.columnForTime(t0), 0);

    ReplayDensityHistogram density(10);
    density.add(t0, 3);
    const std::vector<double> columns = scale.columnDensity(density);
    ASSERT_EQ(columns.size(), 100u);
    EXPECT_TRUE(std::all_of(columns.begin(), columns.end(), [](double v) { return v == 1.0; }));
}

TEST(ReplayTimelineScale, AnEmptyRectHasNoColumns)
{
    const ReplayTimelineScale scale = scaleOver(1'000, 0.0);
    EXPECT_EQ(scale.columns(), 0);
    ReplayDensityHistogram density(10);
    density.add(t0);
    EXPECT_TRUE(scale.columnDensity(density).empty());
    const std::vector<ReplayIndex::AlertMarker> alerts{raised(t0, Severity::Critical)};
    EXPECT_TRUE(scale.alertTicks(alerts).empty());
    EXPECT_EQ(scale.timeForX(10.0), t0);

    // A fraction of a pixel is still one column.
    EXPECT_EQ(scaleOver(1'000, 0.5).columns(), 1);
}

TEST(ReplayTimelineScale, AnEmptyHistogramIsAllZeros)
{
    const ReplayTimelineScale scale = scaleOver(1'000);
    const std::vector<double> columns = scale.columnDensity(ReplayDensityHistogram(10));
    ASSERT_EQ(columns.size(), 100u);
    EXPECT_TRUE(std::all_of(columns.begin(), columns.end(), [](double v) { return v == 0.0; }));
}

TEST(ReplayTimelineScale, DensityIsTheBusiestBucketPerColumnNormalisedToTheBusiestColumn)
{
    // 1,000 ms in 10 columns of 100 ms; 1,000 buckets of 1 ms.
    const ReplayTimelineScale scale = scaleOver(1'000, 10.0);
    ReplayDensityHistogram density(1'000);
    density.add(t0, 2);       // column 0
    density.add(t0 + 10, 1);  // column 0: the max of its buckets, not their sum
    density.add(t0 + 150, 8); // column 1
    density.add(t0 + 420, 4); // column 4
    density.add(t0 + 999, 1); // column 9
    const std::vector<double> columns = scale.columnDensity(density);
    const std::vector<double> expected{0.25, 1.0, 0.0, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.125};
    ASSERT_EQ(columns.size(), expected.size());
    for (std::size_t c = 0; c < expected.size(); ++c)
        EXPECT_DOUBLE_EQ(columns[c], expected[c]) << "column " << c;
}

TEST(ReplayTimelineScale, FramesAtTheLastTimeFillTheLastColumn)
{
    const ReplayTimelineScale scale = scaleOver(1'000, 10.0);
    ReplayDensityHistogram density(2'000);
    density.add(t0, 1);
    density.add(t0 + 1'000, 4); // a bucket that starts exactly at endMs
    const std::vector<double> columns = scale.columnDensity(density);
    ASSERT_EQ(columns.size(), 10u);
    EXPECT_DOUBLE_EQ(columns.front(), 0.25);
    EXPECT_DOUBLE_EQ(columns.back(), 1.0);
}

TEST(ReplayTimelineScale, ASpanNarrowerThanTheWidthLeavesNoGapsBetweenBuckets)
{
    // 10 ms over 100 px: each 1 ms bucket covers 10 columns.
    const ReplayTimelineScale scale = scaleOver(10);
    ReplayDensityHistogram density(100);
    for (qint64 t = 0; t < 10; ++t)
        density.add(t0 + t, quint64(t + 1));
    const std::vector<double> columns = scale.columnDensity(density);
    ASSERT_EQ(columns.size(), 100u);
    for (int c = 0; c < 100; ++c)
        EXPECT_DOUBLE_EQ(columns[std::size_t(c)], double(c / 10 + 1) / 10.0) << "column " << c;
}

TEST(ReplayTimelineScale, WideBucketsSpreadOverTheColumnsTheyOverlap)
{
    // Buckets of 4 ms, columns of 2.5 ms: the bucket [4, 8) overlaps columns 1, 2 and 3 ([2.5, 10)).
    const ReplayTimelineScale scale = scaleOver(25, 10.0);
    ReplayDensityHistogram density(4);
    density.add(t0);
    density.add(t0 + 9); // widens the buckets to 4 ms: [0,4) [4,8) [8,12) [12,16)
    density.add(t0 + 5, 5);
    ASSERT_EQ(density.bucketWidthMs(), 4);
    const std::vector<double> columns = scale.columnDensity(density);
    ASSERT_EQ(columns.size(), 10u);
    EXPECT_DOUBLE_EQ(columns[0], 0.2);
    EXPECT_DOUBLE_EQ(columns[1], 1.0);
    EXPECT_DOUBLE_EQ(columns[2], 1.0);
    EXPECT_DOUBLE_EQ(columns[3], 1.0); // [7.5, 10): both [4, 8) and [8, 12)
    EXPECT_DOUBLE_EQ(columns[4], 0.2); // [10, 12.5): [8, 12)
    EXPECT_DOUBLE_EQ(columns[5], 0.0);
}

TEST(ReplayTimelineScale, BucketsOutsideTheSpanAreIgnored)
{
    // A span inside what the histogram holds, as when the scale is narrower than the log.
    const ReplayTimelineScale scale{QRectF(0, 0, 10, 10), t0 + 100, t0 + 200};
    ReplayDensityHistogram density(1'000);
    density.add(t0, 100);       // before the span
    density.add(t0 + 150, 2);   // inside
    density.add(t0 + 201, 100); // after it
    const std::vector<double> columns = scale.columnDensity(density);
    ASSERT_EQ(columns.size(), 10u);
    EXPECT_DOUBLE_EQ(columns[5], 1.0);
    EXPECT_EQ(std::count(columns.begin(), columns.end(), 0.0), 9);
}

TEST(ReplayTimelineScale, FitsTheSpanAnIndexKnowsSoFar)
{
    ReplayIndex index;
    EXPECT_FALSE(ReplayTimelineScale::forIndex(index, QRectF(0, 0, 100, 20)));

    index.firstTimeMs = t0;
    index.lastTimeMs = t0 + 60'000;
    const std::optional<ReplayTimelineScale> scale =
        ReplayTimelineScale::forIndex(index, QRectF(0, 0, 100, 20));
    ASSERT_TRUE(scale);
    EXPECT_EQ(scale->startMs, t0);
    EXPECT_EQ(scale->endMs, t0 + 60'000);
    EXPECT_EQ(scale->rect, QRectF(0, 0, 100, 20));

    index.lastTimeMs.reset(); // a first time only: a single time
    EXPECT_EQ(ReplayTimelineScale::forIndex(index, QRectF(0, 0, 100, 20))->endMs, t0);
}

TEST(ReplayTimelineScale, AlertTicksKeepTheMostSevereRaisedPerColumn)
{
    const ReplayTimelineScale scale = scaleOver(1'000, 10.0, 0.0);
    const std::vector<ReplayIndex::AlertMarker> alerts{
        // Column 1: the critical one wins over a warning, an error and a resolution.
        raised(t0 + 110, Severity::Warning),
        resolved(t0 + 120),
        raised(t0 + 130, Severity::Critical),
        raised(t0 + 140, Severity::Error),
        // Column 5: a resolution alone.
        resolved(t0 + 510),
        // Column 9: a raised alert, however mild, wins over a resolution.
        raised(t0 + 900, Severity::Info),
        resolved(t0 + 950),
        // Outside the span.
        raised(t0 - 1, Severity::Critical),
        raised(t0 + 1'001, Severity::Critical),
    };
    const std::vector<ReplayTimelineScale::AlertTick> ticks = scale.alertTicks(alerts);
    ASSERT_EQ(ticks.size(), 3u);
    EXPECT_EQ(ticks[0].column, 1);
    EXPECT_DOUBLE_EQ(ticks[0].x, 1.5);
    EXPECT_TRUE(ticks[0].raised);
    EXPECT_EQ(ticks[0].severity, Severity::Critical);
    EXPECT_EQ(ticks[1].column, 5);
    EXPECT_FALSE(ticks[1].raised);
    EXPECT_EQ(ticks[2].column, 9);
    EXPECT_TRUE(ticks[2].raised);
    EXPECT_EQ(ticks[2].severity, Severity::Info);
}

TEST(ReplayTimelineScale, LabelsCarryTheDateOnlyWhenTheSpanCrossesDays)
{
    const QDateTime evening(QDate(2026, 6, 13), QTime(22, 30, 5));
    const qint64 start = evening.toMSecsSinceEpoch();
    const ReplayTimelineScale sameDay{QRectF(0, 0, 100, 20), start, start + 3'600'000};
    EXPECT_FALSE(sameDay.crossesDays());
    EXPECT_EQ(sameDay.timeText(start), QStringLiteral("22:30:05"));
    EXPECT_EQ(sameDay.timeText(start + 3'600'000), QStringLiteral("23:30:05"));

    const ReplayTimelineScale overnight{QRectF(0, 0, 100, 20), start, start + 2 * 3'600'000};
    EXPECT_TRUE(overnight.crossesDays());
    EXPECT_EQ(overnight.timeText(start), QStringLiteral("2026-06-13 22:30:05"));
    EXPECT_EQ(overnight.timeText(start + 2 * 3'600'000), QStringLiteral("2026-06-14 00:30:05"));
}

TEST(ReplayTimelineScale, GapsMapToTheirPixelSpans)
{
    const ReplayTimelineScale scale = scaleOver(1'000);
    const std::vector<ReplayIndex::Gap> gaps{{t0 + 100, t0 + 300}, {t0 + 500, t0 + 750}};
    const std::vector<ReplayTimelineScale::GapSpan> spans = scale.gapSpans(gaps);
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_DOUBLE_EQ(spans[0].x0, 20.0);
    EXPECT_DOUBLE_EQ(spans[0].x1, 40.0);
    EXPECT_EQ(spans[0].startMs, t0 + 100);
    EXPECT_EQ(spans[0].endMs, t0 + 300);
    EXPECT_EQ(spans[0].downMs, 200);
    EXPECT_EQ(spans[0].gaps, 1);
    EXPECT_DOUBLE_EQ(spans[1].x0, 60.0);
    EXPECT_DOUBLE_EQ(spans[1].x1, 85.0);
    EXPECT_EQ(spans[1].downMs, 250);
}

TEST(ReplayTimelineScale, GapsAreClampedToTheSpanAndDroppedOutsideIt)
{
    const ReplayTimelineScale scale = scaleOver(1'000);
    const std::vector<ReplayIndex::Gap> gaps{
        {t0 - 500, t0 - 1},       // before the span
        {t0 - 500, t0 + 50},      // runs into it
        {t0 + 900, t0 + 5'000},   // runs past its end
        {t0 + 1'001, t0 + 2'000}, // after it
    };
    const std::vector<ReplayTimelineScale::GapSpan> spans = scale.gapSpans(gaps);
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_DOUBLE_EQ(spans[0].x0, 10.0);
    EXPECT_DOUBLE_EQ(spans[0].x1, 15.0);
    EXPECT_EQ(spans[0].startMs, t0 - 500); // the times stay the gap's own, for the tooltip
    EXPECT_EQ(spans[0].downMs, 550);
    EXPECT_DOUBLE_EQ(spans[1].x0, 100.0);
    EXPECT_DOUBLE_EQ(spans[1].x1, 110.0);
    EXPECT_EQ(spans[1].endMs, t0 + 5'000);
}

TEST(ReplayTimelineScale, AShortOrEmptyGapGetsTheMinimumWidthInsideTheRect)
{
    const ReplayTimelineScale scale = scaleOver(1'000);
    const std::vector<ReplayIndex::Gap> gaps{
        {t0, t0},                 // no length, at the left edge
        {t0 + 500, t0 + 500},     // no length
        {t0 + 700, t0 + 705},     // half a pixel
        {t0 + 1'000, t0 + 1'000}, // no length, at the right edge
    };
    const std::vector<ReplayTimelineScale::GapSpan> spans = scale.gapSpans(gaps);
    ASSERT_EQ(spans.size(), 4u);
    EXPECT_DOUBLE_EQ(spans[0].x0, 10.0);
    EXPECT_DOUBLE_EQ(spans[0].x1, 12.0);
    EXPECT_DOUBLE_EQ(spans[1].x0, 59.0);
    EXPECT_DOUBLE_EQ(spans[1].x1, 61.0);
    EXPECT_EQ(spans[1].downMs, 0);
    EXPECT_DOUBLE_EQ(spans[2].x0, 79.25);
    EXPECT_DOUBLE_EQ(spans[2].x1, 81.25);
    EXPECT_DOUBLE_EQ(spans[3].x0, 108.0);
    EXPECT_DOUBLE_EQ(spans[3].x1, 110.0);

    const std::vector<ReplayTimelineScale::GapSpan> wide = scale.gapSpans(gaps, 4.0);
    ASSERT_EQ(wide.size(), 4u);
    EXPECT_DOUBLE_EQ(wide[1].x0, 58.0);
    EXPECT_DOUBLE_EQ(wide[1].x1, 62.0);
    // A gap already wider than the minimum keeps its width.
    EXPECT_DOUBLE_EQ(scale.gapSpans(std::vector<ReplayIndex::Gap>{{t0 + 100, t0 + 300}}, 4.0)[0].x1, 40.0);
    // Never wider than the rect.
    const ReplayTimelineScale narrow = scaleOver(1'000, 1.0);
    const std::vector<ReplayTimelineScale::GapSpan> one = narrow.gapSpans(gaps);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_DOUBLE_EQ(one[0].x0, 10.0);
    EXPECT_DOUBLE_EQ(one[0].x1, 11.0);
}

TEST(ReplayTimelineScale, GapsLessThanAPixelApartMerge)
{
    const ReplayTimelineScale scale = scaleOver(1'000);
    const std::vector<ReplayIndex::Gap> gaps{
        {t0 + 100, t0 + 200}, // [20, 30]
        {t0 + 205, t0 + 300}, // [30.5, 40]: half a pixel after the first
        {t0 + 310, t0 + 400}, // [41, 50]: a whole pixel after: its own band
        {t0 + 600, t0 + 700}, // [70, 80]
        {t0 + 650, t0 + 720}, // overlaps the one before in time
        {t0 + 900, t0 + 900}, // [99, 101]
        {t0 + 902, t0 + 902}, // [99.2, 101.2]
    };
    const std::vector<ReplayTimelineScale::GapSpan> spans = scale.gapSpans(gaps);
    ASSERT_EQ(spans.size(), 4u);
    EXPECT_DOUBLE_EQ(spans[0].x0, 20.0);
    EXPECT_DOUBLE_EQ(spans[0].x1, 40.0);
    EXPECT_EQ(spans[0].startMs, t0 + 100);
    EXPECT_EQ(spans[0].endMs, t0 + 300);
    EXPECT_EQ(spans[0].downMs, 195);
    EXPECT_EQ(spans[0].gaps, 2);

    EXPECT_DOUBLE_EQ(spans[1].x0, 41.0);
    EXPECT_EQ(spans[1].gaps, 1);

    EXPECT_DOUBLE_EQ(spans[2].x0, 70.0);
    EXPECT_DOUBLE_EQ(spans[2].x1, 82.0);
    EXPECT_EQ(spans[2].endMs, t0 + 720);
    EXPECT_EQ(spans[2].downMs, 120); // the overlap counted once
    EXPECT_EQ(spans[2].gaps, 2);

    EXPECT_DOUBLE_EQ(spans[3].x0, 99.0);
    EXPECT_DOUBLE_EQ(spans[3].x1, 101.2);
    EXPECT_EQ(spans[3].gaps, 2);
}

TEST(ReplayTimelineScale, AGapCoveringTheSingleTimeOfASpanCoversTheRect)
{
    const ReplayTimelineScale scale = scaleOver(0);
    const std::vector<ReplayTimelineScale::GapSpan> spans =
        scale.gapSpans(std::vector<ReplayIndex::Gap>{{t0 - 10, t0 + 10}});
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_DOUBLE_EQ(spans[0].x0, 10.0);
    EXPECT_DOUBLE_EQ(spans[0].x1, 110.0);
    EXPECT_TRUE(scale.gapSpans(std::vector<ReplayIndex::Gap>{{t0 + 1, t0 + 10}}).empty());
    EXPECT_TRUE(scaleOver(1'000, 0.0).gapSpans(std::vector<ReplayIndex::Gap>{{t0, t0 + 10}}).empty());
}

TEST(ReplayTimelineScale, FindsTheGapUnderOrNearestToX)
{
    const std::vector<ReplayTimelineScale::GapSpan> spans{{20.0, 30.0, t0, t0 + 1, 1, 1},
                                                          {31.0, 40.0, t0 + 2, t0 + 3, 1, 1},
                                                          {50.0, 52.0, t0 + 4, t0 + 5, 1, 1}};
    EXPECT_EQ(ReplayTimelineScale::gapSpanAt(spans, 25.0), &spans[0]);
    EXPECT_EQ(ReplayTimelineScale::gapSpanAt(spans, 30.0), &spans[0]);
    EXPECT_EQ(ReplayTimelineScale::gapSpanAt(spans, 30.6), nullptr);
    EXPECT_EQ(ReplayTimelineScale::gapSpanAt(spans, 30.6, 3.0), &spans[1]); // the nearer one
    EXPECT_EQ(ReplayTimelineScale::gapSpanAt(spans, 30.4, 3.0), &spans[0]);
    EXPECT_EQ(ReplayTimelineScale::gapSpanAt(spans, 45.0, 3.0), nullptr);
    EXPECT_EQ(ReplayTimelineScale::gapSpanAt(spans, 54.5, 3.0), &spans[2]);
    EXPECT_EQ(ReplayTimelineScale::gapSpanAt({}, 25.0, 3.0), nullptr);
}

TEST(ReplayTimelineScale, DurationsAreCompact)
{
    EXPECT_EQ(ReplayTimelineScale::durationText(0), QStringLiteral("< 1 s"));
    EXPECT_EQ(ReplayTimelineScale::durationText(999), QStringLiteral("< 1 s"));
    EXPECT_EQ(ReplayTimelineScale::durationText(1'000), QStringLiteral("1 s"));
    EXPECT_EQ(ReplayTimelineScale::durationText(37'900), QStringLiteral("37 s"));
    EXPECT_EQ(ReplayTimelineScale::durationText(59'999), QStringLiteral("59 s"));
    EXPECT_EQ(ReplayTimelineScale::durationText(60'000), QStringLiteral("1 min 00 s"));
    EXPECT_EQ(ReplayTimelineScale::durationText(245'000), QStringLiteral("4 min 05 s"));
    EXPECT_EQ(ReplayTimelineScale::durationText(3'599'999), QStringLiteral("59 min 59 s"));
    EXPECT_EQ(ReplayTimelineScale::durationText(3'600'000), QStringLiteral("1 h 00 min"));
    EXPECT_EQ(ReplayTimelineScale::durationText(7'659'000), QStringLiteral("2 h 07 min"));
    EXPECT_EQ(ReplayTimelineScale::durationText(90'000'000), QStringLiteral("25 h 00 min"));
}
