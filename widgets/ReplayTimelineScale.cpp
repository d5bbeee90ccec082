#include "widgets/ReplayTimelineScale.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vantage {

namespace {

// Which of two ticks in one column wins: any raised alert over a resolution, then the more severe.
int tickRank(const ReplayIndex::AlertMarker &marker)
{
    if (marker.change == ReplayIndex::AlertChange::Resolved)
        return 0;
    return 1 + int(marker.severity);
}

} // namespace

std::optional<ReplayTimelineScale> ReplayTimelineScale::forIndex(const ReplayIndex &index, const QRectF &rect)
{
    if (!index.firstTimeMs)
        return std::nullopt;
    const qint64 start = *index.firstTimeMs;
    return ReplayTimelineScale{rect, start, std::max(start, index.lastTimeMs.value_or(start))};
}

qint64 ReplayTimelineScale::spanMs() const
{
    return std::max<qint64>(endMs - startMs, 0);
}

int ReplayTimelineScale::columns() const
{
    if (!(rect.width() > 0.0))
        return 0;
    return std::max(1, int(std::floor(rect.width())));
}

double ReplayTimelineScale::columnWidth() const
{
    const int n = columns();
    return n > 0 ? rect.width() / n : 0.0;
}

int ReplayTimelineScale::columnForTime(qint64 timeMs) const
{
    const int n = columns();
    const qint64 span = spanMs();
    if (n == 0 || span == 0)
        return 0;
    const qint64 since = std::clamp<qint64>(timeMs - startMs, 0, span);
    return int(std::min<qint64>(since * n / span, n - 1));
}

double ReplayTimelineScale::xForTime(qint64 timeMs) const
{
    const qint64 span = spanMs();
    if (span == 0)
        return rect.left();
    const double fraction = std::clamp(double(timeMs - startMs) / double(span), 0.0, 1.0);
    return rect.left() + fraction * rect.width();
}

qint64 ReplayTimelineScale::timeForX(double x) const
{
    const qint64 span = spanMs();
    if (span == 0 || !(rect.width() > 0.0))
        return startMs;
    const double fraction = std::clamp((x - rect.left()) / rect.width(), 0.0, 1.0);
    return startMs + std::llround(fraction * double(span));
}

std::vector<double> ReplayTimelineScale::columnDensity(const ReplayDensityHistogram &density) const
{
    const int n = columns();
    std::vector<double> values(std::size_t(n), 0.0);
    const std::optional<qint64> origin = density.originMs();
    if (n == 0 || !origin)
        return values;

    const qint64 span = spanMs();
    const qint64 width = density.bucketWidthMs();
    const std::vector<quint64> &counts = density.counts();
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0)
            continue;
        const qint64 bucketStart = *origin + qint64(i) * width;
        const qint64 bucketEnd = bucketStart + width;
        const auto count = double(counts[i]);
        if (span == 0) {
            if (bucketStart <= startMs && startMs < bucketEnd)
                std::fill(values.begin(), values.end(), count);
            continue;
        }
        // A bucket that starts exactly at endMs holds the last frames: it belongs to the last column.
        if (bucketEnd <= startMs || bucketStart > endMs)
            continue;
        const qint64 from = std::max(bucketStart, startMs) - startMs;
        const qint64 to = std::min(bucketEnd, endMs) - startMs;
        const int first = int(std::min<qint64>(from * n / span, n - 1));
        // Columns whose slice overlaps [from, to): up to the one holding the last millisecond before `to`.
        const int last = std::clamp(int((to * n + span - 1) / span) - 1, first, n - 1);
        for (int c = first; c <= last; ++c)
            values[std::size_t(c)] = std::max(values[std::size_t(c)], count);
    }

    const double busiest = *std::max_element(values.begin(), values.end());
    if (busiest > 0.0) {
        for (double &v : values)
            v /= busiest;
    }
    return values;
}

