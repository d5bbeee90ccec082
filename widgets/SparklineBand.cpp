#include "widgets/SparklineBand.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace vantage::SparklineBand {

namespace {

// Samples are taken exactly where an arc or an edge ends: a rounding error must not lose them.
constexpr double kSlack = 1e-9;
// A column's stroke is a box with round ends: its sides are sampled on both sides of this step.
constexpr double kStep = 1e-4;

// The ink's extent up and down at one x.
struct Span
{
    double top = std::numeric_limits<double>::infinity();
    double bottom = -std::numeric_limits<double>::infinity();

    void cover(double from, double to)
    {
        top = std::min(top, from);
        bottom = std::max(bottom, to);
    }
};

// What a round pen of radius `half` inks along one segment, a to b (b not left of a):
// its round ends, and its body between two edges `half` to either side.
class Stroke
{
public:
    Stroke(QPointF a, QPointF b, double half)
        : m_a(a)
        , m_b(b)
        , m_half(half)
    {
        const double dx = b.x() - a.x();
        const double dy = b.y() - a.y();
        const double length = std::hypot(dx, dy);
        if (dx > kStep) {
            m_slope = dy / dx;
            // `half` across the segment is further than that up and down.
            m_across = half * length / dx;
        }
        // The upper edge runs from a.x + shift to b.x + shift, the lower edge from a.x - shift.
        m_shift = length > 0.0 ? half * dy / length : 0.0;
    }

    // Closer than kStep, a segment is drawn as a column's box.
    bool vertical() const { return m_b.x() - m_a.x() <= kStep; }
    double left() const { return m_a.x() - m_half; }
    double right() const { return m_b.x() + m_half; }

    // Where its upper edge runs from and to, from its ends' x; its lower edge mirrors it.
    double shift() const { return m_shift; }

    // Where the line of its upper (side -1) or lower (side 1) edge crosses that of `next`, which
    // starts where it ends: inside a bend a corner of the ink, outside a point the pen's arc
    // covers anyway. Never further than `half` from the shared point, since the two edges' offsets
    // differ by at most `half` times the difference of their slopes.
    std::optional<double> crossing(const Stroke &next, double side) const
    {
        if (vertical() || next.vertical() || m_slope == next.m_slope)
            return std::nullopt;
        return m_b.x() + side * (next.m_across - m_across) / (m_slope - next.m_slope);
    }

    void addTo(Span &span, double x) const
    {
        for (const QPointF end : {m_a, m_b}) {
            const double offset = x - end.x();
            if (std::abs(offset) <= m_half + kSlack) {
                const double reach = std::sqrt(std::max(0.0, m_half * m_half - offset * offset));
                span.cover(end.y() - reach, end.y() + reach);
            }
        }
        if (vertical()) {
            if (std::abs(x - m_a.x()) <= m_half + kSlack)
                span.cover(std::min(m_a.y(), m_b.y()), std::max(m_a.y(), m_b.y()));
            return;
        }
        const double y = m_a.y() + m_slope * (x - m_a.x());
        if (x >= m_a.x() + m_shift - kSlack && x <= m_b.x() + m_shift + kSlack)
            span.top = std::min(span.top, y - m_across);
        if (x >= m_a.x() - m_shift - kSlack && x <= m_b.x() - m_shift + kSlack)
            span.bottom = std::max(span.bottom, y + m_across);
    }

private:
    QPointF m_a;
    QPointF m_b;
    double m_half;
    double m_slope = 0.0;
    double m_across = 0.0;
    double m_shift = 0.0;
};

// Samples, from `from` to `to` relative to a point's x, of the arc a round pen draws around the
// point: both ends and every 45 degrees between.
void addArc(std::vector<double> &xs, double x, double half, double from, double to)
{
    static constexpr double kSines[] = {-0.707, 0.0, 0.707};
    const auto [low, high] = std::minmax(from, to);
    xs.push_back(x + low);
    for (const double sine : kSines) {
        if (sine * half > low && sine * half < high)
            xs.push_back(x + sine * half);
    }
    xs.push_back(x + high);
}

// One edge of the band, left to right. A point is left out when the straight line the edge takes
// past it stays within kTolerance of it and of every point left out before it since the last one
// kept: most samples are where some other stroke's edge bends, and fewer points fill faster.
class Edge
{
public:
    static constexpr double kTolerance = 0.025;

