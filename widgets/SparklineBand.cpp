#include "widgets/SparklineBand.h"

#include <algorithm>
#include <cmath>
#include <limits>
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
        if (dx > 0.0) {
            m_slope = dy / dx;
            // `half` across the segment is further than that up and down.
            m_across = half * length / dx;
        }
        // The upper edge runs from a.x + shift to b.x + shift, the lower edge from a.x - shift.
        m_shift = length > 0.0 ? half * dy / length : 0.0;
    }

    bool vertical() const { return m_a.x() == m_b.x(); }
    double left() const { return m_a.x() - m_half; }
    double right() const { return m_b.x() + m_half; }

    // Where its upper edge runs from and to, from its ends' x; its lower edge mirrors it.
    double shift() const { return m_shift; }

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

// Appends `point` to an edge, first dropping the edge's last point when it lies within a twentieth
// of a pixel of the straight line from the one before to `point`: most samples are where some
// other stroke's edge bends, and fewer points are faster to fill.
void addPoint(std::vector<QPointF> &edge, QPointF point)
{
    constexpr double kTolerance = 0.05;
    if (edge.size() >= 2) {
        const QPointF before = edge[edge.size() - 2];
        const QPointF last = edge.back();
        const double t = (last.x() - before.x()) / (point.x() - before.x());
        if (std::abs(before.y() + t * (point.y() - before.y()) - last.y()) < kTolerance)
            edge.pop_back();
    }
    edge.push_back(point);
}

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

    // Sampled at every x where one of the strokes' edges ends, and along the arcs the pen draws
    // around each point where no stroke's body covers them (the outside of a bend, the line's ends),
    // the polygon follows the ink's edges to a tenth of a pixel: between those x they are straight.
    std::vector<double> xs;
    xs.reserve(size_t(line.size()) * 10);
    for (qsizetype i = 0; i < line.size(); ++i) {
        const bool first = i == 0;
        const bool last = i + 1 == line.size();
        const double before = first ? -half : strokes[size_t(i - 1)].shift();
        const double after = last ? half : strokes[size_t(i)].shift();
        addArc(xs, line[i].x(), half, before, after);
        addArc(xs, line[i].x(), half, first ? -half : -before, last ? half : -after);
    }
    for (const Stroke &stroke : strokes) {
        if (stroke.vertical())
            xs.insert(xs.end(), {stroke.left() - kStep, stroke.right() + kStep});
    }
    const double left = strokes.front().left();
    const double right = strokes.back().right();
    std::erase_if(xs, [&](double x) { return x < left - kSlack || x > right + kSlack; });
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end(), [](double a, double b) { return b - a < kStep / 2; }),
             xs.end());

    std::vector<QPointF> tops;
    std::vector<QPointF> bottoms;
    tops.reserve(xs.size());
    bottoms.reserve(xs.size());
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
        addPoint(tops, QPointF(x, span.top));
        addPoint(bottoms, QPointF(x, span.bottom));
    }

    // The top edge left to right, then the bottom edge back.
    QPolygonF band;
    band.reserve(qsizetype(tops.size() + bottoms.size()));
    band.append(QList<QPointF>(tops.begin(), tops.end()));
    std::reverse(bottoms.begin(), bottoms.end());
    band.append(QList<QPointF>(bottoms.begin(), bottoms.end()));
    return band;
}

} // namespace vantage::SparklineBand
