#pragma once

#include "feed/ReplayIndex.h"

#include <QRectF>
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace vantage {

// Maps a replay's log-time span [startMs, endMs] onto the width of a rectangle, and folds the
// index's density histogram and alert markers into pixel columns, for ReplayTimeline. The rect's
// width is split into whole columns (one per pixel); column c stands for the c-th equal slice of
// the span. A span of a single time (startMs == endMs) stretches that instant over every column.
struct ReplayTimelineScale
{
    // Where one or more reconnect gaps are drawn: [x0, x1] inside the rect. Gaps that would touch
    // or overlap on screen share one span, so the bands never overdraw and a hover names them all.
    struct GapSpan
    {
        double x0 = 0.0;
        double x1 = 0.0;
        qint64 startMs = 0; // the first gap's start
        qint64 endMs = 0;   // the latest end of the gaps in it
        qint64 downMs = 0;  // how long the connection was down in all, overlaps counted once
        int gaps = 0;
    };

    // At most one tick per column: the most severe alert raised in it, else a resolution.
    struct AlertTick
    {
        int column = 0;
        double x = 0.0; // the column's centre
        bool raised = false;
        Severity severity = Severity::Info;
    };

    QRectF rect;
    qint64 startMs = 0;
    qint64 endMs = 0;

    // The span the index knows so far (a partial index's too); nullopt while it knows no log time.
    static std::optional<ReplayTimelineScale> forIndex(const ReplayIndex &index, const QRectF &rect);

    qint64 spanMs() const;
    // floor(width), at least 1 for a rect with any width; 0 for an empty one.
    int columns() const;
    double columnWidth() const;
    // The column a time falls in, clamped to the first and last.
    int columnForTime(qint64 timeMs) const;

    // x for a time, clamped to the rect: startMs at the left edge, endMs at the right.
    double xForTime(qint64 timeMs) const;
    // The time at x, rounded to the millisecond and clamped to the span.
    qint64 timeForX(double x) const;

    // One value per column: the largest bucket count overlapping the column's slice of the span,
    // divided by the largest over all columns, so the busiest column is 1 and a column with no
    // frames is 0. Buckets outside the span are ignored; all zeros when there is nothing to show.
    std::vector<double> columnDensity(const ReplayDensityHistogram &density) const;
    // Ticks in column order; markers outside the span are dropped.
    std::vector<AlertTick> alertTicks(std::span<const ReplayIndex::AlertMarker> alerts) const;
    // Spans in x order for gaps in time order (as the index keeps them), each clamped to the rect.
    // A gap narrower than minWidth, a gap of no length too, is widened about its middle to
    // minWidth (kept inside the rect) so it still shows; gaps less than a pixel apart are merged.
    // Gaps wholly outside the span are dropped. A span of a single time: a gap holding that
    // instant covers the rect, as the instant does.
    std::vector<GapSpan> gapSpans(std::span<const ReplayIndex::Gap> gaps, double minWidth = 2.0) const;
    // The span under x, or within `reach` of it (so a 2 px band is not fiddly to hover); the
    // nearest wins. nullptr when none is.
    static const GapSpan *gapSpanAt(std::span<const GapSpan> spans, double x, double reach = 0.0);

    // Whether the span starts and ends on different local days, so labels need the date.
    bool crossesDays() const;
    // A time in local time, "HH:mm:ss", with the date in front when the span crosses days.
    QString timeText(qint64 timeMs) const;
    // A compact length of time: "< 1 s", "37 s", "4 min 05 s", "2 h 07 min"; seconds are cut, not rounded,
    // as timeText cuts the milliseconds.
    static QString durationText(qint64 ms);
};

} // namespace vantage
