#include "ui/PlaybackIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace vantage {

namespace {

constexpr int kSize = 16;

QPainterPath triangle(qreal left, qreal right)
{
    QPainterPath path;
    path.moveTo(left, 2);
    path.lineTo(right, kSize / 2.0);
    path.lineTo(left, kSize - 2);
    path.closeSubpath();
    return path;
}

QPixmap glyphPixmap(PlaybackGlyph glyph, const QColor &color, int scale)
{
    QPixmap pixmap(kSize * scale, kSize * scale);
    pixmap.setDevicePixelRatio(scale);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    switch (glyph) {
    case PlaybackGlyph::Play: painter.drawPath(triangle(3, 14)); break;
    case PlaybackGlyph::Pause:
        painter.drawRoundedRect(QRectF(3, 2, 3.5, kSize - 4), 1, 1);
        painter.drawRoundedRect(QRectF(9.5, 2, 3.5, kSize - 4), 1, 1);
        break;
    case PlaybackGlyph::Step:
        painter.drawPath(triangle(2, 11));
        painter.drawRoundedRect(QRectF(11.5, 2, 2.5, kSize - 4), 1, 1);
        break;
    }
    painter.end();
    return pixmap;
}

} // namespace

QIcon playbackIcon(PlaybackGlyph glyph, const QColor &color, const QColor &disabled)
{
    QIcon icon;
    for (const int scale : {1, 2}) {
        icon.addPixmap(glyphPixmap(glyph, color, scale), QIcon::Normal);
        icon.addPixmap(glyphPixmap(glyph, disabled, scale), QIcon::Disabled);
    }
    return icon;
}

} // namespace vantage
