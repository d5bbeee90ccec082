#include "ui/PixelShift.h"

#include <QMainWindow>

#include <algorithm>

namespace vantage {

namespace {

// A tour of the square of side 2 maxPx + 1, as offsets from its centre. Columns 0 and 1 zigzag
// row by row to the second last row, step diagonally into the last row, then the remaining
// columns go up and down in turn below the top row, and the top row leads back to the start.
std::vector<QPoint> orbitOf(int maxPx)
{
    if (maxPx == 0)
        return {QPoint(0, 0)};
    const int side = 2 * maxPx + 1;
    std::vector<QPoint> orbit;
    orbit.reserve(size_t(side) * size_t(side));
    const auto visit = [&](int column, int row) { orbit.emplace_back(column - maxPx, row - maxPx); };
    for (int row = 0; row < side - 1; ++row) {
        visit(row % 2 == 0 ? 1 : 0, row);
        visit(row % 2 == 0 ? 0 : 1, row);
    }
    visit(0, side - 1); // the diagonal step
    visit(1, side - 1);
    for (int column = 2; column < side; ++column) {
        for (int i = 1; i < side; ++i)
            visit(column, column % 2 == 0 ? side - i : i);
    }
    for (int column = side - 1; column >= 2; --column)
        visit(column, 0);
    return orbit;
}

} // namespace

PixelShift::PixelShift(int maxPx, qint64 stepMs)
    : m_maxPx(std::max(0, maxPx))
    , m_stepMs(std::max<qint64>(1, stepMs))
    , m_orbit(orbitOf(m_maxPx))
{}

QPoint PixelShift::offsetAt(qint64 nowMs) const
{
    // Floor division, so that a clock before the epoch still steps at multiples of stepMs.
    const qint64 step = nowMs / m_stepMs - (nowMs % m_stepMs < 0 ? 1 : 0);
    const auto length = qint64(m_orbit.size());
    return m_orbit[size_t((step % length + length) % length)];
}

void applyPixelShift(QMainWindow *window, QPoint offset, int maxPx)
{
    // The window's own margins rather than the central widget's: the status bar's fixed labels
    // would burn in as much as the top bar.
    const int border = std::max(0, maxPx);
    const int dx = std::clamp(offset.x(), -border, border);
    const int dy = std::clamp(offset.y(), -border, border);
    window->setContentsMargins(border + dx, border + dy, border - dx, border - dy);
}

} // namespace vantage
