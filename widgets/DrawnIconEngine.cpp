#include "widgets/DrawnIconEngine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QTransform>

#include <algorithm>

namespace vantage {

namespace {

// The clear disc's diameter and its cross's reach, as shares of the icon's side and the disc's.
constexpr qreal kDiscShare = 0.75;
constexpr qreal kCrossShare = 0.42;
// The chevrons' height and their stroke, as shares of the icon's side.
constexpr qreal kChevronShare = 0.5;
constexpr qreal kStrokeShare = 0.1;
constexpr qreal kDisabledOpacity = 0.5;

void paintClear(QPainter *painter, const QRectF &rect, QIcon::Mode mode, const QPalette &palette)
{
    const qreal side = std::min(rect.width(), rect.height()) * kDiscShare;
    QRectF disc(0, 0, side, side);
    disc.moveCenter(rect.center());
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(mode == QIcon::Active ? QPalette::Text : QPalette::PlaceholderText));
    painter->drawEllipse(disc);
    const qreal arm = side * kCrossShare / 2;
    const QPointF centre = disc.center();
    painter->setPen(
        QPen(palette.color(QPalette::Window), std::max(1.0, side / 8), Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(centre + QPointF(-arm, -arm), centre + QPointF(arm, arm));
    painter->drawLine(centre + QPointF(-arm, arm), centre + QPointF(arm, -arm));
}

// Two chevrons pointing the way the bar's hidden items lie: right, left in a right-to-left
// layout, or down.
void paintExtension(QPainter *painter, const QRectF &rect, bool vertical, const QPalette &palette)
{
    const qreal side = std::min(rect.width(), rect.height());
    const qreal half = side * kChevronShare / 2;
    QPainterPath chevrons;
    for (const qreal dx : {-half * 0.9, half * 0.1}) {
        chevrons.moveTo(dx, -half);
        chevrons.lineTo(dx + half * 0.8, 0);
        chevrons.lineTo(dx, half);
    }
    QTransform toRect = QTransform::fromTranslate(rect.center().x(), rect.center().y());
    if (vertical)
        toRect.rotate(90);
    else if (QGuiApplication::layoutDirection() == Qt::RightToLeft)
        toRect.scale(-1, 1);
    painter->setPen(QPen(palette.color(QPalette::ButtonText), std::max(1.0, side * kStrokeShare),
                         Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(toRect.map(chevrons));
}

} // namespace

DrawnIconEngine::DrawnIconEngine(Glyph glyph)
    : m_glyph(glyph)
{}

void DrawnIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const QPalette palette = QGuiApplication::palette();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (mode == QIcon::Disabled)
        painter->setOpacity(kDisabledOpacity);
    switch (m_glyph) {
    case Glyph::Clear: paintClear(painter, rect, mode, palette); break;
    case Glyph::Extension: paintExtension(painter, rect, false, palette); break;
    case Glyph::VerticalExtension: paintExtension(painter, rect, true, palette); break;
    }
    painter->restore();
}

QIconEngine *DrawnIconEngine::clone() const
{
    return new DrawnIconEngine(m_glyph);
}

QString DrawnIconEngine::key() const
{
    return QStringLiteral("vantage.drawn");
}

} // namespace vantage