std::vector<ReplayTimelineScale::AlertTick>
ReplayTimelineScale::alertTicks(std::span<const ReplayIndex::AlertMarker> alerts) const
{
    const int n = columns();
    std::vector<const ReplayIndex::AlertMarker *> winners(std::size_t(n), nullptr);
    for (const ReplayIndex::AlertMarker &marker : alerts) {
        if (n == 0 || marker.timeMs < startMs || marker.timeMs > endMs)
            continue;
        const ReplayIndex::AlertMarker *&winner = winners[std::size_t(columnForTime(marker.timeMs))];
        if (!winner || tickRank(marker) > tickRank(*winner))
            winner = &marker;
    }

    std::vector<AlertTick> ticks;
    const double step = columnWidth();
    for (int c = 0; c < n; ++c) {
        const ReplayIndex::AlertMarker *winner = winners[std::size_t(c)];
        if (!winner)
            continue;
        const bool raised = winner->change == ReplayIndex::AlertChange::Raised;
        ticks.push_back(
            {c, rect.left() + (c + 0.5) * step, raised, raised ? winner->severity : Severity::Info});
    }
    return ticks;
}

std::vector<ReplayTimelineScale::GapSpan>
ReplayTimelineScale::gapSpans(std::span<const ReplayIndex::Gap> gaps, double minWidth) const
{
    std::vector<GapSpan> spans;
    if (!(rect.width() > 0.0))
        return spans;
    const double width = std::min(minWidth, rect.width());
    const bool instant = spanMs() == 0;
    for (const ReplayIndex::Gap &gap : gaps) {
        if (gap.endMs < startMs || gap.startMs > endMs)
            continue;
        double x0 = instant ? rect.left() : xForTime(gap.startMs);
        double x1 = instant ? rect.right() : xForTime(gap.endMs);
        if (x1 - x0 < width) {
            const double middle =
                std::clamp((x0 + x1) / 2, rect.left() + width / 2, rect.right() - width / 2);
            x0 = middle - width / 2;
            x1 = middle + width / 2;
        }
        const qint64 length = std::max<qint64>(gap.endMs - gap.startMs, 0);
        // Less than a pixel between two bands would read as one smudged band: say so instead.
        if (spans.empty() || x0 >= spans.back().x1 + 1.0) {
            spans.push_back({x0, x1, gap.startMs, gap.endMs, length, 1});
            continue;
        }
        GapSpan &last = spans.back();
        last.x0 = std::min(last.x0, x0); // a widened short gap can reach left of a long one
        last.x1 = std::max(last.x1, x1);
        last.downMs += std::max<qint64>(gap.endMs - std::max(gap.startMs, last.endMs), 0);
        last.endMs = std::max(last.endMs, gap.endMs);
        ++last.gaps;
    }
    return spans;
}

const ReplayTimelineScale::GapSpan *ReplayTimelineScale::gapSpanAt(std::span<const GapSpan> spans, double x,
                                                                   double reach)
{
    const GapSpan *nearest = nullptr;
    double nearestDistance = std::numeric_limits<double>::infinity();
    for (const GapSpan &span : spans) {
        const double distance = x < span.x0 ? span.x0 - x : (x > span.x1 ? x - span.x1 : 0.0);
        if (distance <= reach && distance < nearestDistance) {
            nearest = &span;
            nearestDistance = distance;
        }
    }
    return nearest;
}

bool ReplayTimelineScale::crossesDays() const
{
    return QDateTime::fromMSecsSinceEpoch(startMs).date() != QDateTime::fromMSecsSinceEpoch(endMs).date();
}

QString ReplayTimelineScale::timeText(qint64 timeMs) const
{
    return QDateTime::fromMSecsSinceEpoch(timeMs).toString(
        crossesDays() ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("HH:mm:ss"));
}

QString ReplayTimelineScale::durationText(qint64 ms)
{
    if (ms < 1'000)
        return QCoreApplication::translate("ReplayTimelineScale", "< 1 s");
    const qint64 seconds = ms / 1'000;
    if (seconds < 60)
        return QCoreApplication::translate("ReplayTimelineScale", "%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    // The smaller unit in two digits, as a clock shows it.
    if (minutes < 60) {
        return QCoreApplication::translate("ReplayTimelineScale", "%1 min %2 s")
            .arg(minutes)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return QCoreApplication::translate("ReplayTimelineScale", "%1 h %2 min")
        .arg(minutes / 60)
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace vantage
