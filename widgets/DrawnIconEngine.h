#pragma once

#include "widgets/PaintedIconEngine.h"

namespace vantage {

// The standard icons the window shows or lays out at startup, drawn instead of read from Qt's
// bundled images: reading one of those loads every image-format plugin (GIF, ICO, JPEG), about a
// millisecond of startup (docs/performance.md, "Startup"), and their fixed greys are lost on the
// dark theme.
//
// - Clear: a line edit's clear button. A disc in the palette's placeholder colour (its text colour
//   while pressed) with a cross cut out in the field's colour.
// - Extension, VerticalExtension: a menu or tool bar's overflow button. Two chevrons in the button
//   text's colour, pointing to the hidden items: right (left in a right-to-left layout), or down.
//
// The colours are the application palette's when the icon is painted, so an icon made under one
// theme follows the next; a disabled icon is drawn at half opacity.
class DrawnIconEngine final : public PaintedIconEngine
{
public:
    enum class Glyph { Clear, Extension, VerticalExtension };

    explicit DrawnIconEngine(Glyph glyph);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    Glyph m_glyph;
};

} // namespace vantage
