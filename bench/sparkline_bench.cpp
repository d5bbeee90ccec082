#include "widgets/Sparkline.h"
#include "widgets/SparklineBand.h"
#include "widgets/SparklineScale.h"

#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

// What a health card's sparkline costs when its history moves (docs/performance.md), on a random
// walk: its line filled as the band a round pen would ink (SparklineBand, as Sparkline::paint draws
// it), against the same points stroked with that pen, as it did before; and the whole of
// Sparkline::paint (the soft fill under the line, the line, the newest sample's dot). Two sizes:
// 900 samples in 296 px (decimated, as on the metrics page) and 180 in 230 px (the overview's cards
// at 1920 px). Reported as sparklines/s; compare the pairs in one run.

namespace {

constexpr double kLineWidth = vantage::Sparkline::kLineWidth;
const QColor kColor(80, 160, 255);

QRectF cardRect(const benchmark::State &state)
{
    return QRectF(4, 4, double(state.range(1)), 26);
}

std::vector<double> cardHistory(const benchmark::State &state)
{
    const auto samples = int(state.range(0));
    std::vector<double> values;
    double value = 50.0;
    unsigned random = 12345;
    for (int i = 0; i < samples; ++i) {
        random = random * 1103515245u + 12345u;
        value = std::clamp(value + double(int(random >> 16) % 13 - 6), 5.0, 95.0);
        values.push_back(value);
    }
    return values;
}

// The line's points as Sparkline::paint places them.
QPolygonF cardLine(const benchmark::State &state)
{
    const std::vector<double> values = cardHistory(state);
    const QRectF area = cardRect(state).adjusted(kLineWidth, kLineWidth, -kLineWidth, -kLineWidth);
    return vantage::SparklineScale::fit(values, area, true).polylines(values).front();
}

// Paints `draw` on a fresh transparent canvas per iteration, antialiased.
template <typename Draw> void paintEach(benchmark::State &state, Draw draw)
{
    QImage image(310, 34, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing, true);
        draw(painter);
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_SparklineLineBand(benchmark::State &state)
{
    const QPolygonF line = cardLine(state);
    paintEach(state, [&](QPainter &painter) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(kColor);
        painter.drawPolygon(vantage::SparklineBand::outline(line, kLineWidth), Qt::WindingFill);
    });
}
BENCHMARK(BM_SparklineLineBand)->Args({900, 296})->Args({180, 230})->Unit(benchmark::kMicrosecond);

// The peer: the same points stroked with a round pen of the same width.
void BM_SparklineLineRoundPen(benchmark::State &state)
{
    const QPolygonF line = cardLine(state);
    paintEach(state, [&](QPainter &painter) {
        painter.setPen(QPen(kColor, kLineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(line);
    });
}
BENCHMARK(BM_SparklineLineRoundPen)->Args({900, 296})->Args({180, 230})->Unit(benchmark::kMicrosecond);

void BM_SparklinePaint(benchmark::State &state)
{
    const std::vector<double> values = cardHistory(state);
    const QRectF rect = cardRect(state);
    paintEach(state,
              [&](QPainter &painter) { vantage::Sparkline::paint(painter, rect, values, kColor, true); });
}
BENCHMARK(BM_SparklinePaint)->Args({900, 296})->Args({180, 230})->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
