#include "ui/PlaybackIcons.h"

#include "widgets/PaintedIconEngine.h"

#include <QPainter>
#include <QPainterPath>

namespace vantage {

namespace {

// The glyphs are drawn on a square of this many units, scaled to the size asked for.
constexpr qreal kUnits = 16;

QPainterPath triangle(qreal left, qreal right)
{
    QPainterPath path;
    path.moveTo(left, 2);
    path.lineTo(right, kUnits / 2);
    path.lineTo(left, kUnits - 2);
    path.closeSubpath();
    return path;
}

// Draws its glyph when a button paints it, at the size and pixel ratio it is painted at. Four
// pixmaps per icon, built each time the bar changed state, cost 1.6 M instructions of the
// window's start (2 %) with the bar hidden (docs/performance.md, "Startup").
class PlaybackIconEngine final : public PaintedIconEngine
{
public:
    PlaybackIconEngine(PlaybackGlyph glyph, const QColor &color, const QColor &disabled)
        : m_glyph(glyph)
        , m_color(color)
        , m_disabled(disabled)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal side = qMin(rect.width(), rect.height());
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2);
        painter->scale(side / kUnits, side / kUnits);
        painter->setPen(Qt::NoPen);
        painter->setBrush(mode == QIcon::Disabled ? m_disabled : m_color);
        switch (m_glyph) {
        case PlaybackGlyph::Play: painter->drawPath(triangle(3, 14)); break;
        case PlaybackGlyph::Pause:
            painter->drawRoundedRect(QRectF(3, 2, 3.5, kUnits - 4), 1, 1);
            painter->drawRoundedRect(QRectF(9.5, 2, 3.5, kUnits - 4), 1, 1);
            break;
        case PlaybackGlyph::Step:
            painter->drawPath(triangle(2, 11));
            painter->drawRoundedRect(QRectF(11.5, 2, 2.5, kUnits - 4), 1, 1);
            break;
        }
        painter->restore();
    }

    QIconEngine *clone() const override { return new PlaybackIconEngine(m_glyph, m_color, m_disabled); }
    QString key() const override { return QStringLiteral("vantage.playback"); }

private:
    PlaybackGlyph m_glyph;
    QColor m_color;
    QColor m_disabled;
};

} // namespace

QIcon playbackIcon(PlaybackGlyph glyph, const QColor &color, const QColor &disabled)
{
    return QIcon(new PlaybackIconEngine(glyph, color, disabled));
}

} // namespace vantage