    void add(QPointF point)
    {
        if (m_points.size() >= 2) {
            const QPointF kept = m_points[m_points.size() - 2];
            const QPointF last = m_points.back();
            // The slopes from `kept` that pass `last` too, within the tolerance.
            const double low = std::max(m_low, (last.y() - kTolerance - kept.y()) / (last.x() - kept.x()));
            const double high = std::min(m_high, (last.y() + kTolerance - kept.y()) / (last.x() - kept.x()));
            const double slope = (point.y() - kept.y()) / (point.x() - kept.x());
            if (slope >= low && slope <= high) {
                m_low = low;
                m_high = high;
                m_points.back() = point;
                return;
            }
        }
        m_low = -std::numeric_limits<double>::infinity();
        m_high = std::numeric_limits<double>::infinity();
        m_points.push_back(point);
    }

    const std::vector<QPointF> &points() const { return m_points; }

private:
    std::vector<QPointF> m_points;
    // The slopes from the last point kept that pass every point left out since, within the tolerance.
    double m_low = -std::numeric_limits<double>::infinity();
    double m_high = std::numeric_limits<double>::infinity();
};

} // namespace

QPolygonF outline(const QPolygonF &line, double lineWidth)
{
    if (line.isEmpty())
        return {};
    const double half = lineWidth / 2.0;
    std::vector<Stroke> strokes;
    strokes.reserve(size_t(line.size()));
    for (qsizetype i = 0; i + 1 < line.size(); ++i)
        strokes.emplace_back(line[i], line[i + 1], half);
    if (strokes.empty())
        strokes.emplace_back(line.front(), line.front(), half);

    // Sampled at every x where one of the strokes' edges ends, along the arcs the pen draws around
    // each point where no stroke's body covers them (the outside of a bend, the line's ends), and
    // where neighbouring strokes' edges cross, the polygon follows the ink's edges within a
    // tenth of a pixel (Edge::kTolerance, and chords of the arcs every 45 degrees): between those x
    // they are straight.
    std::vector<double> xs;
    xs.reserve(size_t(line.size()) * 14);
    for (qsizetype i = 0; i < line.size(); ++i) {
        const bool first = i == 0;
        const bool last = i + 1 == line.size();
        const double before = first ? -half : strokes[size_t(i - 1)].shift();
        const double after = last ? half : strokes[size_t(i)].shift();
        addArc(xs, line[i].x(), half, before, after);
        addArc(xs, line[i].x(), half, first ? -half : -before, last ? half : -after);
    }
    for (size_t i = 0; i < strokes.size(); ++i) {
        if (strokes[i].vertical())
            xs.insert(xs.end(), {strokes[i].left() - kStep, strokes[i].right() + kStep});
        // Inside a bend, the two strokes' edges cross: a corner of the ink.
        if (i + 1 < strokes.size()) {
            for (const double side : {-1.0, 1.0}) {
                if (const auto x = strokes[i].crossing(strokes[i + 1], side))
                    xs.push_back(*x);
            }
        }
    }
    const double left = strokes.front().left();
    const double right = strokes.back().right();
    std::erase_if(xs, [&](double x) { return x < left - kSlack || x > right + kSlack; });
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end(), [](double a, double b) { return b - a < kSlack; }), xs.end());

    Edge top;
    Edge bottom;
    size_t first = 0;
    for (const double x : xs) {
        // The strokes are in x order: those that can reach x are a run that moves right with it.
        while (first + 1 < strokes.size() && strokes[first].right() + kSlack < x)
            ++first;
        Span span;
        for (size_t i = first; i < strokes.size() && strokes[i].left() - kSlack <= x; ++i)
            strokes[i].addTo(span, x);
        if (span.top > span.bottom)
            continue;
        top.add(QPointF(x, span.top));
        bottom.add(QPointF(x, span.bottom));
    }

    // The top edge left to right, then the bottom edge back.
    QPolygonF band;
    band.reserve(qsizetype(top.points().size() + bottom.points().size()));
    for (const QPointF &point : top.points())
        band << point;
    for (auto point = bottom.points().rbegin(); point != bottom.points().rend(); ++point)
        band << *point;
    return band;
}

} // namespace vantage::SparklineBand
