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

    // Whether the span starts and ends on different local days, so labels need the date.
    bool crossesDays() const;
    // A time in local time, "HH:mm:ss", with the date in front when the span crosses days.
    QString timeText(qint64 timeMs) const;
};

} // namespace vantage
