#include "widgets/MapSprites.h"

#include <QPaintDevice>
#include <QPainter>

#include <cmath>

namespace vantage {

void MapSprites::drawCircle(QPainter &painter, QPointF centre, double radius, const QColor &fill,
                            const QColor &edge, double edgeWidth)
{
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatio() : 1.0;
    const Key key{int(std::lround(radius * 2.0)), fill.rgba(), edge.rgba(), int(std::lround(edgeWidth * 4.0)),
                  int(std::lround(ratio * 100.0))};
    auto it = m_sprites.constFind(key);
    if (it == m_sprites.constEnd()) {
        if (m_sprites.size() >= maxSprites)
            m_sprites.clear();
        it = m_sprites.insert(key, render(key));
    }
    const QSizeF size = it->deviceIndependentSize();
    // Whole pixels keep the blit a plain copy; half a pixel off is not to be seen on a map.
    painter.drawImage(
        QPointF(std::round(centre.x() - size.width() / 2.0), std::round(centre.y() - size.height() / 2.0)),
        *it);
}

QImage MapSprites::render(const Key &key)
{
    const double radius = key.halfPixels / 2.0;
    const double edgeWidth = key.edgeQuarters / 4.0;
    const qreal ratio = key.ratioPercent / 100.0;
    // An even side puts the centre on a pixel corner, as a circle's centre at a whole pixel is.
    const int side = 2 * int(std::ceil(radius + edgeWidth / 2.0 + 1.0));
    QImage image(QSize(side, side) * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor edge = QColor::fromRgba(key.edge);
    painter.setPen(edge.alpha() > 0 && edgeWidth > 0.0 ? QPen(edge, edgeWidth) : QPen(Qt::NoPen));
    painter.setBrush(QColor::fromRgba(key.fill));
    painter.drawEllipse(QPointF(side / 2.0, side / 2.0), radius, radius);
    return image;
}

} // namespace vantage
