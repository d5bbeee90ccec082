#include "widgets/SparklineCache.h"

#include "widgets/Sparkline.h"

#include <QPaintDevice>
#include <QPainter>
#include <QRectF>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

namespace vantage {

namespace {

// Compared bit for bit: a gap in the history is NaN, and NaN never equals itself.
bool sameValues(std::span<const double> a, std::span<const double> b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](double x, double y) {
        return std::bit_cast<std::uint64_t>(x) == std::bit_cast<std::uint64_t>(y);
    });
}

// Whether an image drawn at `origin` lands on whole device pixels at the device's own scale (a
// high-DPI screen's ratio), so that the blit is exactly what painting straight would give.
bool blitsCleanly(const QTransform &device, qreal ratio, QPointF origin)
{
    if (device.type() > QTransform::TxScale || device.m11() != ratio || device.m22() != ratio)
        return false;
    const QPointF at = device.map(origin);
    return at.x() == std::floor(at.x()) && at.y() == std::floor(at.y());
}

} // namespace

bool SparklineCache::matches(std::span<const double> values, const QSizeF &size, const QPointF &offset,
                             const QColor &color, bool includeZero, double typeScale, qreal ratio) const
{
    return !m_image.isNull() && m_image.devicePixelRatio() == ratio && m_size == size && m_offset == offset &&
           m_color == color && m_includeZero == includeZero && m_typeScale == typeScale &&
           sameValues(values, m_values);
}

void SparklineCache::paint(QPainter &painter, const QRectF &rect, std::span<const double> values,
                           const QColor &color, bool includeZero, double typeScale)
{
    // The newest sample's dot reaches a little past the rect; the margin keeps it whole.
    const double margin = std::ceil(3.0 * typeScale) + 1.0;
    const QPointF origin(std::floor(rect.x()) - margin, std::floor(rect.y()) - margin);
    const QPointF offset = rect.topLeft() - origin;
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatio() : 1.0;
    // A scaled or rotated painter, or one between pixels, would blur a blitted image.
    if (rect.isEmpty() || !blitsCleanly(painter.deviceTransform(), ratio, origin)) {
        Sparkline::paint(painter, rect, values, color, includeZero, typeScale);
        return;
    }
    if (!matches(values, rect.size(), offset, color, includeZero, typeScale, ratio)) {
        const QSizeF logical(std::ceil(offset.x() + rect.width() + margin),
                             std::ceil(offset.y() + rect.height() + margin));
        m_image = QImage((logical * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(ratio);
        m_image.fill(Qt::transparent);
        QPainter imagePainter(&m_image);
        Sparkline::paint(imagePainter, QRectF(offset, rect.size()), values, color, includeZero, typeScale);
        imagePainter.end();
        m_values.assign(values.begin(), values.end());
        m_size = rect.size();
        m_offset = offset;
        m_color = color;
        m_includeZero = includeZero;
        m_typeScale = typeScale;
        ++m_renders;
    }
    painter.drawImage(origin, m_image);
}

} // namespace vantage
